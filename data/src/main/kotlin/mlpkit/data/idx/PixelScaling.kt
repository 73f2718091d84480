package mlpkit.data.idx

import kotlin.math.sqrt
import mlpkit.core.distributed.ColumnAffine
import mlpkit.core.matrix.ByteScaling

/**
 * How a pixel byte (0..255) becomes the double a network sees. Chosen when [ImageFeatures] are built
 * and applied only when rows are copied into a batch, so the pixels themselves stay one byte each.
 */
sealed class PixelScaling {
    /** The double for pixel value [value] (0..255, or a pixel value already given as a double). */
    abstract fun scale(value: Double): Double

    /** The double for pixel byte [value] (0..255): the same bits as [scale] of `value.toDouble()`. */
    fun scale(value: Int): Double = scale(value.toDouble())

    /** [scale] on [columns] columns as core's [ColumnAffine] (the same roundings), or null when it changes nothing. */
    abstract fun affine(columns: Int): ColumnAffine?

    /** The 256 scaled values, indexed by pixel value: what a batch holds for each byte. */
    internal fun table(): DoubleArray = DoubleArray(256) { scale(it) }

    /** The 256 values with the affine map they come from, ((v − subtract) / divide) + add, for core's SIMD conversion. */
    internal abstract fun bytes(): ByteScaling

    /** [0, 1]: v / 255. */
    object UNIT : PixelScaling() {
        override fun scale(value: Double): Double = value / 255.0
        override fun bytes() = ByteScaling(table(), 0.0, 255.0, 0.0)
        override fun affine(columns: Int) = ColumnAffine(columns, null, DoubleArray(columns) { 255.0 }, null, null)
        override fun toString() = "unit [0, 1]"
    }

    /** [−1, 1]: v / 127.5 − 1 (as article E4 prepares MNIST). */
    object SYMMETRIC : PixelScaling() {
        override fun scale(value: Double): Double = value / 127.5 - 1.0
        override fun bytes() = ByteScaling(table(), 0.0, 127.5, -1.0)
        override fun affine(columns: Int) = ColumnAffine(columns, null, DoubleArray(columns) { 127.5 }, null, DoubleArray(columns) { -1.0 })
        override fun toString() = "symmetric [-1, 1]"
    }

    /** The raw value 0..255 as a double. */
    object RAW : PixelScaling() {
        override fun scale(value: Double): Double = value
        override fun bytes() = ByteScaling(table(), 0.0, 1.0, 0.0)
        override fun affine(columns: Int): ColumnAffine? = null
        override fun toString() = "raw [0, 255]"
    }

    /**
     * (v − [mean]) / [std] with the mean and standard deviation of the TRAINING pixels, passed in
     * explicitly so the test set is scaled with the training statistics, never its own
     * (see [standardisedOver]).
     */
    data class Standardised(val mean: Double, val std: Double) : PixelScaling() {
        init {
            require(mean.isFinite() && std.isFinite() && std > 0.0) {
                "standardising needs a finite mean and a positive standard deviation, got mean $mean, std $std " +
                    "(a constant image set has std 0: use UNIT or RAW for it)"
            }
        }

        override fun scale(value: Double): Double = (value - mean) / std
        override fun bytes() = ByteScaling(table(), mean, std, 0.0)
        override fun affine(columns: Int) = ColumnAffine(columns, DoubleArray(columns) { mean }, DoubleArray(columns) { std }, null, null)
        override fun toString() = "standardised (v - $mean) / $std"
    }

    companion object {
        /**
         * Standardisation with the mean and population standard deviation (numpy's default, ddof = 0)
         * of all pixels of [training], taken over the raw 0..255 values whatever its own scaling.
         */
        fun standardisedOver(training: ImageFeatures): Standardised {
            val pixels = training.rawPixels()
            // A histogram keeps the sums exact (long counts) and costs one pass over the bytes.
            val histogram = LongArray(256)
            for (b in pixels) histogram[b.toInt() and 0xFF]++
            val n = pixels.size.toDouble()
            require(pixels.isNotEmpty()) { "cannot standardise over an empty image set" }
            var sum = 0.0
            for (v in 0 until 256) sum += v.toDouble() * histogram[v]
            val mean = sum / n
            var squares = 0.0
            for (v in 0 until 256) squares += (v - mean) * (v - mean) * histogram[v]
            return Standardised(mean, sqrt(squares / n))
        }
    }
}
