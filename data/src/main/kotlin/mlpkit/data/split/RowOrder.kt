package mlpkit.data.split

import mlpkit.data.random.RandomState
import org.apache.commons.math3.random.RandomGenerator

/**
 * The order in which splits, folds and batches visit the rows of a data set: as given (row 0, 1, 2, …;
 * "first 80 % train, last 20 % test"), shuffled by an explicit random generator, or scikit-learn's per-epoch shuffle, so that the same
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
     * scikit-learn's order of the training rows per epoch (`MLPClassifier`/`MLPRegressor` with `shuffle=True`): each
     * call permutes the previous call's order (first the identity) by numpy's legacy `RandomState.shuffle` of
     * `arange(n)` drawn from [random], as scikit-learn's `sample_idx = shuffle(sample_idx, random_state=...)`:
     * `order[i] = previous[p[i]]`. Stateful: one instance per run, the [random] scikit-learn's estimator would hold.
     */
    class SklearnShuffle(val random: RandomState) : RowOrder {
        private var previous: IntArray? = null

        internal fun next(order: IntArray) {
            val before = previous?.also {
                require(it.size == order.size) { "SklearnShuffle ordered ${it.size} rows before, now ${order.size}: use one instance per data set" }
            } ?: IntArray(order.size) { it }
            val permutation = IntArray(order.size) { it }
            random.shuffle(permutation)
            for (i in order.indices) order[i] = before[permutation[i]]
            previous = order.copyOf()
        }

        override fun toString(): String = "SklearnShuffle(RandomState)"
    }

    /**
     * Writes this order of `0 until order.size` into [order]: the identity, then, when shuffled, a
     * permutation of it. Starting from the identity every time makes one call's result depend only on
     * the generator's state, not on what the array held before ([SklearnShuffle] alone permutes its previous order).
     */
    fun arrange(order: IntArray) {
        if (this is SklearnShuffle) return next(order)
        for (i in order.indices) order[i] = i
        if (this is Shuffled) fisherYatesShuffle(order, random)
    }

    /** A new array holding this order of `0 until size`. */
    fun rowsInOrder(size: Int): IntArray = IntArray(size).also { arrange(it) }
}
