package mlpkit.estimator

/**
 * scikit-learn's `GridSearchCV(estimator, param_grid, cv=cv)`: every combination of [grid] (a [ParameterGrid]: names
 * sorted, the last varying fastest) cross-validated with [cv] folds (stratified for a classifier, as `cv=5`), the
 * best by mean test score refitted on all rows when [refit]. Kotlin: `GridSearch(clf, mapOf("alpha" to listOf(1e-4,
 * 1e-2)), cv = 5).fit(x, y).bestParams`; Java: `new GridSearch<>(clf, grid).fit(x, y)`.
 */
class GridSearch<S : MlpEstimator<S>> @JvmOverloads constructor(
    estimator: S,
    grid: Map<String, List<Any?>>,
    cv: Int = FoldSplitter.DEFAULT_FOLDS,
    scoring: Scoring = Scoring.DEFAULT,
    refit: Boolean = true,
    nJobs: Int = 1,
) : ParameterSearch<S>(estimator, FoldSplitter.kFold(cv), scoring, refit, nJobs) {
    /** The grid, checked against the estimator's parameters. */
    val grid: ParameterGrid = ParameterGrid(grid, estimator.estimatorName)

    override val candidates: List<Map<String, Any?>> = this.grid.points()
}
