package mlpkit.data.split

import org.apache.commons.math3.random.RandomGenerator

/**
 * The order in which splits, folds and batches visit the rows of a data set: as given (row 0, 1, 2, …;
 * "first 80 % train, last 20 % test") or shuffled by an explicit random generator, so that the same
 * seed always gives the same order and nothing depends on a global seed.
 */
sealed interface RowOrder {
    /** Rows in their stored order. */
    data object AsGiven : RowOrder

    /** Rows in a Fisher–Yates permutation drawn from [random] (see [fisherYatesShuffle]). */
    class Shuffled(val random: RandomGenerator) : RowOrder {
        override fun toString(): String = "Shuffled(${random.javaClass.simpleName})"
    }

    /**
     * Writes this order of `0 until order.size` into [order]: the identity, then, when shuffled, a
     * permutation of it. Starting from the identity every time makes one call's result depend only on
     * the generator's state, not on what the array held before.
     */
    fun arrange(order: IntArray) {
        for (i in order.indices) order[i] = i
        if (this is Shuffled) fisherYatesShuffle(order, random)
    }

    /** A new array holding this order of `0 until size`. */
    fun rowsInOrder(size: Int): IntArray = IntArray(size).also { arrange(it) }
}
