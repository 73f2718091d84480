package mlpkit.data.batch

import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.ClassLabels
import mlpkit.data.Dataset
import mlpkit.data.DenseFeatures
import mlpkit.data.split.RowOrder
import mlpkit.data.split.subset
import org.apache.commons.math3.random.MersenneTwister
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertSame
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class WeightedBatchesTest {
    /** Row r has feature r and weight 10 + r, so a batch's weights can be checked against its features. */
    private val set = Dataset(
        "weighted", DenseFeatures(DenseMatrix(7, 1, DoubleArray(7) { it.toDouble() })),
        ClassLabels(intArrayOf(0, 1, 0, 1, 0, 1, 0), listOf("a", "b")), DoubleArray(7) { 10.0 + it },
    )

    @Test
    fun `shuffled batches carry each row's weight in one reused buffer`() {
        val batches = MiniBatches(set, BatchSize.of(3), RowOrder.Shuffled(MersenneTwister(4)))
        var buffer: DoubleArray? = null
        repeat(2) {
            val epoch = batches.epoch()
            var seen = 0
            while (epoch.next()) {
                val w = epoch.weights!!
                if (buffer == null) buffer = w else assertSame(buffer, w, "no allocation per batch")
                for (r in 0 until epoch.size) assertEquals(10.0 + epoch.x.getEntry(r, 0), w[r])
                seen += epoch.size
            }
            assertEquals(7, seen)
        }
        assertEquals(3, buffer!!.size)
    }

    @Test
    fun `a subset keeps its rows' weights and a set without weights has no batch weights`() {
        val part = set.subset(intArrayOf(5, 1, 2), "train")
        assertArrayEquals(doubleArrayOf(15.0, 11.0, 12.0), part.weights)
        val plain = set.withWeights(null)
        val epoch = MiniBatches(plain, BatchSize.Full, RowOrder.AsGiven).epoch()
        epoch.next()
        assertNull(epoch.weights)
    }

    @Test
    fun `negative or missing weights are refused with the row`() {
        val e = assertThrows<IllegalArgumentException> { set.withWeights(doubleArrayOf(1.0, 1.0, -2.0, 1.0, 1.0, 1.0, 1.0)) }
        assertTrue(e.message!!.contains("row 2 is -2.0, expected a finite weight >= 0"), e.message)
        val short = assertThrows<IllegalArgumentException> { set.withWeights(doubleArrayOf(1.0)) }
        assertTrue(short.message!!.contains("7 rows but 1 sample weights"), short.message)
    }
}
