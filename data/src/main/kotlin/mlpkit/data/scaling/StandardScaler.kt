package mlpkit.data.scaling

import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import kotlinx.serialization.Transient
import mlpkit.core.distributed.ColumnAffine
import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.Dataset
import mlpkit.data.Features
import kotlin.math.sqrt

/**
 * Standardisation as scikit-learn's `StandardScaler`: x ↦ (x − mean) / scale per column, where mean
 * and scale are the column's mean and population standard deviation (ddof = 0) on the rows it was
 * fitted on. [mean] is null when centring is off (`withMean = false`), [scale] when scaling is off
 * (`withStd = false`). A column scikit-learn considers constant (variance within rounding error of 0)
 * gets scale 1, so it is centred but not blown up. Build one with [fit].
 */
@Serializable
@SerialName("standard")
data class StandardScaler(
    override val columns: Int,
    val mean: List<Double>?,
    val scale: List<Double>?,
) : Scaler {
    init {
        require(columns >= 1) { "a standard scaler needs at least 1 column, got $columns" }
        require(mean == null || (mean.size == columns && mean.all { it.isFinite() })) {
            "a standard scaler of $columns columns needs $columns finite means, got ${mean?.size}: ${mean?.take(8)}"
        }
        require(scale == null || (scale.size == columns && scale.all { it.isFinite() && it > 0.0 })) {
            "a standard scaler of $columns columns needs $columns finite positive scales, got ${scale?.size}: ${scale?.take(8)}"
        }
    }

    @Transient
    private val meanValues: DoubleArray? = mean?.toDoubleArray()

    @Transient
    private val scaleValues: DoubleArray? = scale?.toDoubleArray()

    /** Whether columns are centred. */
    val withMean: Boolean get() = mean != null

    /** Whether columns are divided by their standard deviation. */
    val withStd: Boolean get() = scale != null

    override fun transformInPlace(matrix: DenseMatrix, rows: Int) {
        checkShape(matrix, rows)
        val data = matrix.data()
        val offset = matrix.offset()
        val mean = meanValues
        val scale = scaleValues
        // Subtract, then divide (not multiply by 1/scale): the same two roundings as scikit-learn.
        for (r in 0 until rows) {
            val rowStart = offset + r * columns
            if (mean != null) for (j in 0 until columns) data[rowStart + j] -= mean[j]
            if (scale != null) for (j in 0 until columns) data[rowStart + j] /= scale[j]
        }
    }

    override fun affine(): ColumnAffine = ColumnAffine(columns, meanValues, scaleValues, null, null)

    override fun inverseAffine(): ColumnAffine = ColumnAffine(columns, null, null, scaleValues, meanValues)

    override fun inverseTransformInPlace(matrix: DenseMatrix, rows: Int) {
        checkShape(matrix, rows)
        val data = matrix.data()
        val offset = matrix.offset()
        val mean = meanValues
        val scale = scaleValues
        for (r in 0 until rows) {
            val rowStart = offset + r * columns
            if (scale != null) for (j in 0 until columns) data[rowStart + j] *= scale[j]
            if (mean != null) for (j in 0 until columns) data[rowStart + j] += mean[j]
        }
    }

    companion object {
        private const val EPSILON = 2.220446049250313e-16 // np.finfo(np.float64).eps

        /** Fits on [rows] of [dataset]'s features (every row when null): pass the training rows only. */
        fun fit(dataset: Dataset, rows: IntArray? = null, withMean: Boolean = true, withStd: Boolean = true): StandardScaler =
            fit(dataset.features, rows, withMean, withStd)

        /**
         * Fits on [rows] of [features] (every row when null) with scikit-learn 1.2's arithmetic: column
         * sums in row order, the corrected two-pass variance Σ(x−m)² − (Σ(x−m))²/n, divided by n; a column
         * is constant when var ≤ n·ε·var + (n·mean·ε)² (`_is_constant_feature`) and then gets scale 1.
         */
        fun fit(features: Features, rows: IntArray? = null, withMean: Boolean = true, withStd: Boolean = true): StandardScaler {
            val cols = features.cols
            val fitted = fitRows(features, rows)
            val n = fitted.size
            if (!withMean && !withStd) return StandardScaler(cols, null, null)

            val sum = DoubleArray(cols)
            forEachChunk(features, fitted) { chunk, count ->
                val data = chunk.data()
                for (r in 0 until count) for (j in 0 until cols) sum[j] += data[r * cols + j]
            }
            val mean = DoubleArray(cols) { (0.0 + sum[it]) / n }
            if (!withStd) return StandardScaler(cols, mean.toList(), null)

            val columnMean = DoubleArray(cols) { sum[it] / n }
            val correction = DoubleArray(cols)
            val squares = DoubleArray(cols)
            forEachChunk(features, fitted) { chunk, count ->
                val data = chunk.data()
                for (r in 0 until count) {
                    for (j in 0 until cols) {
                        val deviation = data[r * cols + j] - columnMean[j]
                        correction[j] += deviation
                        squares[j] += deviation * deviation
                    }
                }
            }
            return ofSums(n.toLong(), sum, correction, squares, withMean)
        }

        /**
         * The scaler (with std) of columns whose [n] fitted rows have column sums [sum], and sums of deviations
         * [correction] = Σ(x − sum/n) and squared deviations [squares] = Σ(x − sum/n)² (gathered elsewhere, e.g. on
         * a cluster's partitions): [fit]'s arithmetic from there on.
         */
        @JvmStatic
        @JvmOverloads
        fun ofSums(n: Long, sum: DoubleArray, correction: DoubleArray, squares: DoubleArray, withMean: Boolean = true): StandardScaler {
            val cols = sum.size
            require(n >= 1 && correction.size == cols && squares.size == cols) {
                "a standard scaler from sums expected n >= 1 and $cols deviation sums and squares, got n = $n, ${correction.size} and ${squares.size}"
            }
            val mean = DoubleArray(cols) { (0.0 + sum[it]) / n }
            val scale = DoubleArray(cols) { j ->
                val variance = (squares[j] - correction[j] * correction[j] / n) / n
                val nearlyConstantBound = n * EPSILON * variance + (n * mean[j] * EPSILON).let { it * it }
                if (variance <= nearlyConstantBound) 1.0 else sqrt(variance)
            }
            return StandardScaler(cols, if (withMean) mean.toList() else null, scale.toList())
        }
    }
}
