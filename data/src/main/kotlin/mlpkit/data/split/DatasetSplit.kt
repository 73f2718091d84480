package mlpkit.data.split

import mlpkit.data.Dataset

/**
 * A split data set: the row [indices] it chose and the parts as views of the original set (see
 * [subset]). [validation] and [test] are null when their size was 0.
 */
class DatasetSplit(
    val indices: SplitIndices,
    val train: Dataset,
    val validation: Dataset?,
    val test: Dataset?,
) {
    override fun toString(): String = "DatasetSplit(train ${train.size}, validation ${validation?.size ?: 0}, test ${test?.size ?: 0})"
}
