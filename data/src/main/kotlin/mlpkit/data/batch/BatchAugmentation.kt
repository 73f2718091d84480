package mlpkit.data.batch

import mlpkit.core.matrix.DenseMatrix

/**
 * A random change applied to each training batch after it is filled (data augmentation): it rewrites
 * the batch's rows in place, draws only from the generator it was given, and allocates nothing per
 * batch. Validation and test rows are never augmented.
 */
fun interface BatchAugmentation {
    fun apply(batch: DenseMatrix)
}
