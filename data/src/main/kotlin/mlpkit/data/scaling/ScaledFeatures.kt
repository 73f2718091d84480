package mlpkit.data.scaling

import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.Features

/**
 * [base] scaled by [scaler], as a view: rows are copied from [base] and scaled in the batch buffer,
 * so a scaled data set costs no second copy of its features. Build it with [Scaler.transform].
 */
class ScaledFeatures(val base: Features, val scaler: Scaler) : Features {
    init {
        require(base.cols == scaler.columns) {
            "the scaler was fitted on ${scaler.columns} feature columns but these features have ${base.cols}: " +
                "apply a scaler to the same features it was fitted on"
        }
    }

    override val rows: Int get() = base.rows
    override val cols: Int get() = base.cols

    override fun copyRows(indices: IntArray, start: Int, count: Int, out: DenseMatrix) {
        base.copyRows(indices, start, count, out)
        scaler.transformInPlace(out, count)
    }
}
