package mlpkit.dsl.resolve

import mlpkit.data.Targets

/**
 * The data of a cross-validated experiment, loaded once ([DataResolver.resolveForFolds]): the [targets] of the rows
 * the folds are cut from (of the set [name]) and the number of rows of the test part every fold is evaluated on
 * ([testRows]; null when there is none).
 * [fold] gives one fold's [ResolvedData]: its training rows and held-out rows (indices into [rows]) as the train and
 * validation parts, with the scaling fitted on the training rows alone, so nothing of the held-out rows leaks in.
 */
class FoldData internal constructor(
    val name: String,
    val targets: Targets,
    val testRows: Int?,
    private val fit: (train: IntArray, heldOut: IntArray) -> ResolvedData,
) {
    /** One fold's data: [train] and [heldOut] index the rows of [targets]. */
    fun fold(train: IntArray, heldOut: IntArray): ResolvedData = fit(train, heldOut)

    /** The number of rows the folds are cut from. */
    val size: Int get() = targets.size

    override fun toString(): String = "FoldData($name: rows ${targets.size}, test ${testRows ?: 0})"
}
