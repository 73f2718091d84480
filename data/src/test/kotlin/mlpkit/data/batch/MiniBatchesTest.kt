package mlpkit.data.batch

import mlpkit.core.matrix.DenseMatrix
import mlpkit.core.matrix.KernelThreads
import mlpkit.data.ClassLabels
import mlpkit.data.Dataset
import mlpkit.data.DenseFeatures
import mlpkit.data.RegressionTargets
import mlpkit.data.scaling.StandardScaler
import mlpkit.data.split.PartSizes
import mlpkit.data.split.RowOrder
import mlpkit.data.split.split
import org.apache.commons.math3.random.MersenneTwister
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertSame
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.lang.management.ManagementFactory

class MiniBatchesTest {
    /** Row i has features (i, −i) and label i % classes. */
    private fun numbered(rows: Int, classes: Int = 3) = Dataset(
        "numbered",
        DenseFeatures(DenseMatrix(rows, 2, DoubleArray(rows * 2) { if (it % 2 == 0) (it / 2).toDouble() else -(it / 2).toDouble() })),
        ClassLabels(IntArray(rows) { it % classes }, List(classes) { "c$it" }),
    )

    private fun shuffled(seed: Int) = RowOrder.Shuffled(MersenneTwister(seed))

    /** The dataset rows of every batch of one epoch. */
    private fun MiniBatches.epochRows(): List<List<Int>> {
        val epoch = epoch()
        val batches = ArrayList<List<Int>>()
        while (epoch.next()) batches += List(epoch.size) { epoch.datasetRow(it) }
        return batches
    }

    @Test
    fun `a full batch in the given order is copied by the first epoch only, and a shuffled one every epoch`() {
        var copies = 0
        val base = numbered(10)
        val counting = object : mlpkit.data.Features by base.features {
            override fun copyRows(indices: IntArray, start: Int, count: Int, out: DenseMatrix) {
                copies++
                base.features.copyRows(indices, start, count, out)
            }
        }
        val data = Dataset("counted", counting, base.targets)
        val inOrder = MiniBatches(data, BatchSize.Full, RowOrder.AsGiven)
        val expected = base.features.toMatrix().data()
        repeat(3) {
            val epoch = inOrder.epoch()
            assertTrue(epoch.next())
            assertArrayEquals(expected, epoch.x.data(), 0.0)
            assertArrayEquals(DoubleArray(30) { if (it % 3 == (it / 3) % 3) 1.0 else 0.0 }, epoch.y.data(), 0.0)
            assertFalse(epoch.next())
        }
        assertEquals(1, copies, "three epochs of one full batch in order")
        val shuffledFull = MiniBatches(data, BatchSize.Full, shuffled(3))
        repeat(3) { val epoch = shuffledFull.epoch(); while (epoch.next()) Unit }
        assertEquals(4, copies, "a shuffled full batch is copied every epoch")
    }

    @Test
    fun `every batch, the partial last one included, fills the same buffers`() {
        val batches = MiniBatches(numbered(10), BatchSize.of(4), shuffled(1))
        val xArrays = HashSet<Any>()
        val yArrays = HashSet<Any>()
        val sizes = ArrayList<Int>()
        repeat(3) {
            val epoch = batches.epoch()
            while (epoch.next()) {
                xArrays += IdentityKey(epoch.x.data())
                yArrays += IdentityKey(epoch.y.data())
                sizes += epoch.size
            }
        }
        assertEquals(1, xArrays.size, "one X array for all batches")
        assertEquals(1, yArrays.size, "one Y array for all batches")
        assertEquals(listOf(4, 4, 2, 4, 4, 2, 4, 4, 2), sizes)
    }

    @Test
    fun `an epoch visits every row exactly once and each batch holds those rows' values`() {
        val data = numbered(23)
        val batches = MiniBatches(data, BatchSize.of(5), shuffled(2))
        repeat(2) {
            val epoch = batches.epoch()
            val seen = ArrayList<Int>()
            while (epoch.next()) {
                for (r in 0 until epoch.size) {
                    val row = epoch.datasetRow(r)
                    seen += row
                    assertArrayEquals(data.features.row(row), epoch.x.getRow(r))
                    assertEquals(1.0, epoch.y.getEntry(r, row % 3))
                    assertEquals(1.0, epoch.y.getRow(r).sum())
                }
            }
            assertEquals((0 until 23).toList(), seen.sorted())
        }
    }

    @Test
    fun `the same seed gives the same batches and later epochs are reshuffled`() {
        val a = MiniBatches(numbered(30), BatchSize.of(7), shuffled(9))
        val b = MiniBatches(numbered(30), BatchSize.of(7), shuffled(9))
        val first = a.epochRows()
        assertEquals(first, b.epochRows())
        val second = a.epochRows()
        assertEquals(second, b.epochRows())
        assertFalse(first == second, "a new epoch draws a new order")
        assertFalse(first.flatten() == (0 until 30).toList(), "shuffled, not in row order")
    }

    @Test
    fun `unshuffled batches take the rows in order`() {
        assertEquals(listOf(listOf(0, 1, 2), listOf(3, 4, 5), listOf(6)), MiniBatches(numbered(7), BatchSize.of(3), RowOrder.AsGiven).epochRows())
    }

    @Test
    fun `dropLast leaves out the partial batch`() {
        val batches = MiniBatches(numbered(10), BatchSize.of(4), RowOrder.AsGiven, dropLast = true)
        assertEquals(2, batches.batchesPerEpoch)
        assertEquals(listOf(listOf(0, 1, 2, 3), listOf(4, 5, 6, 7)), batches.epochRows())
    }

    @Test
    fun `a full batch is the whole set`() {
        val batches = MiniBatches(numbered(9), BatchSize.Full, RowOrder.AsGiven)
        assertEquals(1, batches.batchesPerEpoch)
        val epoch = batches.epoch()
        assertTrue(epoch.next())
        assertEquals(9, epoch.size)
        assertArrayEquals(numbered(9).features.toMatrix().data(), epoch.x.data())
        assertFalse(epoch.next())
    }

    @Test
    fun `a batch larger than the set gives one batch of the whole set`() {
        val batches = MiniBatches(numbered(5), BatchSize.of(64), RowOrder.AsGiven)
        assertEquals(5, batches.rowsPerBatch)
        assertEquals(listOf((0 until 5).toList()), batches.epochRows())
    }

    @Test
    fun `class labels can be one-hot, a single 0-1 column or the label itself`() {
        val binary = numbered(4, classes = 2)
        fun firstY(data: Dataset, encoding: TargetEncoding): DenseMatrix {
            val epoch = MiniBatches(data, BatchSize.Full, RowOrder.AsGiven, encoding).epoch()
            epoch.next()
            return epoch.y
        }
        assertArrayEquals(doubleArrayOf(1.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0, 1.0), firstY(binary, TargetEncoding.ONE_HOT).data())
        assertArrayEquals(doubleArrayOf(0.0, 1.0, 0.0, 1.0), firstY(binary, TargetEncoding.BINARY_COLUMN).data())
        assertArrayEquals(doubleArrayOf(0.0, 1.0, 2.0, 0.0), firstY(numbered(4, classes = 3), TargetEncoding.LABEL_COLUMN).data())
    }

    @Test
    fun `regression targets are copied as they are`() {
        val targets = DenseMatrix(3, 2, doubleArrayOf(0.5, 1.5, 2.5, 3.5, 4.5, 5.5))
        val data = Dataset("r", DenseFeatures(DenseMatrix(3, 1, doubleArrayOf(0.0, 1.0, 2.0))), RegressionTargets(targets))
        val epoch = MiniBatches(data, BatchSize.of(2), RowOrder.AsGiven).epoch()
        epoch.next()
        assertArrayEquals(doubleArrayOf(0.5, 1.5, 2.5, 3.5), epoch.y.data())
        epoch.next()
        assertEquals(1, epoch.y.rowDimension)
        assertArrayEquals(doubleArrayOf(4.5, 5.5), epoch.y.getRow(0))
    }

    @Test
    fun `batches of a split part read the original rows of that part, scaled or not`() {
        val data = numbered(20)
        val split = data.split(PartSizes.Fractions(0.75, test = 0.25), shuffled(4), stratify = true)
        val test = split.test!!
        val epoch = MiniBatches(test, BatchSize.of(3), RowOrder.AsGiven).epoch()
        val seen = ArrayList<Int>()
        while (epoch.next()) {
            for (r in 0 until epoch.size) {
                val original = split.indices.test[epoch.datasetRow(r)]
                seen += original
                assertArrayEquals(data.features.row(original), epoch.x.getRow(r))
                assertEquals(1.0, epoch.y.getEntry(r, original % 3))
            }
        }
        assertEquals(split.indices.test.sorted(), seen.sorted())

        val scaler = StandardScaler.fit(data, split.indices.train)
        val scaledTest = scaler.transform(test)
        val scaledEpoch = MiniBatches(scaledTest, BatchSize.Full, RowOrder.AsGiven).epoch()
        scaledEpoch.next()
        assertArrayEquals(scaler.transform(test.features.toMatrix()).data(), scaledEpoch.x.data(), 0.0)
    }

    @Test
    fun `a large batch copied by several threads holds the same values as one thread copies, the smaller last batch too`() {
        // 2 features: batches of 9000 rows are 18,000 values, above the size from which the copy is shared.
        val data = numbered(50_000)
        val part = data.split(PartSizes.Fractions(0.5, test = 0.5), shuffled(8)).train
        for (set in listOf(data, StandardScaler.fit(part).transform(part))) {
            val alone = MiniBatches(set, BatchSize.of(9000), shuffled(9))
            val expected = ArrayList<DoubleArray>()
            repeat(2) { val epoch = alone.epoch(); while (epoch.next()) expected += epoch.x.data().copyOf(epoch.size * 2) }
            for (count in 2..3) {
                KernelThreads.start(count).use { pool ->
                    val shared = MiniBatches(set, BatchSize.of(9000), shuffled(9))
                    shared.threads = pool
                    var batch = 0
                    repeat(2) {
                        val epoch = shared.epoch()
                        while (epoch.next()) {
                            assertArrayEquals(expected[batch], epoch.x.data().copyOf(epoch.size * 2), "batch $batch of ${set.name} on $count threads")
                            batch++
                        }
                    }
                    assertEquals(expected.size, batch)
                    assertEquals(set.size % 9000, expected.last().size / 2, "the last batch is the smaller one")
                }
            }
        }
    }

    @Test
    fun `filling batches allocates nothing`() {
        val mx = ManagementFactory.getThreadMXBean() as com.sun.management.ThreadMXBean
        val data = numbered(2000)
        val part = data.split(PartSizes.Fractions(0.5, test = 0.5), shuffled(5)).train
        for (set in listOf(data, StandardScaler.fit(part).transform(part))) {
            val batches = MiniBatches(set, BatchSize.of(7), shuffled(6))
            repeat(3) { val warm = batches.epoch(); while (warm.next()) Unit }
            val thread = Thread.currentThread().id
            val before = mx.getThreadAllocatedBytes(thread)
            var count = 0
            repeat(5) {
                val epoch = batches.epoch()
                while (epoch.next()) count++
            }
            val allocated = mx.getThreadAllocatedBytes(thread) - before
            // 5 epoch cursors of a few dozen bytes; one allocation per batch would be at least 16 × count bytes.
            assertTrue(allocated < 4 * count, "allocated $allocated bytes over $count batches of ${set.name}")
        }
    }

    @Test
    fun `starting an epoch ends the previous one`() {
        val batches = MiniBatches(numbered(10), BatchSize.of(4), RowOrder.AsGiven)
        val first = batches.epoch()
        first.next()
        batches.epoch()
        assertEquals(
            "epoch 1 of 'numbered' was ended by starting epoch 2: the batches share one buffer, so use one epoch at a time",
            assertThrows<IllegalStateException> { first.next() }.message,
        )
    }

    @Test
    fun `encodings that do not fit the targets are clear errors`() {
        assertEquals(
            "a single 0/1 target column needs at most 2 classes, but the set has 3 (c0, c1, c2…): use ONE_HOT",
            assertThrows<IllegalArgumentException> { MiniBatches(numbered(6), BatchSize.Full, RowOrder.AsGiven, TargetEncoding.BINARY_COLUMN) }.message,
        )
        val regression = Dataset("r", DenseFeatures(DenseMatrix(2, 1)), RegressionTargets(DenseMatrix(2, 1)))
        assertEquals(
            "ONE_HOT encodes class labels, but this set has real-valued (regression) targets: use VALUES",
            assertThrows<IllegalArgumentException> { MiniBatches(regression, BatchSize.Full, RowOrder.AsGiven, TargetEncoding.ONE_HOT) }.message,
        )
        assertEquals(
            "VALUES copies regression targets, but this set has class labels: use ONE_HOT, BINARY_COLUMN or LABEL_COLUMN",
            assertThrows<IllegalArgumentException> { MiniBatches(numbered(2), BatchSize.Full, RowOrder.AsGiven, TargetEncoding.VALUES) }.message,
        )
    }

    @Test
    fun `impossible batch sizes are clear errors`() {
        assertEquals(
            "'numbered' has 5 rows, fewer than a batch of 8, and dropLast leaves out the partial batch, so no batch would be made: " +
                "use a batch size of at most 5 or dropLast = false",
            assertThrows<IllegalArgumentException> { MiniBatches(numbered(5), BatchSize.of(8), RowOrder.AsGiven, dropLast = true) }.message,
        )
        assertEquals("a batch needs at least 1 row, got a batch size of 0", assertThrows<IllegalArgumentException> { BatchSize.of(0) }.message)
    }

    /** Compares arrays by identity in a set. */
    private class IdentityKey(val value: Any) {
        override fun equals(other: Any?) = other is IdentityKey && other.value === value
        override fun hashCode() = System.identityHashCode(value)
    }
}
