package mlpkit.dsl.resolve

import mlpkit.data.Dataset

/**
 * The data of a cross-validated experiment, loaded once ([DataResolver.resolveForFolds]): the [rows] the folds are
 * cut from (unscaled) and the [test] part every fold is evaluated on (unscaled; null when there is none).
 * [fold] gives one fold's [ResolvedData]: its training rows and held-out rows (indices into [rows]) as the train and
 * validation parts, with the scaling fitted on the training rows alone, so nothing of the held-out rows leaks in.
 */
class FoldData internal constructor(
    val rows: Dataset,
    val test: Dataset?,
    private val fit: (train: IntArray, heldOut: IntArray) -> ResolvedData,
) {
    /** One fold's data: [train] and [heldOut] index [rows]. */
    fun fold(train: IntArray, heldOut: IntArray): ResolvedData = fit(train, heldOut)

    override fun toString(): String = "FoldData(rows ${rows.size}, test ${test?.size ?: 0})"
}
