package mlpkit.dsl.model

import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.batch.TargetEncoding

/** The threshold above which a single 0/1 output predicts class 1 (probability one half for a sigmoid). */
internal const val BINARY_THRESHOLD = mlpkit.core.distributed.TrainedModel.BINARY_THRESHOLD

/**
 * The class the network predicts for row [row] of [output]: the largest output (the first on ties) for
 * one output per class, class 1 when a single output reaches [BINARY_THRESHOLD]. NaN outputs give class 0.
 */
internal fun predictedClass(output: DenseMatrix, row: Int, encoding: TargetEncoding): Int {
    val cols = output.columnDimension
    val data = output.data()
    val start = output.offset() + row * cols
    if (encoding != TargetEncoding.ONE_HOT) return binaryClass(data[start])
    var best = 0
    for (j in 1 until cols) if (data[start + j] > data[start + best]) best = j
    return best
}

/** Class 1 when a single output reaches [BINARY_THRESHOLD], else 0 (also for NaN). */
@Suppress("NOTHING_TO_INLINE")
internal inline fun binaryClass(output: Double): Int = if (output >= BINARY_THRESHOLD) 1 else 0

/** The score of class 1 for row [row]: the single output, or the second of two one-hot outputs. */
internal fun positiveScore(output: DenseMatrix, row: Int, encoding: TargetEncoding): Double {
    val cols = output.columnDimension
    return output.data()[output.offset() + row * cols + if (encoding == TargetEncoding.ONE_HOT) 1 else 0]
}
