package mlpkit.data.batch

import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.ClassLabels
import mlpkit.data.Dataset
import mlpkit.data.idx.ImageFeatures
import mlpkit.data.idx.PixelScaling
import mlpkit.data.random.RandomState
import mlpkit.data.split.RowOrder
import org.apache.commons.math3.random.AbstractRandomGenerator
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class RandomShiftTest {
    /** Hands out the given values of nextInt(n) in order (each must be below n). */
    private class Draws(vararg values: Int) : AbstractRandomGenerator() {
        private val queue = ArrayDeque(values.toList())
        override fun nextInt(n: Int): Int = queue.removeFirst().also { require(it in 0 until n) { "draw $it is not below $n" } }
        override fun nextDouble(): Double = throw UnsupportedOperationException("RandomShift draws integers only")
        override fun setSeed(seed: Long) = Unit
    }

    /** One 3×4 image per row, pixel (y, x) = 10·y + x + 100·row. */
    private fun images(rows: Int) = DenseMatrix(rows, 12, DoubleArray(rows * 12) { 100.0 * (it / 12) + 10.0 * (it % 12 / 4) + it % 4 })

    @Test
    fun `a shift of one pixel right and one down repeats the top row and the left column`() {
        val batch = images(1)
        // maxShift 1: draws 0..2 mean −1..1; dy = 2 − 1 = 1 (down), dx = 2 − 1 = 1 (right).
        RandomShift(3, 4, 1, Draws(2, 2)).apply(batch)
        assertArrayEquals(
            doubleArrayOf(
                0.0, 0.0, 1.0, 2.0,
                0.0, 0.0, 1.0, 2.0,
                10.0, 10.0, 11.0, 12.0,
            ),
            batch.data(),
        )
    }

    @Test
    fun `a shift of two pixels left and one up repeats the right column and the bottom row, row by row`() {
        val batch = images(2)
        // maxShift 2: draws 0..4 mean −2..2. Row 0: dy = 1 − 2 = −1 (up), dx = 0 − 2 = −2 (left). Row 1: draws 2, 2, no shift.
        RandomShift(3, 4, 2, Draws(1, 0, 2, 2)).apply(batch)
        assertArrayEquals(
            doubleArrayOf(
                12.0, 13.0, 13.0, 13.0,
                22.0, 23.0, 23.0, 23.0,
                22.0, 23.0, 23.0, 23.0,
            ),
            batch.data().copyOfRange(0, 12),
        )
        assertArrayEquals(images(2).data().copyOfRange(12, 24), batch.data().copyOfRange(12, 24), "a zero shift leaves the image as it was")
    }

    @Test
    fun `the training batches are shifted from the augmentation generator and the same seed gives the same batches`() {
        val pixels = ByteArray(6 * 5 * 5) { (it * 7 % 256).toByte() }
        val dataset = Dataset("images", ImageFeatures(pixels, 6, 5, 5, PixelScaling.UNIT), ClassLabels(IntArray(6) { it % 2 }, listOf("a", "b")))
        fun firstBatch(augmentation: BatchAugmentation?): DoubleArray {
            val epoch = MiniBatches(dataset, BatchSize.of(6), RowOrder.AsGiven, augmentation = augmentation).epoch()
            epoch.next()
            return epoch.x.data().copyOf()
        }
        val plain = firstBatch(null)
        val shifted = firstBatch(RandomShift(5, 5, 2, RandomState(3)))
        assertArrayEquals(shifted, firstBatch(RandomShift(5, 5, 2, RandomState(3))))
        assertFalse(plain.contentEquals(shifted), "a seed whose six draws are all (0, 0) would make this test meaningless")
    }

    @Test
    fun `a shift as large as the image is refused with the range that fits`() {
        val e = assertThrows<IllegalArgumentException> { RandomShift(3, 4, 3, Draws()) }
        assertEquals("a shift of up to 3 pixels does not suit 3×4 images: expected 1 to 2", e.message)
    }
}
