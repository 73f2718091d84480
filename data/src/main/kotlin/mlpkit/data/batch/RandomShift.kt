package mlpkit.data.batch

import mlpkit.core.matrix.DenseMatrix
import org.apache.commons.math3.random.RandomGenerator

/**
 * Random translations of images (one row = one [height]×[width] image, row-major): each row is moved by
 * dy rows and dx columns, both drawn uniformly from −[maxShift]..[maxShift] (dy first, then dx, per row in
 * batch order), and the pixels uncovered at the edge repeat the nearest edge pixel (Keras' fill mode
 * "nearest"; for MNIST-like images the edges are background, so this is the background).
 *
 * out(y, x) = in(clamp(y − dy), clamp(x − dx)): a positive dx moves the picture right, a positive dy down.
 */
class RandomShift(
    val height: Int,
    val width: Int,
    val maxShift: Int,
    private val random: RandomGenerator,
) : BatchAugmentation {
    private val image = DoubleArray(height * width)

    init {
        require(height > 0 && width > 0) { "images need a positive height and width, got $height×$width" }
        require(maxShift in 1 until minOf(height, width)) {
            "a shift of up to $maxShift pixels does not suit $height×$width images: expected 1 to ${minOf(height, width) - 1}"
        }
    }

    override fun apply(batch: DenseMatrix) {
        val pixels = height * width
        require(batch.columnDimension == pixels) {
            "shifting $height×$width images needs rows of $pixels pixels, got ${batch.columnDimension} columns"
        }
        val data = batch.data()
        val span = 2 * maxShift + 1
        for (row in 0 until batch.rowDimension) {
            val dy = random.nextInt(span) - maxShift
            val dx = random.nextInt(span) - maxShift
            if (dx == 0 && dy == 0) continue
            val at = batch.offset() + row * pixels
            System.arraycopy(data, at, image, 0, pixels)
            for (y in 0 until height) {
                val from = (y - dy).coerceIn(0, height - 1) * width
                val to = at + y * width
                for (x in 0 until width) data[to + x] = image[from + (x - dx).coerceIn(0, width - 1)]
            }
        }
    }

    override fun toString(): String = "RandomShift(up to $maxShift pixels of $height×$width images)"
}
