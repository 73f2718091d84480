package mlpkit.data.idx

import mlpkit.core.matrix.DenseMatrix
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertSame
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import kotlin.math.sqrt

class ImageFeaturesTest {
    /** One image of 1×6 pixels with values whose scaled forms are exact decimals. */
    private val pixels = byteArrayOf(0, 51, 102, -52 /* 204 */, -1 /* 255 */, -128 /* 128 */)

    private fun scaledRow(scaling: PixelScaling): DoubleArray = ImageFeatures(pixels, 1, 1, 6, scaling).row(0)

    @Test
    fun `unit scaling maps 0 to 255 onto 0 to 1 as v over 255`() {
        assertArrayEquals(doubleArrayOf(0.0, 0.2, 0.4, 0.8, 1.0, 128 / 255.0), scaledRow(PixelScaling.UNIT), 0.0)
    }

    @Test
    fun `symmetric scaling maps 0 to 255 onto -1 to 1 as v over 127_5 minus 1`() {
        // v / 127.5 − 1 in doubles: 102 → 0.8 − 1 = −0.19999999999999996 and 204 → 1.6 − 1 = 0.6000000000000001,
        // one rounding away from the decimal literals; 128 → 1/255 rounded.
        assertArrayEquals(
            doubleArrayOf(-1.0, -0.6, -0.19999999999999996, 0.6000000000000001, 1.0, 0.0039215686274509665),
            scaledRow(PixelScaling.SYMMETRIC),
            0.0,
        )
    }

    @Test
    fun `raw scaling keeps 0 to 255`() {
        assertArrayEquals(doubleArrayOf(0.0, 51.0, 102.0, 204.0, 255.0, 128.0), scaledRow(PixelScaling.RAW), 0.0)
    }

    @Test
    fun `standardised scaling subtracts the given mean and divides by the given std`() {
        assertArrayEquals(
            doubleArrayOf(-1.0, -0.6, -0.2, 0.6, 1.0, 0.5 / 127.5),
            scaledRow(PixelScaling.Standardised(mean = 127.5, std = 127.5)),
            0.0,
        )
    }

    @Test
    fun `standardisation statistics come from the training pixels and are applied unchanged to the test pixels`() {
        val train = ImageFeatures(byteArrayOf(1, 2, 3, 4), rows = 2, height = 1, width = 2)
        val test = ImageFeatures(byteArrayOf(0, 10), rows = 1, height = 1, width = 2)

        val scaling = PixelScaling.standardisedOver(train)

        assertEquals(2.5, scaling.mean)
        assertEquals(sqrt(1.25), scaling.std) // population std of 1, 2, 3, 4
        assertArrayEquals(doubleArrayOf(0.5 / sqrt(1.25), 1.5 / sqrt(1.25)), train.withScaling(scaling).row(1), 1e-15)
        assertArrayEquals(doubleArrayOf(-2.5 / sqrt(1.25), 7.5 / sqrt(1.25)), test.withScaling(scaling).row(0), 1e-15)
    }

    @Test
    fun `a standardisation with zero spread is refused with a hint`() {
        val error = assertThrows<IllegalArgumentException> { PixelScaling.standardisedOver(ImageFeatures(ByteArray(4), 4, 1, 1)) }

        assertEquals(
            "standardising needs a finite mean and a positive standard deviation, got mean 0.0, std 0.0 " +
                "(a constant image set has std 0: use UNIT or RAW for it)",
            error.message,
        )
    }

    @Test
    fun `pixels stay one byte each and the IDX array's bytes are adopted without a copy`() {
        val array = TestImageSets.images(500, 28, 28)

        val features = ImageFeatures.of(array, "images.idx")

        assertEquals(500, features.rows)
        assertEquals(784, features.cols)
        assertEquals(500 * 784, features.rawPixels().size)
        assertSame(array.bytes(), features.rawPixels())
        assertSame(features.rawPixels(), features.withScaling(PixelScaling.RAW).rawPixels())
    }

    @Test
    fun `copyRows fills the first rows of a batch in index order`() {
        val features = ImageFeatures(ByteArray(12) { (it * 10).toByte() }, rows = 4, height = 1, width = 3, scaling = PixelScaling.RAW)
        val batch = DenseMatrix(3, 3)

        features.copyRows(intArrayOf(9, 3, 0, 9), start = 1, count = 2, out = batch)

        assertArrayEquals(doubleArrayOf(90.0, 100.0, 110.0, 0.0, 10.0, 20.0, 0.0, 0.0, 0.0), batch.data(), 0.0)
    }

    @Test
    fun `a batch holds each scaling's own value for every byte, in whole groups of eight and in the tail`() {
        // 3 images of 1×87 pixels (ten groups of eight and a tail of seven), every byte value at least once.
        val bytes = ByteArray(3 * 87) { (it * 37 + 11).toByte() }
        val images = ImageFeatures(bytes, 3, 1, 87)
        val scalings = listOf(PixelScaling.UNIT, PixelScaling.SYMMETRIC, PixelScaling.RAW, PixelScaling.standardisedOver(images))
        for (scaling in scalings) {
            val batch = DenseMatrix(3, 87)
            images.withScaling(scaling).copyRows(intArrayOf(2, 0, 1), 0, 3, batch)
            for (r in 0 until 3) {
                val image = intArrayOf(2, 0, 1)[r]
                for (p in 0 until 87) {
                    val expected = scaling.scale(bytes[image * 87 + p].toInt() and 0xFF)
                    assertEquals(expected.toRawBits(), batch.getEntry(r, p).toRawBits(), "${'$'}scaling, row ${'$'}r, pixel ${'$'}p")
                }
            }
        }
    }

    @Test
    fun `copyRows refuses a batch matrix of the wrong width`() {
        val features = ImageFeatures(ByteArray(16), rows = 4, height = 2, width = 2)

        val error = assertThrows<IllegalArgumentException> { features.copyRows(intArrayOf(0), 0, 1, DenseMatrix(1, 3)) }

        assertEquals("a batch of 1 images of 4 pixels needs a matrix of at least 1×4, got 1×3", error.message)
    }

    @Test
    fun `an IDX array of ints is not accepted as images`() {
        val error = assertThrows<IdxFormatException> {
            ImageFeatures.of(IdxArray.ofInts(intArrayOf(1, 2, 2), IntArray(4)), "weights.idx")
        }

        assertEquals(
            "weights.idx: expected images of unsigned byte (0x08) pixels, but the file holds int (0x0C) values (1×2×2): is this an image file?",
            error.message,
        )
    }
}
