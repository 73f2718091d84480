package mlpkit.estimator

/**
 * A search's results, as scikit-learn's `cv_results_` holds them: per candidate its [params], the test score of
 * each split ([splitScores]`[split][candidate]`), their [meanTestScore] and population [stdTestScore], the
 * [rankTestScore] (1 = best; ties share the smallest rank, as `rankdata(method='min')`), and [meanFitTime] /
 * [stdFitTime] in seconds. The best candidate is the first of rank 1 (`best_index_`).
 */
class SearchResults internal constructor(
    val params: List<Map<String, Any?>>,
    splits: Int,
    /** What scored the held-out rows (its direction decides the ranks). */
    val scoring: Scoring,
    outcome: (candidate: Int, split: Int) -> FoldOutcome,
) {
    val splitScores: List<DoubleArray> = List(splits) { s -> DoubleArray(params.size) { c -> outcome(c, s).score } }
    val meanTestScore: DoubleArray = DoubleArray(params.size) { c -> CrossValidationResult.mean(column(c)) }
    val stdTestScore: DoubleArray = DoubleArray(params.size) { c -> CrossValidationResult.std(column(c)) }
    val meanFitTime: DoubleArray
    val stdFitTime: DoubleArray

    init {
        val times = List(params.size) { c -> DoubleArray(splits) { s -> outcome(c, s).fitSeconds } }
        meanFitTime = DoubleArray(params.size) { CrossValidationResult.mean(times[it]) }
        stdFitTime = DoubleArray(params.size) { CrossValidationResult.std(times[it]) }
    }

    val rankTestScore: IntArray = ranks(meanTestScore, scoring.higherIsBetter)
    val bestIndex: Int = rankTestScore.indexOfFirst { it == 1 }
    val bestParams: Map<String, Any?> get() = params[bestIndex]
    val bestScore: Double get() = meanTestScore[bestIndex]

    private fun column(candidate: Int) = DoubleArray(splitScores.size) { splitScores[it][candidate] }

    /** The results under scikit-learn's keys: `params`, `split<i>_test_score`, `mean_test_score`, … (arrays per candidate). */
    fun asMap(): Map<String, Any> = LinkedHashMap<String, Any>().apply {
        put("mean_fit_time", meanFitTime)
        put("std_fit_time", stdFitTime)
        put("params", params)
        splitScores.forEachIndexed { s, scores -> put("split${s}_test_score", scores) }
        put("mean_test_score", meanTestScore)
        put("std_test_score", stdTestScore)
        put("rank_test_score", rankTestScore)
    }

    internal companion object {
        /**
         * scikit-learn's ranks of the mean scores: `rankdata(-means, method='min')` (1 for the best; equal means share the
         * smallest rank); NaN means rank last (all NaN: all rank 1). For a metric where lower is better the smallest ranks 1.
         */
        fun ranks(means: DoubleArray, higherIsBetter: Boolean): IntArray {
            if (means.all { it.isNaN() }) return IntArray(means.size) { 1 }
            val key = DoubleArray(means.size) { i ->
                val m = means[i]
                when {
                    m.isNaN() -> Double.POSITIVE_INFINITY
                    higherIsBetter -> -m
                    else -> m
                }
            }
            return IntArray(means.size) { i -> 1 + key.count { it < key[i] } }
        }
    }
}
