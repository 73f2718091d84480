package mlpkit.estimator

import mlpkit.data.random.RandomState

/**
 * scikit-learn's `RandomizedSearchCV(estimator, param_distributions, n_iter, cv, random_state)` for lists of values:
 * [nIter] points of the grid of [distributions] drawn without replacement with numpy's `RandomState(seed)` (a
 * permutation of the grid's indices, the first [nIter] taken: the same kind of draw as scikit-learn's, not its
 * random numbers), or the whole grid when it has at most [nIter] points. Cross-validated, ranked and refitted as
 * [GridSearch].
 */
class RandomSearch<S : MlpEstimator<S>> @JvmOverloads constructor(
    estimator: S,
    distributions: Map<String, List<Any?>>,
    /** How many candidates to draw (scikit-learn's `n_iter`, default 10). */
    val nIter: Int = DEFAULT_ITERATIONS,
    cv: Int = FoldSplitter.DEFAULT_FOLDS,
    /** The seed of the draw (scikit-learn's `random_state`). */
    val seed: Long = 0L,
    scoring: Scoring = Scoring.DEFAULT,
    refit: Boolean = true,
    nJobs: Int = 1,
) : ParameterSearch<S>(estimator, FoldSplitter.kFold(cv), scoring, refit, nJobs) {
    /** The grid the candidates are drawn from. */
    val grid: ParameterGrid = ParameterGrid(distributions, estimator.estimatorName)

    override val candidates: List<Map<String, Any?>> = run {
        require(nIter >= 1) { "nIter must be at least 1 (the number of candidates to draw), got $nIter" }
        drawn(grid.size, nIter, seed).map { grid[it] }
    }

    companion object {
        /** scikit-learn's default `n_iter`. */
        const val DEFAULT_ITERATIONS = 10

        /** [n] of the indices 0 until [size] without replacement, from `RandomState(seed).shuffle(arange(size))`. */
        internal fun drawn(size: Int, n: Int, seed: Long): List<Int> {
            val order = IntArray(size) { it }
            RandomState(seed).shuffle(order)
            return order.take(minOf(n, size))
        }
    }
}
