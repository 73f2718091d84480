package mlpkit.data.generators

import mlpkit.data.Dataset
import mlpkit.data.random.RandomState

/**
 * scikit-learn 1.2's `make_circles`: a large circle (class 0, `nSamples / 2` points) around a smaller
 * one (class 1, the rest, radius [factor] in [0, 1)), shuffled, with Gaussian [noise] (null = none).
 * The same [randomState] gives scikit-learn's `X` and `y`; null draws a fresh nondeterministic seed.
 */
fun makeCircles(
    nSamples: Int = 100,
    shuffle: Boolean = true,
    noise: Double? = null,
    randomState: Long? = null,
    factor: Double = 0.8,
): Dataset = circles(nSamples / 2, nSamples - nSamples / 2, shuffle, noise, RandomState.checkRandomState(randomState), factor, nSamples)

/** [makeCircles] with sklearn's `n_samples=(outer, inner)`: that many points on each circle. */
fun makeCircles(
    nSamples: Pair<Int, Int>,
    shuffle: Boolean = true,
    noise: Double? = null,
    randomState: Long? = null,
    factor: Double = 0.8,
): Dataset = circles(nSamples.first, nSamples.second, shuffle, noise, RandomState.checkRandomState(randomState), factor, null)

/** [makeCircles] drawing from (and advancing) an existing generator. */
fun makeCircles(
    nSamples: Int = 100,
    shuffle: Boolean = true,
    noise: Double? = null,
    randomState: RandomState,
    factor: Double = 0.8,
): Dataset = circles(nSamples / 2, nSamples - nSamples / 2, shuffle, noise, randomState, factor, nSamples)

/** [makeCircles] with `(outer, inner)` counts, drawing from an existing generator. */
fun makeCircles(
    nSamples: Pair<Int, Int>,
    shuffle: Boolean = true,
    noise: Double? = null,
    randomState: RandomState,
    factor: Double = 0.8,
): Dataset = circles(nSamples.first, nSamples.second, shuffle, noise, randomState, factor, null)

private fun circles(
    outer: Int,
    inner: Int,
    shuffle: Boolean,
    noise: Double?,
    rng: RandomState,
    factor: Double,
    total: Int?,
): Dataset {
    val fn = "make_circles"
    require(factor >= 0.0 && factor < 1.0) {
        "$fn: factor (inner radius / outer radius) has to be between 0 and 1 (0 ≤ factor < 1), got $factor"
    }
    if (total != null) requireNonNegative(fn, "n_samples", total)
    requireNonNegative(fn, "n_samples (outer circle)", outer)
    requireNonNegative(fn, "n_samples (inner circle)", inner)
    requireNoise(fn, "noise", noise)
    // endpoint=False so that the first point is not also the last.
    val outerAngles = linspace(0.0, 2 * Math.PI, outer, endpoint = false)
    val innerAngles = linspace(0.0, 2 * Math.PI, inner, endpoint = false)
    val n = outer + inner
    val x = DoubleArray(n * 2)
    for (i in 0 until outer) {
        x[2 * i] = Math.cos(outerAngles[i])
        x[2 * i + 1] = Math.sin(outerAngles[i])
    }
    for (i in 0 until inner) {
        x[2 * (outer + i)] = Math.cos(innerAngles[i]) * factor
        x[2 * (outer + i) + 1] = Math.sin(innerAngles[i]) * factor
    }
    val y = IntArray(n) { if (it < outer) 0 else 1 }
    return twoClassPoints(fn, n, x, y, shuffle, noise, rng)
}
