package mlpkit.estimator

import mlpkit.data.table.RawTable

/**
 * What [GridSearch] and [RandomSearch] share: cross-validate a [clone] of [estimator] with each candidate's
 * parameters set ([candidates]), every (candidate, fold) fit at most [nJobs] at once (results do not depend on it),
 * rank the candidates by mean test score as scikit-learn does, and with [refit] fit the best candidate on every row.
 */
abstract class ParameterSearch<S : MlpEstimator<S>> internal constructor(
    /** The estimator whose clones are fitted (it is never fitted itself). */
    val estimator: S,
    /** The folds (scikit-learn's `cv`). */
    val cv: FoldSplitter,
    /** What scores the held-out rows. */
    val scoring: Scoring,
    /** Whether [bestEstimator] is fitted on all rows after the search. */
    val refit: Boolean,
    /** How many fits run at once. */
    val nJobs: Int,
) {
    /** The parameter combinations to try, in order. */
    abstract val candidates: List<Map<String, Any?>>

    private var results: SearchResults? = null
    private var best: S? = null

    /** Searches with integer class labels (a classifier). */
    fun fit(x: Array<DoubleArray>, y: IntArray): ParameterSearch<S> = search(Supervised.of(x, y))

    /** Searches with string class labels (a classifier). */
    fun fit(x: Array<DoubleArray>, y: Array<String>): ParameterSearch<S> = search(Supervised.of(x, y))

    /** Searches with one target per row (a regressor). */
    fun fit(x: Array<DoubleArray>, y: DoubleArray): ParameterSearch<S> = search(Supervised.of(x, y))

    /** Searches with several targets per row (a regressor). */
    fun fit(x: Array<DoubleArray>, ys: Array<DoubleArray>): ParameterSearch<S> = search(Supervised.of(x, ys))

    /**
     * Searches on a [table] with the targets in column [label] (class names for a classifier, numbers for a
     * regressor): every fit refits the estimator's column pipeline ([MlpEstimator.columns]) on its own rows.
     */
    fun fit(table: RawTable, label: String): ParameterSearch<S> = search(Supervised.of(table, label, estimator))

    private fun search(data: Supervised): ParameterSearch<S> {
        val points = candidates
        val folds = foldsOf(data, cv, 1)
        val outcomes = runBounded(points.size * folds.size, nJobs) { task ->
            fitAndScore(estimator, points[task / folds.size], null, data, folds[task % folds.size], scoring)
        }
        val found = SearchResults(points, folds.size, scoring) { c, f -> outcomes[c * folds.size + f] }
        best = if (refit) cloneWith(estimator, found.bestParams).also { data.fit(it, IntArray(data.rows) { r -> r }) } else null
        results = found
        return this
    }

    private fun requireSearched(): SearchResults =
        results ?: throw NotFittedException("This ${javaClass.simpleName} instance is not fitted yet. Call 'fit' with appropriate arguments before using it.")

    /** The full results in scikit-learn's shape (`cv_results_`). */
    val cvResults: Map<String, Any> get() = requireSearched().asMap()

    /** The results as typed arrays. */
    val searchResults: SearchResults get() = requireSearched()

    /** The best candidate's parameters (`best_params_`). */
    val bestParams: Map<String, Any?> get() = requireSearched().bestParams

    /** The best candidate's mean test score (`best_score_`). */
    val bestScore: Double get() = requireSearched().bestScore

    /** The best candidate's index in [candidates] (`best_index_`). */
    val bestIndex: Int get() = requireSearched().bestIndex

    /** A clone with [bestParams] fitted on every row (`best_estimator_`); refused when [refit] is false. */
    val bestEstimator: S
        get() {
            requireSearched()
            return best ?: throw IllegalStateException("${javaClass.simpleName} was made with refit=false, so there is no best estimator: make it with refit=true")
        }
}
