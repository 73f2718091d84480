package mlpkit.data.split

import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.Features
import org.apache.commons.math3.random.MersenneTwister
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertSame
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class IndexedFeaturesTest {
    private val base = numberedSet(IntArray(6)).features

    @Test
    fun `a view shows the chosen rows of its base in order`() {
        val view = IndexedFeatures(base, intArrayOf(4, 0, 4))
        assertEquals(3, view.rows)
        assertEquals(2, view.cols)
        assertArrayEquals(doubleArrayOf(4.0, 40.0, 0.0, 0.0, 4.0, 40.0), view.toMatrix().data())
    }

    @Test
    fun `a view of a view is flattened onto the original base`() {
        val inner = IndexedFeatures(base, intArrayOf(5, 3, 1))
        val outer = IndexedFeatures(inner, intArrayOf(2, 0))
        assertSame(base, outer.base)
        assertArrayEquals(intArrayOf(1, 5), outer.indices())
        assertArrayEquals(doubleArrayOf(1.0, 10.0, 5.0, 50.0), outer.toMatrix().data())
    }

    @Test
    fun `a view over features that are not dense reads them through their own copyRows`() {
        val squares = object : Features {
            override val rows = 5
            override val cols = 1
            override fun copyRows(indices: IntArray, start: Int, count: Int, out: DenseMatrix) {
                for (r in 0 until count) out.setEntry(r, 0, (indices[start + r] * indices[start + r]).toDouble())
            }
        }
        assertArrayEquals(doubleArrayOf(9.0, 16.0), IndexedFeatures(squares, intArrayOf(3, 4)).toMatrix().data())
    }

    @Test
    fun `the view keeps its own copy of the indices`() {
        val indices = intArrayOf(1, 2)
        val view = IndexedFeatures(base, indices)
        indices[0] = 5
        assertEquals(1, view.baseRow(0))
    }

    @Test
    fun `an index outside the base is a clear error`() {
        assertEquals(
            "row index 6 at position 1 is outside the 6 rows of the features it selects from: indices must be in 0..5",
            assertThrows<IllegalArgumentException> { IndexedFeatures(base, intArrayOf(0, 6)) }.message,
        )
    }

    @Test
    fun `Fisher-Yates gives a permutation, the same one for the same seed`() {
        val a = RowOrder.Shuffled(MersenneTwister(3)).rowsInOrder(100)
        val b = RowOrder.Shuffled(MersenneTwister(3)).rowsInOrder(100)
        assertArrayEquals(a, b)
        assertEquals((0 until 100).toList(), a.sorted())
        assertArrayEquals(IntArray(100) { it }, RowOrder.AsGiven.rowsInOrder(100))
    }
}
