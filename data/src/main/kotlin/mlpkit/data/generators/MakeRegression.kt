package mlpkit.data.generators

import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.Dataset
import mlpkit.data.DenseFeatures
import mlpkit.data.RegressionTargets
import mlpkit.data.random.RandomState

/**
 * scikit-learn 1.2's `make_regression`: standard normal inputs (or, with [effectiveRank], a low-rank
 * matrix with a fat singular tail of relative weight [tailStrength]), targets `X·coef + bias` where
 * only the first [nInformative] features have non-zero coefficients (uniform in [0, 100)), plus
 * Gaussian [noise]; samples and features shuffled. The targets are always an `n_samples × n_targets`
 * matrix (sklearn squeezes a single target to a vector). Use [makeRegressionWithCoef] for sklearn's
 * `coef=True`. [randomState] null draws a fresh nondeterministic seed.
 *
 * Stricter than sklearn 1.2.1, like sklearn ≥ 1.3: negative [noise] (1.2.1 silently adds none),
 * [effectiveRank] < 1 and [tailStrength] outside [0, 1] are rejected.
 */
fun makeRegression(
    nSamples: Int = 100,
    nFeatures: Int = 100,
    nInformative: Int = 10,
    nTargets: Int = 1,
    bias: Double = 0.0,
    effectiveRank: Int? = null,
    tailStrength: Double = 0.5,
    noise: Double = 0.0,
    shuffle: Boolean = true,
    randomState: Long? = null,
): Dataset = regression(
    nSamples, nFeatures, nInformative, nTargets, bias, effectiveRank, tailStrength, noise, shuffle,
    RandomState.checkRandomState(randomState),
).dataset

/** [makeRegression] drawing from (and advancing) an existing generator. */
fun makeRegression(
    nSamples: Int = 100,
    nFeatures: Int = 100,
    nInformative: Int = 10,
    nTargets: Int = 1,
    bias: Double = 0.0,
    effectiveRank: Int? = null,
    tailStrength: Double = 0.5,
    noise: Double = 0.0,
    shuffle: Boolean = true,
    randomState: RandomState,
): Dataset = regression(
    nSamples, nFeatures, nInformative, nTargets, bias, effectiveRank, tailStrength, noise, shuffle, randomState,
).dataset

/** sklearn's `make_regression(..., coef=True)`: the data set and the model's coefficients. */
fun makeRegressionWithCoef(
    nSamples: Int = 100,
    nFeatures: Int = 100,
    nInformative: Int = 10,
    nTargets: Int = 1,
    bias: Double = 0.0,
    effectiveRank: Int? = null,
    tailStrength: Double = 0.5,
    noise: Double = 0.0,
    shuffle: Boolean = true,
    randomState: Long? = null,
): RegressionProblem = regression(
    nSamples, nFeatures, nInformative, nTargets, bias, effectiveRank, tailStrength, noise, shuffle,
    RandomState.checkRandomState(randomState),
)

/** [makeRegressionWithCoef] drawing from (and advancing) an existing generator. */
fun makeRegressionWithCoef(
    nSamples: Int = 100,
    nFeatures: Int = 100,
    nInformative: Int = 10,
    nTargets: Int = 1,
    bias: Double = 0.0,
    effectiveRank: Int? = null,
    tailStrength: Double = 0.5,
    noise: Double = 0.0,
    shuffle: Boolean = true,
    randomState: RandomState,
): RegressionProblem = regression(
    nSamples, nFeatures, nInformative, nTargets, bias, effectiveRank, tailStrength, noise, shuffle, randomState,
)

private fun regression(
    nSamples: Int,
    nFeatures: Int,
    nInformativeRequested: Int,
    nTargets: Int,
    bias: Double,
    effectiveRank: Int?,
    tailStrength: Double,
    noise: Double,
    shuffle: Boolean,
    rng: RandomState,
): RegressionProblem {
    val fn = "make_regression"
    requireNonNegative(fn, "n_samples", nSamples)
    requirePositive(fn, "n_features", nFeatures)
    requireNonNegative(fn, "n_informative", nInformativeRequested)
    requirePositive(fn, "n_targets", nTargets)
    requireNoise(fn, "noise", noise)
    effectiveRank?.let { requirePositive(fn, "effective_rank", it) }
    require(tailStrength in 0.0..1.0) { "$fn: tail_strength must be in [0, 1], got $tailStrength" }
    val nInformative = minOf(nFeatures, nInformativeRequested)

    val x = if (effectiveRank == null) {
        rng.standardNormal(nSamples * nFeatures)
    } else {
        lowRankMatrix(nSamples, nFeatures, effectiveRank, tailStrength, rng)
    }

    // Ground truth: 100·uniform for the informative features, zero for the rest.
    val coef = DoubleArray(nFeatures * nTargets)
    val informative = rng.uniform(0.0, 1.0, nInformative * nTargets)
    for (i in informative.indices) coef[i] = 100 * informative[i]

    val y = DoubleArray(nSamples * nTargets)
    for (r in 0 until nSamples) {
        for (t in 0 until nTargets) {
            var sum = 0.0
            for (j in 0 until nFeatures) sum += x[r * nFeatures + j] * coef[j * nTargets + t]
            y[r * nTargets + t] = sum + bias
        }
    }
    if (noise > 0.0) {
        val offsets = rng.normal(0.0, noise, y.size)
        for (i in y.indices) y[i] += offsets[i]
    }

    var features = x
    var targets = y
    var coefficients = coef
    if (shuffle) {
        val order = shuffledSampleOrder(rng, nSamples)
        features = reorderRows(x, nFeatures, order)
        targets = reorderRows(y, nTargets, order)
        val featureOrder = shuffleFeatures(rng, nSamples, nFeatures, features)
        coefficients = reorderRows(coef, nTargets, featureOrder)
    }
    val dataset = Dataset(
        fn,
        DenseFeatures(DenseMatrix(nSamples, nFeatures, features)),
        RegressionTargets(DenseMatrix(nSamples, nTargets, targets)),
    )
    return RegressionProblem(dataset, DenseMatrix(nFeatures, nTargets, coefficients))
}
