package mlpkit.data

import mlpkit.core.matrix.DenseMatrix

/** Features held as doubles in a row-major matrix (generated sets, CSV files, digits). */
class DenseFeatures(private val matrix: DenseMatrix) : Features {
    override val rows: Int get() = matrix.rowDimension
    override val cols: Int get() = matrix.columnDimension

    override fun copyRows(indices: IntArray, start: Int, count: Int, out: DenseMatrix) {
        require(out.columnDimension == cols && out.rowDimension >= count) {
            "a batch of $count rows of $cols features needs a matrix of at least $count×$cols, got " +
                "${out.rowDimension}×${out.columnDimension}"
        }
        val source = matrix.data()
        val target = out.data()
        for (r in 0 until count) {
            System.arraycopy(source, matrix.offset() + indices[start + r] * cols, target, out.offset() + r * cols, cols)
        }
    }

    /** The values themselves (shared, not copied): row i, column j is `values().getEntry(i, j)`. */
    fun values(): DenseMatrix = matrix

    companion object {
        /** Features from rows of equal length (copied). */
        fun of(rows: Array<DoubleArray>): DenseFeatures = DenseFeatures(DenseMatrix.of(rows))
    }
}
