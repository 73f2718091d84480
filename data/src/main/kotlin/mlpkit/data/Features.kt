package mlpkit.data

import mlpkit.core.matrix.DenseMatrix

/**
 * The input rows of a data set, stored however suits them (doubles for generated and CSV data, one
 * unsigned byte per pixel for image sets) and converted to doubles only when rows are copied into a
 * batch. Implementations are immutable, so [copyRows] may run in several threads at once, each into its own rows
 * of the batch ([mlpkit.data.batch.MiniBatches] cuts a large batch between the kernel threads that way).
 */
interface Features {
    /** Number of samples. */
    val rows: Int

    /** Number of features per sample. */
    val cols: Int

    /**
     * Copies rows `indices[start until start + count]`, as doubles, into the first `count` rows of
     * [out] (which has [cols] columns and at least `count` rows). No allocation: this is the batch
     * loop's hot path.
     */
    fun copyRows(indices: IntArray, start: Int, count: Int, out: DenseMatrix)

    /** One row as a new array (for inspection and tests, not for training loops). */
    fun row(index: Int): DoubleArray {
        val out = DenseMatrix(1, cols)
        copyRows(intArrayOf(index), 0, 1, out)
        return out.data()
    }

    /** All rows as a new dense matrix, in order. */
    fun toMatrix(): DenseMatrix {
        val out = DenseMatrix(rows, cols)
        copyRows(IntArray(rows) { it }, 0, rows, out)
        return out
    }
}
