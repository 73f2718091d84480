package mlpkit.data.generators

import mlpkit.data.Dataset
import mlpkit.data.random.RandomState

/**
 * scikit-learn 1.2's `make_moons`: two interleaving half circles, [nSamples] points in all (the
 * outer moon, class 0, gets `nSamples / 2`, the inner one the rest), shuffled, with Gaussian [noise]
 * (a standard deviation; null = none). The same [randomState] gives scikit-learn's `X` and `y`;
 * null draws a fresh nondeterministic seed.
 */
fun makeMoons(nSamples: Int = 100, shuffle: Boolean = true, noise: Double? = null, randomState: Long? = null): Dataset =
    moons(nSamples / 2, nSamples - nSamples / 2, shuffle, noise, RandomState.checkRandomState(randomState), nSamples)

/** [makeMoons] with sklearn's `n_samples=(outer, inner)`: that many points in each moon. */
fun makeMoons(nSamples: Pair<Int, Int>, shuffle: Boolean = true, noise: Double? = null, randomState: Long? = null): Dataset =
    moons(nSamples.first, nSamples.second, shuffle, noise, RandomState.checkRandomState(randomState), null)

/** [makeMoons] drawing from (and advancing) an existing generator. */
fun makeMoons(nSamples: Int = 100, shuffle: Boolean = true, noise: Double? = null, randomState: RandomState): Dataset =
    moons(nSamples / 2, nSamples - nSamples / 2, shuffle, noise, randomState, nSamples)

/** [makeMoons] with `(outer, inner)` counts, drawing from an existing generator. */
fun makeMoons(nSamples: Pair<Int, Int>, shuffle: Boolean = true, noise: Double? = null, randomState: RandomState): Dataset =
    moons(nSamples.first, nSamples.second, shuffle, noise, randomState, null)

private fun moons(outer: Int, inner: Int, shuffle: Boolean, noise: Double?, rng: RandomState, total: Int?): Dataset {
    val fn = "make_moons"
    if (total != null) requireNonNegative(fn, "n_samples", total)
    requireNonNegative(fn, "n_samples (outer moon)", outer)
    requireNonNegative(fn, "n_samples (inner moon)", inner)
    requireNoise(fn, "noise", noise)
    val outerAngles = linspace(0.0, Math.PI, outer)
    val innerAngles = linspace(0.0, Math.PI, inner)
    val n = outer + inner
    val x = DoubleArray(n * 2)
    for (i in 0 until outer) {
        x[2 * i] = Math.cos(outerAngles[i])
        x[2 * i + 1] = Math.sin(outerAngles[i])
    }
    for (i in 0 until inner) {
        x[2 * (outer + i)] = 1 - Math.cos(innerAngles[i])
        x[2 * (outer + i) + 1] = 1 - Math.sin(innerAngles[i]) - 0.5
    }
    val y = IntArray(n) { if (it < outer) 0 else 1 }
    return twoClassPoints(fn, n, x, y, shuffle, noise, rng)
}

/**
 * The common tail of make_moons and make_circles: shuffle the samples, then add
 * `rng.normal(scale=noise, size=X.shape)` when noise is given.
 */
internal fun twoClassPoints(
    fn: String,
    n: Int,
    points: DoubleArray,
    labels: IntArray,
    shuffle: Boolean,
    noise: Double?,
    rng: RandomState,
): Dataset {
    var x = points
    var y = labels
    if (shuffle) {
        val order = shuffledSampleOrder(rng, n)
        x = reorderRows(points, 2, order)
        y = reorderLabels(labels, order)
    }
    if (noise != null) {
        val offsets = rng.normal(0.0, noise, x.size)
        for (i in x.indices) x[i] += offsets[i]
    }
    return classificationDataset(fn, n, 2, x, y, 2)
}
