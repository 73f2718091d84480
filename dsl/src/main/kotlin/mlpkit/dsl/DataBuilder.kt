package mlpkit.dsl

import kotlinx.serialization.json.JsonPrimitive
import mlpkit.dsl.spec.AugmentSpec
import mlpkit.dsl.spec.DataSource
import mlpkit.dsl.spec.MissingTarget
import mlpkit.dsl.spec.DataSpec
import mlpkit.dsl.spec.Scaling
import mlpkit.dsl.spec.SplitSpec
import mlpkit.dsl.spec.TargetScaling

/**
 * `data { moons(samples = 100, noise = 0.1, randomState = 0); split(test = 0.2); scaling = standard }`.
 * Generator parameters not given (null) take scikit-learn's defaults and are not written to the spec.
 */
@MlpDsl
class DataBuilder internal constructor(initial: DataSpec?) {
    private var source: DataSource? = initial?.source
    private var split: SplitSpec = initial?.split ?: SplitSpec()
    private var augment: AugmentSpec? = initial?.augment

    /** Feature scaling fitted on the training rows: [none], [standard], [minMax], [unit], [symmetric]. */
    var scaling: Scaling = initial?.scaling ?: Scaling.NONE

    /**
     * Scaling of real-valued targets fitted on the training rows ([none], [standard], [minMax]; see [TargetScaling]):
     * the loss is on the scaled targets, predictions and the other metrics in the targets' units.
     */
    var targetScaling: Scaling = initial?.targetScaling?.let { fromTargetScaling(it) } ?: Scaling.NONE

    val none: Scaling get() = Scaling.NONE
    val standard: Scaling get() = Scaling.STANDARD
    val minMax: Scaling get() = Scaling.MIN_MAX
    val unit: Scaling get() = Scaling.UNIT
    val symmetric: Scaling get() = Scaling.SYMMETRIC

    /**
     * Any scikit-learn generator by name with scikit-learn's parameter names: `generator("make_blobs", "centers" to 3)`.
     * Parameters given as null are left out (scikit-learn's default applies), so the spec records exactly
     * what was chosen, as a JSON file does.
     */
    fun generator(name: String, vararg params: Pair<String, Any?>) {
        source = DataSource.Generator(name, params.filter { it.second != null }.associate { (k, v) -> k to primitive(v) })
        shortcut = null
    }

    /** The shortcut (`moons`, …) that set the generator, or null for [generator]: how messages name a parameter. */
    private var shortcut: String? = null

    private fun viaShortcut(name: String, call: () -> Unit) {
        call()
        shortcut = name
    }

    /**
     * How the script wrote generator parameter [parameter] (scikit-learn's name): `moons(samples = …)` for a
     * shortcut, `generator("make_moons", "n_samples" to …)` otherwise; null when the source is not a generator.
     */
    internal fun scriptWords(parameter: String): String? {
        val generator = source as? DataSource.Generator ?: return null
        val short = shortcut ?: return "generator(\"${generator.generator}\", \"$parameter\" to …)"
        return "$short(${SHORTCUT_NAMES[parameter] ?: parameter} = …)"
    }

    fun moons(samples: Int? = null, noise: Double? = null, randomState: Long? = null, shuffle: Boolean? = null) = viaShortcut("moons") {
        generator("make_moons", "n_samples" to samples, "noise" to noise, "random_state" to randomState, "shuffle" to shuffle)
    }

    fun circles(samples: Int? = null, noise: Double? = null, factor: Double? = null, randomState: Long? = null, shuffle: Boolean? = null) = viaShortcut("circles") {
        generator("make_circles", "n_samples" to samples, "noise" to noise, "factor" to factor, "random_state" to randomState, "shuffle" to shuffle)
    }

    fun classification(
        samples: Int? = null,
        features: Int? = null,
        informative: Int? = null,
        redundant: Int? = null,
        repeated: Int? = null,
        classes: Int? = null,
        clustersPerClass: Int? = null,
        flipY: Double? = null,
        classSep: Double? = null,
        randomState: Long? = null,
        shuffle: Boolean? = null,
    ) = viaShortcut("classification") {
        generator(
            "make_classification", "n_samples" to samples, "n_features" to features, "n_informative" to informative,
            "n_redundant" to redundant, "n_repeated" to repeated, "n_classes" to classes, "n_clusters_per_class" to clustersPerClass,
            "flip_y" to flipY, "class_sep" to classSep, "random_state" to randomState, "shuffle" to shuffle,
        )
    }

    fun blobs(samples: Int? = null, features: Int? = null, centers: Int? = null, clusterStd: Double? = null, randomState: Long? = null) = viaShortcut("blobs") {
        generator(
            "make_blobs", "n_samples" to samples, "n_features" to features, "centers" to centers,
            "cluster_std" to clusterStd, "random_state" to randomState,
        )
    }

    fun regression(samples: Int? = null, features: Int? = null, informative: Int? = null, targets: Int? = null, noise: Double? = null, randomState: Long? = null) = viaShortcut("regression") {
        generator(
            "make_regression", "n_samples" to samples, "n_features" to features, "n_informative" to informative,
            "n_targets" to targets, "noise" to noise, "random_state" to randomState,
        )
    }

    /** scikit-learn's 8×8 digits (1797 × 64, values 0–16), shipped with mlpkit. */
    fun digits() {
        source = DataSource.BuiltIn("digits")
    }

    /** scikit-learn's iris (150 × 4, classes setosa, versicolor, virginica), shipped with mlpkit. */
    fun iris() {
        source = DataSource.BuiltIn("iris")
    }

    /** scikit-learn's wine (178 × 13, classes class_0..class_2, unscaled), shipped with mlpkit. */
    fun wine() {
        source = DataSource.BuiltIn("wine")
    }

    /** scikit-learn's breast cancer Wisconsin (569 × 30, 0 = malignant, 1 = benign), shipped with mlpkit. */
    fun breastCancer() {
        source = DataSource.BuiltIn("breast-cancer")
    }

    /** scikit-learn's diabetes (442 × 10, one regression target), raw as `load_diabetes(scaled=False)`, shipped with mlpkit. */
    fun diabetes() {
        source = DataSource.BuiltIn("diabetes")
    }

    /** scikit-learn's Linnerud (20 × 3, three regression targets: Weight, Waist, Pulse), shipped with mlpkit. */
    fun linnerud() {
        source = DataSource.BuiltIn("linnerud")
    }

    /** MNIST from the data store (with its own 10 000-image test set). */
    fun mnist() {
        source = DataSource.BuiltIn("mnist")
    }

    /** Fashion-MNIST from the data store (with its own 10 000-image test set). */
    fun fashionMnist() {
        source = DataSource.BuiltIn("fashion-mnist")
    }

    /**
     * A CSV file of numbers, the [label] column (a name or an index; default the last column) as class labels
     * or, with [regression], as real targets. [header] = true: the first line holds column names; false: every
     * line is data; null (the default): the first line is a header only when none of its fields is a number.
     * [sampleWeight] names a column of per-row sample weights, taken out of the features (docs/weights.md).
     */
    fun csv(train: String, test: String? = null, header: Boolean? = null, label: String? = null, regression: Boolean = false, sampleWeight: String? = null) {
        source = DataSource.Csv(train, test, header, label, regression, sampleWeight = sampleWeight)
    }

    /**
     * A CSV **table** (text columns, missing values; docs/tabular.md): [block] chooses columns, missing-value texts and
     * what a row without a target does; every column not named is inferred (text → categorical). The file needs a header.
     * [sampleWeight] names a column of per-row sample weights, left out of the features (docs/weights.md).
     */
    fun csv(train: String, test: String? = null, label: String? = null, regression: Boolean = false, sampleWeight: String? = null, block: TableBuilder.() -> Unit) {
        val table = TableBuilder().apply(block)
        source = DataSource.Csv(train, test, null, label, regression, table.columns(), table.missing, table.missingTarget, sampleWeight)
    }

    /**
     * The Palmer penguins table (344 × 8, species from island, measurements, sex and year), shipped with mlpkit: island
     * and sex categorical, missing measurements filled with the training mean and sex with the most frequent.
     */
    fun penguins() {
        source = DataSource.BuiltIn("penguins")
    }

    /**
     * Penguins with [block] choosing options for some of its columns over the set's own (`column("sex", categorical =
     * true, missing = mostFrequent)`); the missing-value texts and `missingTarget` of a CSV table do not apply here.
     */
    fun penguins(block: TableBuilder.() -> Unit) {
        val table = TableBuilder().apply(block)
        require(table.missing == null && table.missingTarget == MissingTarget.DROP) {
            "penguins { … } chooses column options only: missing and missingTarget apply to csv(…) { … } tables"
        }
        source = DataSource.BuiltIn("penguins", table.columns())
    }

    fun idx(trainImages: String, trainLabels: String, testImages: String? = null, testLabels: String? = null) {
        source = DataSource.Idx(trainImages, trainLabels, testImages, testLabels)
    }

    /**
     * Rows the cluster's engine reads where they are (JSON `"type": "spark"`): files of [format] (csv, parquet, json or
     * idx) at [path], with the columns [block] names (default: `features` and `label`). The experiment needs a
     * `cluster { }` block; see [DataSource.Spark] and docs/spark.md.
     */
    fun spark(format: String, path: String, block: EngineRowsBuilder.() -> Unit = {}) {
        source = EngineRowsBuilder().apply(block).build(format, path)
    }

    /**
     * Fractions held out for validation and test; `shuffle = false` keeps the order (first rows train);
     * [randomState] splits as scikit-learn's `train_test_split(test_size = test, random_state = randomState)` (see [SplitSpec]).
     */
    fun split(validation: Double = 0.0, test: Double = 0.0, stratify: Boolean = false, shuffle: Boolean = true, randomState: Long? = null) {
        split = SplitSpec(validation, test, stratify, shuffle, randomState)
    }

    /**
     * Augments the training batches of an image set: every image moves by up to [shift] pixels in each
     * direction, drawn anew each time it is used (validation and test images are left alone).
     */
    fun augment(shift: Int) {
        augment = AugmentSpec(shift)
    }

    internal fun build(): DataSpec = DataSpec(
        source ?: throw IllegalStateException("data { } needs a source: moons(…), classification(…), digits(), mnist(), csv(…), …"),
        split,
        scaling,
        augment,
        toTargetScaling(targetScaling),
    )

    private fun toTargetScaling(scaling: Scaling): TargetScaling = when (scaling) {
        Scaling.NONE -> TargetScaling.NONE
        Scaling.STANDARD -> TargetScaling.STANDARD
        Scaling.MIN_MAX -> TargetScaling.MIN_MAX
        Scaling.UNIT, Scaling.SYMMETRIC -> throw IllegalArgumentException(
            "data.targetScaling: ${scaling.name.lowercase()} maps pixel bytes to ${if (scaling == Scaling.UNIT) "[0, 1]" else "[−1, 1]"}, " +
                "not real-valued targets (expected none, standard or minMax, got ${scaling.name.lowercase()}); use standard or minMax for regression targets",
        )
    }

    private fun fromTargetScaling(scaling: TargetScaling): Scaling = when (scaling) {
        TargetScaling.NONE -> Scaling.NONE
        TargetScaling.STANDARD -> Scaling.STANDARD
        TargetScaling.MIN_MAX -> Scaling.MIN_MAX
    }

    private fun primitive(value: Any?): JsonPrimitive = when (value) {
        null -> kotlinx.serialization.json.JsonNull
        is Number -> JsonPrimitive(value)
        is Boolean -> JsonPrimitive(value)
        is String -> JsonPrimitive(value)
        is DoubleArray -> JsonPrimitive(value.joinToString(","))
        is IntArray -> JsonPrimitive(value.joinToString(","))
        else -> throw IllegalArgumentException("generator parameter values are numbers, booleans, strings or null; got ${value::class.simpleName}")
    }

    private companion object {
        /** The shortcuts' parameter names for scikit-learn's (those that differ). */
        val SHORTCUT_NAMES = mapOf(
            "n_samples" to "samples", "n_features" to "features", "n_informative" to "informative", "n_redundant" to "redundant",
            "n_repeated" to "repeated", "n_classes" to "classes", "n_clusters_per_class" to "clustersPerClass", "flip_y" to "flipY",
            "class_sep" to "classSep", "random_state" to "randomState", "cluster_std" to "clusterStd", "n_targets" to "targets",
        )
    }
}
