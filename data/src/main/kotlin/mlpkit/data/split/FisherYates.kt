package mlpkit.data.split

import org.apache.commons.math3.random.RandomGenerator

/**
 * Shuffles [values] in place: for i from the last index down to 1, swap `values[i]` with
 * `values[random.nextInt(i + 1)]`. This is the loop of numpy's legacy `RandomState.shuffle` (which
 * draws j uniformly in [0, i]), so a generator whose `nextInt(n)` draws like numpy's bounded integers
 * gives numpy's permutation. No allocation.
 */
fun fisherYatesShuffle(values: IntArray, random: RandomGenerator) {
    for (i in values.size - 1 downTo 1) {
        val j = random.nextInt(i + 1)
        val swapped = values[i]
        values[i] = values[j]
        values[j] = swapped
    }
}
