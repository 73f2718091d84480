package mlpkit.estimator

import mlpkit.data.generators.sampleWithoutReplacement
import mlpkit.data.random.RandomState

/**
 * scikit-learn's `RandomizedSearchCV(estimator, param_distributions, n_iter, cv, random_state)` for lists of values,
 * candidate for candidate: as scikit-learn's `ParameterSampler` with only lists, the candidates are the points
 * `sample_without_replacement(grid_size, n_iter, random_state=RandomState(seed))` of the [ParameterGrid] of
 * [distributions], in that order ([drawn]; data's numpy-exact `sampleWithoutReplacement`), or the whole grid, drawn in
 * the same way, when it has at most [nIter] points. Cross-validated, ranked and refitted as [GridSearch].
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

        /**
         * [n] of the indices 0 until [size] (all of them when [n] ≥ [size]), as scikit-learn 1.2's `ParameterSampler`
         * draws them: `sample_without_replacement(size, min(n, size), random_state=RandomState(seed))`.
         */
        internal fun drawn(size: Int, n: Int, seed: Long): List<Int> =
            sampleWithoutReplacement(size.toLong(), minOf(n, size), RandomState(seed)).map { it.toInt() }
    }
}
