package mlpkit.data.split

import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.DenseFeatures
import mlpkit.data.Features

/**
 * A view of some rows of [base]: row i of this view is row `indices[i]` of [base]. Nothing of the
 * feature data is copied (the index array is, so the view cannot change under its users).
 *
 * A view of a view is flattened when it is built, so [base] is never itself an `IndexedFeatures`: the
 * batch loop unwraps one level (see `mlpkit.data.batch.MiniBatches`) and reads [base] directly
 * through a composed index array, which costs no allocation per batch whatever [base] is.
 */
class IndexedFeatures(base: Features, indices: IntArray) : Features {
    /** The features the rows are taken from (never an `IndexedFeatures`). */
    val base: Features

    private val rowMap: IntArray

    init {
        indices.forEachIndexed { i, row ->
            require(row in 0 until base.rows) {
                "row index $row at position $i is outside the ${base.rows} rows of the features it selects from: " +
                    "indices must be in 0..${base.rows - 1}"
            }
        }
        if (base is IndexedFeatures) {
            this.base = base.base
            this.rowMap = IntArray(indices.size) { base.rowMap[indices[it]] }
        } else {
            this.base = base
            this.rowMap = indices.copyOf()
        }
    }

    override val rows: Int get() = rowMap.size
    override val cols: Int get() = base.cols

    /** The row of [base] that row [row] of this view shows. */
    fun baseRow(row: Int): Int = rowMap[row]

    /** The rows of [base] this view shows, in order (a copy). */
    fun indices(): IntArray = rowMap.copyOf()

    /**
     * Copies rows through the index map. Dense bases are copied directly without allocation; any other
     * base gets a translated index array of `count` entries (the batch loop never comes here: it
     * composes the index map once per epoch instead).
     */
    override fun copyRows(indices: IntArray, start: Int, count: Int, out: DenseMatrix) {
        val dense = base as? DenseFeatures
        if (dense == null) {
            val baseRows = IntArray(count) { rowMap[indices[start + it]] }
            base.copyRows(baseRows, 0, count, out)
            return
        }
        require(out.columnDimension == cols && out.rowDimension >= count) {
            "a batch of $count rows of $cols features needs a matrix of at least $count×$cols, got " +
                "${out.rowDimension}×${out.columnDimension}"
        }
        val values = dense.values()
        val source = values.data()
        val target = out.data()
        for (r in 0 until count) {
            System.arraycopy(source, values.offset() + rowMap[indices[start + r]] * cols, target, out.offset() + r * cols, cols)
        }
    }
}
