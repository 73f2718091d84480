package mlpkit.data.scaling

import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import kotlinx.serialization.Transient
import mlpkit.core.distributed.ColumnAffine
import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.Dataset
import mlpkit.data.Features

/**
 * Min-max scaling as scikit-learn's `MinMaxScaler(feature_range=(rangeMin, rangeMax))`: per column,
 * x ↦ x · scale + offset with scale = (rangeMax − rangeMin) / (dataMax − dataMin) and
 * offset = rangeMin − dataMin · scale, so the fitted rows' minimum goes to [rangeMin] and maximum to
 * [rangeMax] (values outside the fitted range land outside the target range; nothing is clipped). A
 * constant column (range below 10·ε) is treated as having range 1, as scikit-learn does: its values
 * all map to [rangeMin]. Only the fitted statistics are stored; scale and offset are recomputed from
 * them with the same formula, so a decoded scaler transforms bit for bit like the original. Build one
 * with [fit].
 */
@Serializable
@SerialName("minmax")
data class MinMaxScaler(
    val rangeMin: Double,
    val rangeMax: Double,
    val dataMin: List<Double>,
    val dataMax: List<Double>,
) : Scaler {
    init {
        checkRange(rangeMin, rangeMax)
        require(dataMin.isNotEmpty() && dataMin.size == dataMax.size) {
            "a min-max scaler needs as many column minima as maxima (at least 1), got ${dataMin.size} and ${dataMax.size}"
        }
        for (j in dataMin.indices) {
            require(dataMin[j].isFinite() && dataMax[j].isFinite() && dataMin[j] <= dataMax[j]) {
                "column ${j + 1} of a min-max scaler has minimum ${dataMin[j]} and maximum ${dataMax[j]}: " +
                    "they must be finite with minimum ≤ maximum"
            }
        }
    }

    override val columns: Int get() = dataMin.size

    @Transient
    private val scaleValues: DoubleArray = DoubleArray(dataMin.size) { j ->
        val dataRange = dataMax[j] - dataMin[j]
        (rangeMax - rangeMin) / if (dataRange < 10 * EPSILON) 1.0 else dataRange
    }

    @Transient
    private val offsetValues: DoubleArray = DoubleArray(dataMin.size) { j -> rangeMin - dataMin[j] * scaleValues[j] }

    /** The target range the fitted rows are mapped onto. */
    val range: ClosedFloatingPointRange<Double> get() = rangeMin..rangeMax

    /** Per-column multipliers (scikit-learn's `scale_`), a copy. */
    fun scale(): DoubleArray = scaleValues.copyOf()

    /** Per-column offsets added after multiplying (scikit-learn's `min_`), a copy. */
    fun offset(): DoubleArray = offsetValues.copyOf()

    override fun transformInPlace(matrix: DenseMatrix, rows: Int) {
        checkShape(matrix, rows)
        val data = matrix.data()
        val offset = matrix.offset()
        for (r in 0 until rows) {
            val rowStart = offset + r * columns
            for (j in 0 until columns) data[rowStart + j] = data[rowStart + j] * scaleValues[j] + offsetValues[j]
        }
    }

    override fun affine(): ColumnAffine = ColumnAffine(columns, null, null, scaleValues, offsetValues)

    override fun inverseAffine(): ColumnAffine = ColumnAffine(columns, offsetValues, scaleValues, null, null)

    override fun inverseTransformInPlace(matrix: DenseMatrix, rows: Int) {
        checkShape(matrix, rows)
        val data = matrix.data()
        val offset = matrix.offset()
        for (r in 0 until rows) {
            val rowStart = offset + r * columns
            for (j in 0 until columns) data[rowStart + j] = (data[rowStart + j] - offsetValues[j]) / scaleValues[j]
        }
    }

    companion object {
        private const val EPSILON = 2.220446049250313e-16 // np.finfo(np.float64).eps

        /** The target range when none is given: [0, 1]. */
        @JvmField
        val DEFAULT_RANGE: ClosedFloatingPointRange<Double> = 0.0..1.0

        /**
         * The scaler of columns whose fitted rows have minima [dataMin] and maxima [dataMax] (gathered elsewhere, e.g.
         * on a cluster's partitions), mapping them onto [range]: the same scaler [fit] returns for those rows.
         */
        @JvmStatic
        @JvmOverloads
        fun ofBounds(dataMin: List<Double>, dataMax: List<Double>, range: ClosedFloatingPointRange<Double> = DEFAULT_RANGE): MinMaxScaler {
            checkRange(range.start, range.endInclusive)
            return MinMaxScaler(range.start, range.endInclusive, dataMin, dataMax)
        }

        /** Fits on [rows] of [dataset]'s features (every row when null): pass the training rows only. */
        fun fit(dataset: Dataset, rows: IntArray? = null, range: ClosedFloatingPointRange<Double> = DEFAULT_RANGE): MinMaxScaler =
            fit(dataset.features, rows, range)

        /** Fits on [rows] of [features] (every row when null), to map them onto [range] (e.g. `-1.0..1.0`). */
        fun fit(features: Features, rows: IntArray? = null, range: ClosedFloatingPointRange<Double> = DEFAULT_RANGE): MinMaxScaler {
            checkRange(range.start, range.endInclusive)
            val cols = features.cols
            val fitted = fitRows(features, rows)
            val min = DoubleArray(cols) { Double.POSITIVE_INFINITY }
            val max = DoubleArray(cols) { Double.NEGATIVE_INFINITY }
            forEachChunk(features, fitted) { chunk, count ->
                val data = chunk.data()
                for (r in 0 until count) {
                    for (j in 0 until cols) {
                        val x = data[r * cols + j]
                        if (x < min[j]) min[j] = x
                        if (x > max[j]) max[j] = x
                    }
                }
            }
            return ofBounds(min.toList(), max.toList(), range)
        }

        private fun checkRange(low: Double, high: Double) {
            require(low.isFinite() && high.isFinite() && low < high) {
                "a min-max target range must be finite and increasing (low < high), got $low..$high"
            }
        }
    }
}
