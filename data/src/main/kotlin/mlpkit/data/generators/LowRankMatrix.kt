package mlpkit.data.generators

import mlpkit.data.random.RandomState

/**
 * scikit-learn 1.2's `make_low_rank_matrix` (used by make_regression's `effective_rank`): random
 * orthonormal U (samples × n) and V (features × n), n = min(samples, features), from the QR of standard
 * normal matrices (LAPACK's sign conventions, see [householderEconomicQ]), and the bell-shaped singular
 * profile `(1 − tail)·exp(−(i/rank)²) + tail·exp(−0.1·i/rank)`. Returns U·diag(s)·Vᵀ, row-major.
 */
internal fun lowRankMatrix(
    samples: Int,
    features: Int,
    effectiveRank: Int,
    tailStrength: Double,
    rng: RandomState,
): DoubleArray {
    val n = minOf(samples, features)
    val u = householderEconomicQ(rng.standardNormal(samples * n), samples, n)
    val v = householderEconomicQ(rng.standardNormal(features * n), features, n)
    val singular = DoubleArray(n) { i ->
        val index = i.toDouble()
        val ratio = index / effectiveRank
        val lowRank = (1 - tailStrength) * Math.exp(-1.0 * (ratio * ratio))
        val tail = tailStrength * Math.exp(-0.1 * index / effectiveRank)
        lowRank + tail
    }
    val out = DoubleArray(samples * features)
    val scaledRow = DoubleArray(n)
    for (r in 0 until samples) {
        for (k in 0 until n) scaledRow[k] = u[r * n + k] * singular[k]
        for (c in 0 until features) {
            var sum = 0.0
            for (k in 0 until n) sum += scaledRow[k] * v[c * n + k]
            out[r * features + c] = sum
        }
    }
    return out
}
