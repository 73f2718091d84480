package mlpkit.data.builtin

import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class DigitsTest {
    private val digits = digits()

    @Test
    fun `digits has 1797 samples of 64 pixels and ten classes named 0 to 9`() {
        assertEquals(1797, digits.size)
        assertEquals(64, digits.features.cols)
        assertEquals(List(10) { it.toString() }, digits.classLabels.classNames)
        assertEquals("digits", digits.name)
    }

    @Test
    fun `the label counts are scikit-learn's`() {
        // /usr/bin/python3 -c "from sklearn.datasets import load_digits; import numpy as np; print(np.bincount(load_digits().target))"
        assertArrayEquals(intArrayOf(178, 182, 177, 183, 181, 182, 181, 179, 174, 180), digits.classLabels.counts())
    }

    @Test
    fun `pixels are whole numbers from 0 to 16, not scaled`() {
        val pixels = digits.features.toMatrix().data()
        assertTrue(pixels.all { it in 0.0..16.0 && it == Math.rint(it) })
        assertEquals(16.0, pixels.max())
    }

    @Test
    fun `rows equal scikit-learn's load_digits rows`() {
        // d = load_digits(); print(d.target[i], d.data[i].astype(int).tolist()) for i in 0, 1, 100, 1796
        val expected = mapOf(
            0 to (0 to "0,0,5,13,9,1,0,0,0,0,13,15,10,15,5,0,0,3,15,2,0,11,8,0,0,4,12,0,0,8,8,0,0,5,8,0,0,9,8,0,0,4,11,0,1,12,7,0,0,2,14,5,10,12,0,0,0,0,6,13,10,0,0,0"),
            1 to (1 to "0,0,0,12,13,5,0,0,0,0,0,11,16,9,0,0,0,0,3,15,16,6,0,0,0,7,15,16,16,2,0,0,0,0,1,16,16,3,0,0,0,0,1,16,16,6,0,0,0,0,1,16,16,6,0,0,0,0,0,11,16,10,0,0"),
            100 to (4 to "0,0,0,2,13,0,0,0,0,0,0,8,15,0,0,0,0,0,5,16,5,2,0,0,0,0,15,12,1,16,4,0,0,4,16,2,9,16,8,0,0,0,10,14,16,16,4,0,0,0,0,0,13,8,0,0,0,0,0,0,13,6,0,0"),
            1796 to (8 to "0,0,10,14,8,1,0,0,0,2,16,14,6,1,0,0,0,0,15,15,8,15,0,0,0,0,5,16,16,10,0,0,0,0,12,15,15,12,0,0,0,4,16,6,4,16,6,0,0,8,16,10,8,16,8,0,0,1,8,12,14,12,1,0"),
        )
        for ((row, labelAndPixels) in expected) {
            val (label, pixels) = labelAndPixels
            assertEquals(label, digits.classLabels.labels[row], "label of row $row")
            assertArrayEquals(pixels.split(',').map { it.toDouble() }.toDoubleArray(), digits.features.row(row), "pixels of row $row")
        }
    }

    @Test
    fun `every call reads a fresh copy`() {
        val again = digits()
        assertTrue(again !== digits && again.features !== digits.features)
        assertArrayEquals(digits.features.toMatrix().data(), again.features.toMatrix().data())
    }
}
