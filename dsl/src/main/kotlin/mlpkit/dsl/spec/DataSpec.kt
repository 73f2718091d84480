package mlpkit.dsl.spec

import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import kotlinx.serialization.json.JsonPrimitive

/** Where the samples come from, how they are split, how features are scaled, and how training batches are augmented. */
@Serializable
data class DataSpec @JvmOverloads constructor(
    val source: DataSource,
    val split: SplitSpec = SplitSpec(),
    val scaling: Scaling = Scaling.NONE,
    val augment: AugmentSpec? = null,
)

/**
 * Data augmentation of the training batches (never of validation or test rows): [shift] moves each
 * training image by up to that many pixels in each direction, drawn anew every time the image is
 * used (edges repeat the nearest pixel). Image sets only (MNIST, Fashion-MNIST, IDX files).
 */
@Serializable
data class AugmentSpec(val shift: Int)

/** The origin of the samples. */
@Serializable
sealed interface DataSource {
    /** A scikit-learn generator by name with scikit-learn's parameter names, e.g. make_moons, {n_samples: 100}. */
    @Serializable
    @SerialName("generator")
    data class Generator(val generator: String, val params: Map<String, JsonPrimitive> = emptyMap()) : DataSource

    companion object {
        /**
         * A generator with its parameters as plain values (numbers, booleans, strings; null for scikit-learn's
         * None), for Java: `DataSource.generator("make_moons", Map.of("n_samples", 100, "noise", 0.1))`.
         */
        @JvmStatic
        fun generator(name: String, params: Map<String, Any?>): DataSource = Generator(name, params.mapValues { (key, value) ->
            when (value) {
                null -> kotlinx.serialization.json.JsonNull
                is Number -> JsonPrimitive(value)
                is Boolean -> JsonPrimitive(value)
                is String -> JsonPrimitive(value)
                else -> throw IllegalArgumentException("generator parameter $key: expected a number, boolean, string or null, got ${value::class.simpleName}")
            }
        })

        /** A built-in set, one of `mlpkit.data.builtin.BuiltInSets.names`: `digits`, `iris`, `wine`, `breast-cancer`, `diabetes`, `linnerud`, `mnist`, `fashion-mnist`. */
        @JvmStatic
        fun builtIn(set: String): DataSource = BuiltIn(set)
    }

    /**
     * A built-in set named in `mlpkit.data.builtin.BuiltInSets`: digits, iris, wine, breast-cancer, diabetes,
     * linnerud (shipped in the jar) or mnist, fashion-mnist (from the data store, with their own test split).
     */
    @Serializable
    @SerialName("builtin")
    data class BuiltIn(val set: String) : DataSource

    /**
     * A numeric CSV file; [label] is a column name or index (default: the last column). [header]: true
     * — the first line holds column names; false — every line is data; null (the default) — the first
     * line is a header only when none of its fields is a number, so a data row is never dropped as one
     * (see data's `CsvHeaderRule`).
     */
    @Serializable
    @SerialName("csv")
    data class Csv @JvmOverloads constructor(
        val train: String,
        val test: String? = null,
        val header: Boolean? = null,
        val label: String? = null,
        val regression: Boolean = false,
    ) : DataSource

    /** IDX image and label files (MNIST layout); the test pair is optional. */
    @Serializable
    @SerialName("idx")
    data class Idx(
        val trainImages: String,
        val trainLabels: String,
        val testImages: String? = null,
        val testLabels: String? = null,
    ) : DataSource
}

/**
 * Fractions of the samples held out for validation and test (of the training file or generated set;
 * sets with their own test files only take [validation]). [shuffle] = false keeps the given order:
 * the first rows train, the last ones test, as article E3 does.
 */
@Serializable
data class SplitSpec(
    val validation: Double = 0.0,
    val test: Double = 0.0,
    val stratify: Boolean = false,
    val shuffle: Boolean = true,
)

/** Feature scaling, fitted on the training rows only and saved with the model. */
@Serializable
enum class Scaling {
    @SerialName("none") NONE,
    @SerialName("standard") STANDARD,
    @SerialName("minmax") MIN_MAX,
    /** Image pixels to [0, 1]. */
    @SerialName("unit") UNIT,
    /** Image pixels to [−1, 1] (article E4). */
    @SerialName("symmetric") SYMMETRIC,
}
