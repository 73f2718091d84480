package mlpkit.data.idx

import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.Features

/**
 * Image features kept compact: one unsigned byte per pixel, row-major, [rows] images of
 * [height]×[width] pixels (60 000 MNIST images take 47 MB instead of 376 MB of doubles). Pixels
 * become doubles only in [copyRows], through the [scaling] chosen here.
 *
 * [pixels] is adopted, not copied; [withScaling] gives another view of the same bytes.
 */
class ImageFeatures(
    private val pixels: ByteArray,
    override val rows: Int,
    val height: Int,
    val width: Int,
    val scaling: PixelScaling = PixelScaling.UNIT,
) : Features {
    override val cols: Int = height * width

    private val bytes = scaling.bytes()

    init {
        require(rows >= 0 && height > 0 && width > 0) {
            "an image set needs a non-negative image count and positive height and width, got $rows images of $height×$width"
        }
        require(pixels.size.toLong() == rows.toLong() * height * width) {
            "$rows images of $height×$width pixels need ${rows.toLong() * height * width} bytes, got ${pixels.size}"
        }
    }

    override fun copyRows(indices: IntArray, start: Int, count: Int, out: DenseMatrix) {
        require(out.columnDimension == cols && out.rowDimension >= count) {
            "a batch of $count images of $cols pixels needs a matrix of at least $count×$cols, got " +
                "${out.rowDimension}×${out.columnDimension}"
        }
        val target = out.data()
        for (r in 0 until count) {
            val image = indices[start + r]
            if (image !in 0 until rows) throw IndexOutOfBoundsException("image $image is outside 0 until $rows")
            bytes.convert(pixels, image * cols, target, out.offset() + r * cols, cols)
        }
    }

    /** Pixel [pixel] (row-major within the image) of image [image], unscaled: 0..255. */
    fun rawPixel(image: Int, pixel: Int): Int {
        if (image !in 0 until rows || pixel !in 0 until cols) {
            throw IndexOutOfBoundsException("pixel $pixel of image $image is outside $rows images of $cols pixels")
        }
        return pixels[image * cols + pixel].toInt() and 0xFF
    }

    /** The backing bytes (shared, not copied: do not modify): `rows * cols` unsigned pixels. */
    fun rawPixels(): ByteArray = pixels

    /** The same pixels with another scaling (no copy). */
    fun withScaling(scaling: PixelScaling): ImageFeatures = ImageFeatures(pixels, rows, height, width, scaling)

    override fun toString(): String = "$rows images of $height×$width pixels, scaled $scaling"

    companion object {
        /**
         * Images from an IDX array of unsigned bytes shaped images×height×width (or images×pixels,
         * read as images of 1×pixels). [source] names the file in errors.
         */
        fun of(array: IdxArray, source: String, scaling: PixelScaling = PixelScaling.UNIT): ImageFeatures {
            if (array.type != IdxType.UNSIGNED_BYTE) {
                throw IdxFormatException(
                    source,
                    "expected images of ${IdxType.UNSIGNED_BYTE} pixels, but the file holds ${array.type} values " +
                        "(${array.shape()}): is this an image file?",
                )
            }
            return when (array.dims.size) {
                3 -> ImageFeatures(array.bytes(), array.dims[0], array.dims[1], array.dims[2], scaling)
                2 -> ImageFeatures(array.bytes(), array.dims[0], 1, array.dims[1], scaling)
                else -> throw IdxFormatException(
                    source,
                    "expected images shaped images×height×width, but the file has ${array.dims.size} dimensions " +
                        "(${array.shape()}): is this a label file?",
                )
            }
        }
    }
}
