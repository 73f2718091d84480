package mlpkit.data.generators

import mlpkit.data.Dataset
import mlpkit.data.generators.ParameterType.BOOLEAN
import mlpkit.data.generators.ParameterType.CENTERS
import mlpkit.data.generators.ParameterType.FLOAT
import mlpkit.data.generators.ParameterType.FLOAT_LIST_OR_NONE
import mlpkit.data.generators.ParameterType.FLOAT_OR_LIST
import mlpkit.data.generators.ParameterType.FLOAT_OR_LIST_OR_NONE
import mlpkit.data.generators.ParameterType.FLOAT_PAIR
import mlpkit.data.generators.ParameterType.INT
import mlpkit.data.generators.ParameterType.INT_OR_INT_LIST
import mlpkit.data.generators.ParameterType.INT_OR_PAIR
import mlpkit.data.generators.ParameterType.OPTIONAL_FLOAT
import mlpkit.data.generators.ParameterType.OPTIONAL_INT
import mlpkit.data.generators.ParameterType.SEED

/**
 * The generators the command line offers (`mlp data gen make_moons --noise 0.1 …`), each with its
 * sklearn name, parameters (snake_case, type, default) and a call from raw string values.
 *
 * Not offered here: make_regression's `coef` and make_blobs' `return_centers` (they return more than a
 * data set; use [makeRegressionWithCoef] from code).
 */
class GeneratorRegistry(val generators: List<GeneratorDescriptor>) {
    /** The generator called [name] (`make_moons` or `moons`), or an error listing the known ones. */
    fun find(name: String): GeneratorDescriptor =
        generators.firstOrNull { it.name == name || it.shortName == name } ?: throw IllegalArgumentException(
            "unknown generator '$name': known generators are ${generators.joinToString(", ") { it.name }}",
        )

    /** `find(name).generate(rawValues)`. */
    fun generate(name: String, rawValues: Map<String, String>): Dataset = find(name).generate(rawValues)

    companion object {
        /** The five scikit-learn generators with sklearn 1.2's parameters and defaults. */
        @JvmStatic
        val standard: GeneratorRegistry = GeneratorRegistry(
            listOf(classification(), moons(), circles(), blobs(), regression()),
        )
    }
}

private val randomStateParameter =
    GeneratorParameter("random_state", SEED, "none", "seed for numpy's RandomState; none = a fresh random seed")

private fun classification() = GeneratorDescriptor(
    "make_classification",
    "Gaussian clusters on hypercube vertices: informative, redundant, repeated and noise features",
    listOf(
        GeneratorParameter("n_samples", INT, "100", "number of samples", ParameterRange.atLeast(0)),
        GeneratorParameter("n_features", INT, "20", "total number of features", ParameterRange.atLeast(1)),
        GeneratorParameter("n_informative", INT, "2", "informative features", ParameterRange.atLeast(1)),
        GeneratorParameter("n_redundant", INT, "2", "random linear combinations of the informative features", ParameterRange.atLeast(0)),
        GeneratorParameter("n_repeated", INT, "0", "duplicated informative or redundant features", ParameterRange.atLeast(0)),
        GeneratorParameter("n_classes", INT, "2", "number of classes", ParameterRange.atLeast(1)),
        GeneratorParameter("n_clusters_per_class", INT, "2", "Gaussian clusters per class", ParameterRange.atLeast(1)),
        GeneratorParameter("weights", FLOAT_LIST_OR_NONE, "none", "class proportions (n_classes or n_classes - 1 of them)", ParameterRange.NON_NEGATIVE),
        GeneratorParameter("flip_y", FLOAT, "0.01", "fraction of labels assigned at random", ParameterRange.FRACTION),
        GeneratorParameter("class_sep", FLOAT, "1.0", "half the side of the hypercube"),
        GeneratorParameter("hypercube", BOOLEAN, "true", "clusters on hypercube vertices (false: a random polytope)"),
        GeneratorParameter("shift", FLOAT_OR_LIST_OR_NONE, "0.0", "added to the features; none = random in [-class_sep, class_sep]"),
        GeneratorParameter("scale", FLOAT_OR_LIST_OR_NONE, "1.0", "features multiplied by it after the shift; none = random in [1, 101)"),
        GeneratorParameter("shuffle", BOOLEAN, "true", "shuffle the samples and the features"),
        randomStateParameter,
    ),
) { a ->
    val shift = a.get<Any?>("shift")
    val scale = a.get<Any?>("scale")
    makeClassification(
        nSamples = a.get("n_samples"),
        nFeatures = a.get("n_features"),
        nInformative = a.get("n_informative"),
        nRedundant = a.get("n_redundant"),
        nRepeated = a.get("n_repeated"),
        nClasses = a.get("n_classes"),
        nClustersPerClass = a.get("n_clusters_per_class"),
        weights = a.get("weights"),
        flipY = a.get("flip_y"),
        classSep = a.get("class_sep"),
        hypercube = a.get("hypercube"),
        shift = if (shift is DoubleArray) 0.0 else shift as Double?,
        scale = if (scale is DoubleArray) 1.0 else scale as Double?,
        shuffle = a.get("shuffle"),
        randomState = a.get<Long?>("random_state"),
        shifts = shift as? DoubleArray,
        scales = scale as? DoubleArray,
    )
}

private fun moons() = GeneratorDescriptor(
    "make_moons",
    "two interleaving half circles",
    listOf(
        GeneratorParameter("n_samples", INT_OR_PAIR, "100", "total points, or 'outer,inner' points per moon", ParameterRange.atLeast(0)),
        GeneratorParameter("shuffle", BOOLEAN, "true", "shuffle the samples"),
        GeneratorParameter("noise", OPTIONAL_FLOAT, "none", "standard deviation of Gaussian noise added to the points", ParameterRange.NON_NEGATIVE),
        randomStateParameter,
    ),
) { a ->
    val shuffle = a.get<Boolean>("shuffle")
    val noise = a.get<Double?>("noise")
    val seed = a.get<Long?>("random_state")
    when (val n = a.get<Any>("n_samples")) {
        is Int -> makeMoons(n, shuffle, noise, seed)
        else -> @Suppress("UNCHECKED_CAST") makeMoons(n as Pair<Int, Int>, shuffle, noise, seed)
    }
}

private fun circles() = GeneratorDescriptor(
    "make_circles",
    "a large circle containing a smaller one",
    listOf(
        GeneratorParameter("n_samples", INT_OR_PAIR, "100", "total points, or 'outer,inner' points per circle", ParameterRange.atLeast(0)),
        GeneratorParameter("shuffle", BOOLEAN, "true", "shuffle the samples"),
        GeneratorParameter("noise", OPTIONAL_FLOAT, "none", "standard deviation of Gaussian noise added to the points", ParameterRange.NON_NEGATIVE),
        randomStateParameter,
        GeneratorParameter("factor", FLOAT, "0.8", "inner radius / outer radius, in [0, 1)", ParameterRange(0.0, 1.0, maxIncluded = false)),
    ),
) { a ->
    val shuffle = a.get<Boolean>("shuffle")
    val noise = a.get<Double?>("noise")
    val seed = a.get<Long?>("random_state")
    val factor = a.get<Double>("factor")
    when (val n = a.get<Any>("n_samples")) {
        is Int -> makeCircles(n, shuffle, noise, seed, factor)
        else -> @Suppress("UNCHECKED_CAST") makeCircles(n as Pair<Int, Int>, shuffle, noise, seed, factor)
    }
}

private fun blobs() = GeneratorDescriptor(
    "make_blobs",
    "isotropic Gaussian blobs",
    listOf(
        GeneratorParameter("n_samples", INT_OR_INT_LIST, "100", "total points, or points per centre", ParameterRange.atLeast(0)),
        GeneratorParameter("n_features", INT, "2", "dimensions (ignored when centers gives coordinates)", ParameterRange.atLeast(1)),
        GeneratorParameter("centers", CENTERS, "none", "number of random centres, or their coordinates; none = 3"),
        GeneratorParameter("cluster_std", FLOAT_OR_LIST, "1.0", "standard deviation, one or one per centre", ParameterRange.NON_NEGATIVE),
        GeneratorParameter("center_box", FLOAT_PAIR, "-10.0,10.0", "bounds of random centres"),
        GeneratorParameter("shuffle", BOOLEAN, "true", "shuffle the samples"),
        randomStateParameter,
    ),
) { a ->
    val centers = a.get<Any?>("centers")
    val std = a.get<Any>("cluster_std")
    val count = centers as? Int
    @Suppress("UNCHECKED_CAST")
    val coordinates = centers as? Array<DoubleArray>
    val oneStd = if (std is Double) std else 1.0
    val stds = std as? DoubleArray
    val nFeatures = a.get<Int>("n_features")
    val box = a.get<Pair<Double, Double>>("center_box")
    val shuffle = a.get<Boolean>("shuffle")
    val seed = a.get<Long?>("random_state")
    when (val n = a.get<Any>("n_samples")) {
        is Int -> makeBlobs(n, nFeatures, count, oneStd, box, shuffle, seed, coordinates, stds)
        else -> makeBlobs(n as IntArray, nFeatures, count, oneStd, box, shuffle, seed, coordinates, stds)
    }
}

private fun regression() = GeneratorDescriptor(
    "make_regression",
    "a random linear regression problem",
    listOf(
        GeneratorParameter("n_samples", INT, "100", "number of samples", ParameterRange.atLeast(0)),
        GeneratorParameter("n_features", INT, "100", "number of features", ParameterRange.atLeast(1)),
        GeneratorParameter("n_informative", INT, "10", "features with a non-zero coefficient", ParameterRange.atLeast(0)),
        GeneratorParameter("n_targets", INT, "1", "number of regression targets", ParameterRange.atLeast(1)),
        GeneratorParameter("bias", FLOAT, "0.0", "intercept of the linear model"),
        GeneratorParameter("effective_rank", OPTIONAL_INT, "none", "approximate rank of the inputs; none = well conditioned", ParameterRange.atLeast(1)),
        GeneratorParameter("tail_strength", FLOAT, "0.5", "weight of the singular-value tail when effective_rank is set", ParameterRange.FRACTION),
        GeneratorParameter("noise", FLOAT, "0.0", "standard deviation of Gaussian noise on the targets", ParameterRange.NON_NEGATIVE),
        GeneratorParameter("shuffle", BOOLEAN, "true", "shuffle the samples and the features"),
        randomStateParameter,
    ),
) { a ->
    makeRegression(
        nSamples = a.get("n_samples"),
        nFeatures = a.get("n_features"),
        nInformative = a.get("n_informative"),
        nTargets = a.get("n_targets"),
        bias = a.get("bias"),
        effectiveRank = a.get("effective_rank"),
        tailStrength = a.get("tail_strength"),
        noise = a.get("noise"),
        shuffle = a.get("shuffle"),
        randomState = a.get<Long?>("random_state"),
    )
}
