package mlpkit.data.generators

import mlpkit.data.random.RandomState

/**
 * sklearn's `_generate_hypercube(samples, dimensions, rng)`: [samples] distinct vertices of the
 * unit hypercube in [dimensions] dimensions, as rows of 0/1 (row-major, `samples × dimensions`).
 *
 * Vertex k is the binary expansion of the k-th value of [sampleWithoutReplacement] over 2^dimensions,
 * most significant bit first (sklearn views the values as big-endian uint32 and unpacks the bits).
 * Above 30 dimensions sklearn first draws the leading `dimensions − 30` coordinates with
 * `rng.randint(2, size=(samples, dimensions − 30))` and then recurses for the last 30; so does this.
 */
internal fun generateHypercube(samples: Int, dimensions: Int, rng: RandomState): DoubleArray {
    val out = DoubleArray(samples * dimensions)
    if (dimensions > MAX_DIRECT_DIMENSIONS) {
        val leading = dimensions - MAX_DIRECT_DIMENSIONS
        val coins = rng.randint(0L, 2L, samples * leading)
        val trailing = generateHypercube(samples, MAX_DIRECT_DIMENSIONS, rng)
        for (s in 0 until samples) {
            for (d in 0 until leading) out[s * dimensions + d] = coins[s * leading + d].toDouble()
            for (d in 0 until MAX_DIRECT_DIMENSIONS) {
                out[s * dimensions + leading + d] = trailing[s * MAX_DIRECT_DIMENSIONS + d]
            }
        }
        return out
    }
    val vertices = sampleWithoutReplacement(1L shl dimensions, samples, rng)
    for (s in 0 until samples) {
        for (d in 0 until dimensions) {
            val bit = (vertices[s] ushr (dimensions - 1 - d)) and 1L
            out[s * dimensions + d] = bit.toDouble()
        }
    }
    return out
}

private const val MAX_DIRECT_DIMENSIONS = 30
