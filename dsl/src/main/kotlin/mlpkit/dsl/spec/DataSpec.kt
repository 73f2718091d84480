package mlpkit.dsl.spec

import kotlinx.serialization.EncodeDefault
import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import kotlinx.serialization.json.JsonPrimitive
import mlpkit.data.split.ShuffleSplit
import mlpkit.data.table.ColumnOptions
import mlpkit.data.table.ColumnOptionsSerializer

/**
 * Where the samples come from, how they are split, how features are scaled, how training batches are
 * augmented, and how real-valued targets are scaled ([targetScaling], see [TargetScaling]; left out of
 * the JSON when `none`, so files written before it existed keep their bytes).
 */
@OptIn(ExperimentalSerializationApi::class)
@Serializable
data class DataSpec @JvmOverloads constructor(
    val source: DataSource,
    val split: SplitSpec = SplitSpec(),
    val scaling: Scaling = Scaling.NONE,
    val augment: AugmentSpec? = null,
    @EncodeDefault(EncodeDefault.Mode.NEVER) val targetScaling: TargetScaling = TargetScaling.NONE,
)

/**
 * Data augmentation of the training batches (never of validation or test rows): [shift] moves each
 * training image by up to that many pixels in each direction, drawn anew every time the image is
 * used (edges repeat the nearest pixel). Image sets only (MNIST, Fashion-MNIST, IDX files).
 */
@Serializable
data class AugmentSpec(@ValidRange(min = 1.0, fix = "the largest shift in pixels, e.g. 2") val shift: Int)

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

        /** A built-in set, one of `mlpkit.data.builtin.BuiltInSets.names`: `digits`, `iris`, `wine`, `breast-cancer`, `diabetes`, `linnerud`, `penguins`, `mnist`, `fashion-mnist`. */
        @JvmStatic
        fun builtIn(set: String): DataSource = BuiltIn(set)
    }

    /**
     * A built-in set named in `mlpkit.data.builtin.BuiltInSets`: digits, iris, wine, breast-cancer, diabetes,
     * linnerud (shipped in the jar) or mnist, fashion-mnist (from the data store, with their own test split).
     */
    @OptIn(ExperimentalSerializationApi::class)
    @Serializable
    @SerialName("builtin")
    data class BuiltIn @JvmOverloads constructor(
        val set: String,
        /**
         * For a built-in table (penguins): options for some of its columns, over the set's own (which [set]'s
         * description states); the form of a CSV table's `columns` (docs/tabular.md). Left out of the JSON when null.
         */
        @EncodeDefault(EncodeDefault.Mode.NEVER)
        val columns: Map<String, @Serializable(with = ColumnOptionsSerializer::class) ColumnOptions>? = null,
    ) : DataSource

    /**
     * A numeric CSV file; [label] is a column name or index (default: the last column). [header]: true
     * — the first line holds column names; false — every line is data; null (the default) — the first
     * line is a header only when none of its fields is a number, so a data row is never dropped as one
     * (see data's `CsvHeaderRule`).
     *
     * A **table** (text columns, missing values; docs/tabular.md) when any of the last three is given: [columns]
     * chooses per column name its role and options (data's `ColumnOptions`; an empty map infers every column),
     * [missing] the texts that mean a missing value (default empty, `NA`, `NaN`, `?`), [missingTarget] whether a
     * row without a target is left out (with a note) or refused. The file then needs a header; its columns are
     * turned into features by a column pipeline fitted on the training rows and saved with the model. All three
     * are left out of the JSON when not given, so other files keep their bytes.
     */
    @OptIn(ExperimentalSerializationApi::class)
    @Serializable
    @SerialName("csv")
    data class Csv @JvmOverloads constructor(
        val train: String,
        val test: String? = null,
        val header: Boolean? = null,
        val label: String? = null,
        val regression: Boolean = false,
        @EncodeDefault(EncodeDefault.Mode.NEVER)
        val columns: Map<String, @Serializable(with = ColumnOptionsSerializer::class) ColumnOptions>? = null,
        @EncodeDefault(EncodeDefault.Mode.NEVER) val missing: List<String>? = null,
        @EncodeDefault(EncodeDefault.Mode.NEVER) val missingTarget: MissingTarget = MissingTarget.DROP,
        /** The header name of a column of per-row sample weights (removed from the features), or null for none. */
        @EncodeDefault(EncodeDefault.Mode.NEVER) val sampleWeight: String? = null,
    ) : DataSource {
        /** Whether the file is read as a table through a column pipeline (any of columns, missing, missingTarget given). */
        val isTable: Boolean get() = columns != null || missing != null || missingTarget != MissingTarget.DROP
    }

    /** IDX image and label files (MNIST layout); the test pair is optional. */
    @Serializable
    @SerialName("idx")
    data class Idx(
        val trainImages: String,
        val trainLabels: String,
        val testImages: String? = null,
        val testLabels: String? = null,
    ) : DataSource

    /**
     * Rows the cluster's engine reads itself, where they are (docs/spark.md, "Data on the cluster"): files of [format]
     * (one of core's `RowSource.FORMATS`: csv, parquet, json, idx) at [path], read on the workers and never loaded
     * here. [features] is one column holding an array or vector per row, or numeric columns, one feature each;
     * [label] the class label (number or text) or, when the loss is for real values, the numeric target(s);
     * [sampleWeight] a column of per-row weights (null: none); [options] the engine reader's options (csv:
     * `{"header": "true", "sep": ";"}`); [labels] the label file of IDX images (idx only). The run needs a `cluster`
     * block (or `mlp run --spark`). `data.split.validation` and `randomState` split on the workers, `data.scaling` is
     * fitted there on the training rows. [columns] (the form of a CSV table's `columns`; not for idx, not with
     * [features]) makes the source a table: every column but [label] and [sampleWeight] is a feature column, and a column
     * pipeline fitted on the workers on the training rows, with `data.scaling` as its default numeric scaling, makes
     * the features; the model file stores it, as for a local table.
     *
     * [format] [FRAME] marks a data frame passed in code (`fitDistributed`); it is not read from JSON.
     */
    @OptIn(ExperimentalSerializationApi::class)
    @Serializable
    @SerialName("spark")
    data class Spark @JvmOverloads constructor(
        val format: String,
        val path: String,
        @Serializable(with = FeatureColumnsSerializer::class)
        val features: List<String> = DEFAULT_FEATURES,
        val label: String = mlpkit.core.distributed.RowSource.LABEL,
        @EncodeDefault(EncodeDefault.Mode.NEVER) val sampleWeight: String? = null,
        @EncodeDefault(EncodeDefault.Mode.NEVER) val options: Map<String, String> = emptyMap(),
        @EncodeDefault(EncodeDefault.Mode.NEVER) val labels: String? = null,
        @EncodeDefault(EncodeDefault.Mode.NEVER)
        val columns: Map<String, @Serializable(with = ColumnOptionsSerializer::class) ColumnOptions>? = null,
    ) : DataSource {
        companion object {
            /** The [format] of a data frame handed to `fitDistributed` in code. */
            const val FRAME = "frame"

            /** [features] when not given: core's one array column `features`. */
            @JvmField
            val DEFAULT_FEATURES: List<String> = listOf(mlpkit.core.distributed.RowSource.FEATURES)
        }
    }
}

/**
 * Fractions of the samples held out for validation and test (of the training file or generated set;
 * sets with their own test files only take [validation]). [shuffle] = false keeps the given order:
 * the first rows train, the last ones test, as article E3 does.
 *
 * [randomState] splits as scikit-learn's `train_test_split(test_size=test, random_state=randomState,
 * shuffle=True)` does, row for row (data's `ShuffleSplit`: numpy's permutation, the first ⌈test · n⌉ rows
 * test, validation the next ⌈validation · n⌉), instead of drawing from the run's seed; so a run and a
 * scikit-learn script compare on the same rows. Not with [stratify] or without [shuffle]. Left out of the
 * JSON when null.
 */
@OptIn(ExperimentalSerializationApi::class)
@Serializable
data class SplitSpec @JvmOverloads constructor(
    @ValidRange(min = 0.0, max = 1.0, maxExclusive = true, fix = "e.g. 0.2") val validation: Double = 0.0,
    @ValidRange(min = 0.0, max = 1.0, maxExclusive = true, fix = "e.g. 0.2") val test: Double = 0.0,
    val stratify: Boolean = false,
    val shuffle: Boolean = true,
    @ValidRange(min = 0.0, max = ShuffleSplit.MAX_SEED.toDouble(), fix = "a numpy seed, e.g. 42, or leave it out to split with the run's seed")
    @EncodeDefault(EncodeDefault.Mode.NEVER) val randomState: Long? = null,
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

/**
 * Scaling of real-valued (regression) targets, fitted per target column on the training rows only and
 * saved in the model file: the network learns, and the loss is measured on, the scaled targets; every
 * prediction ([mlpkit.dsl.model.Model.predict], `mlp predict`) and every metric other than the loss (R²,
 * MAE, RMSE, …) is mapped back to the targets' own units. Refused for class targets.
 */
@Serializable
enum class TargetScaling {
    @SerialName("none") NONE,
    /** (y − mean) / standard deviation per column (scikit-learn's `StandardScaler`). */
    @SerialName("standard") STANDARD,
    /** The training rows' range of each column to [0, 1] (scikit-learn's `MinMaxScaler`). */
    @SerialName("minmax") MIN_MAX,
}

/** What a table does with a row whose target is missing: leave it out with a note ([DROP], the default) or stop ([REFUSE]). */
@Serializable
enum class MissingTarget {
    @SerialName("drop") DROP,
    @SerialName("refuse") REFUSE,
}
