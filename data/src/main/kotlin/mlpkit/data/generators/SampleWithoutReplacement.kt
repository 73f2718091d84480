package mlpkit.data.generators

import mlpkit.data.random.RandomState

/**
 * scikit-learn 1.2's `utils.random.sample_without_replacement(n_population, n_samples,
 * method="auto", random_state=rng)`: [count] distinct integers in [0, population). Which algorithm
 * runs, and therefore which numbers come out, depends on `ratio = count / population`:
 *
 * - 0.01 < ratio < 0.99: `rng.permutation(population)[:count]`;
 * - ratio ≤ 0.01 (and < 0.2): "tracking selection" — scalar `rng.randint(population)` draws, redrawing
 *   any value already taken;
 * - ratio ≥ 0.99: "reservoir sampling" — start from 0..count−1, then for i in count until population
 *   draw `j = rng.randint(0, i + 1)` and put i at j when j < count.
 *
 * `sklearn_sample_without_replacement.json` (see generate_fixtures.py) records all three branches at and
 * around both thresholds. The permutation branch materialises the whole population, as sklearn does.
 */
fun sampleWithoutReplacement(population: Long, count: Int, rng: RandomState): LongArray {
    require(population >= 0 && count >= 0 && count <= population) {
        "sample_without_replacement needs 0 ≤ n_samples ≤ n_population, got n_samples = $count, n_population = $population"
    }
    val ratio = if (population != 0L) count.toDouble() / population.toDouble() else 1.0
    if (ratio > 0.01 && ratio < 0.99) {
        require(population <= Int.MAX_VALUE) {
            "sample_without_replacement would permute $population values (sklearn's permutation branch): too many for one array"
        }
        val permutation = rng.permutation(population.toInt())
        return LongArray(count) { permutation[it].toLong() }
    }
    return if (ratio < 0.2) trackingSelection(population, count, rng) else reservoirSampling(population, count, rng)
}

private fun trackingSelection(population: Long, count: Int, rng: RandomState): LongArray {
    val selected = HashSet<Long>(count * 2)
    return LongArray(count) {
        var j = rng.randint(population)
        while (!selected.add(j)) j = rng.randint(population)
        j
    }
}

private fun reservoirSampling(population: Long, count: Int, rng: RandomState): LongArray {
    val out = LongArray(count) { it.toLong() }
    for (i in count.toLong() until population) {
        val j = rng.randint(0L, i + 1)
        if (j < count) out[j.toInt()] = i
    }
    return out
}
