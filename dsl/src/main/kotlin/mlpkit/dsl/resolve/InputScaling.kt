package mlpkit.dsl.resolve

import mlpkit.data.idx.PixelScaling
import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.scaling.Scaler

/**
 * How raw input rows are turned into what the network saw in training: stored with the model so that
 * predictions on raw inputs (CSV values, pixel bytes 0..255) are scaled exactly as the training rows were.
 */
@Serializable
sealed interface InputScaling {
    /** Scales the first [rows] rows of [matrix] in place. */
    fun applyInPlace(matrix: DenseMatrix, rows: Int = matrix.rowDimension)

    /** A per-column scaler (standard, min-max) fitted on the training rows. */
    @Serializable
    @SerialName("fitted")
    data class Fitted(val scaler: Scaler) : InputScaling {
        override fun applyInPlace(matrix: DenseMatrix, rows: Int) = scaler.transformInPlace(matrix, rows)
    }

    /**
     * Pixel bytes mapped by a fixed formula, data's [PixelScaling] ([range] `unit` is v / 255, `symmetric`
     * is v / 127.5 − 1), so a pixel value given as a double scales to the bits training saw.
     */
    @Serializable
    @SerialName("pixels")
    data class Pixels(val range: PixelRange) : InputScaling {
        override fun applyInPlace(matrix: DenseMatrix, rows: Int) {
            require(rows in 0..matrix.rowDimension) { "cannot scale $rows rows of a matrix that has ${matrix.rowDimension}" }
            val data = matrix.data()
            val from = matrix.offset()
            val to = from + rows * matrix.columnDimension
            val scaling = range.scaling
            for (i in from until to) data[i] = scaling.scale(data[i])
        }
    }
}

/** The fixed pixel mappings of scaling `unit` and `symmetric`. */
@Serializable
enum class PixelRange(val scaling: PixelScaling) {
    @SerialName("unit") UNIT(PixelScaling.UNIT),
    @SerialName("symmetric") SYMMETRIC(PixelScaling.SYMMETRIC),
}
