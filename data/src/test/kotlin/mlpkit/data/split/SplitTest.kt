package mlpkit.data.split

import mlpkit.data.ClassLabels
import mlpkit.data.RegressionTargets
import org.apache.commons.math3.random.MersenneTwister
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertSame
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class SplitTest {
    private val shuffled get() = RowOrder.Shuffled(MersenneTwister(42))

    @Test
    fun `unshuffled, the first 80 percent train and the last 20 percent test`() {
        val split = numberedSet(IntArray(10) { it % 2 }).split(PartSizes.Fractions(0.8, test = 0.2), RowOrder.AsGiven)
        assertArrayEquals(IntArray(8) { it }, split.indices.train)
        assertArrayEquals(intArrayOf(8, 9), split.indices.test)
        assertEquals(0, split.indices.validation.size)
        assertNull(split.validation)
        assertEquals(listOf(8.0, 80.0), split.test!!.features.row(0).toList())
    }

    @Test
    fun `shuffled parts are disjoint and together cover every row`() {
        val split = numberedSet(IntArray(103) { it % 3 }).split(PartSizes.Fractions(0.6, 0.2, 0.2), shuffled)
        val all = split.indices.train + split.indices.validation + split.indices.test
        assertEquals((0 until 103).toList(), all.sorted())
        assertEquals(listOf(62, 21, 20), listOf(split.indices.train.size, split.indices.validation.size, split.indices.test.size))
        assertFalse(split.indices.train.toList() == split.indices.train.sorted(), "a shuffled train part is not in row order")
    }

    @Test
    fun `the same seed gives the same split and another seed another`() {
        val set = numberedSet(IntArray(50) { it % 2 })
        val sizes = PartSizes.Fractions(0.7, 0.1, 0.2)
        val first = set.split(sizes, RowOrder.Shuffled(MersenneTwister(5))).indices
        val again = set.split(sizes, RowOrder.Shuffled(MersenneTwister(5))).indices
        val other = set.split(sizes, RowOrder.Shuffled(MersenneTwister(6))).indices
        assertArrayEquals(first.train, again.train)
        assertArrayEquals(first.validation, again.validation)
        assertArrayEquals(first.test, again.test)
        assertFalse(first.test.contentEquals(other.test))
    }

    @Test
    fun `a stratified split keeps the class proportions of an imbalanced set in every part`() {
        val labels = imbalancedLabels(70, 20, 10)
        val split = numberedSet(labels).split(PartSizes.Fractions(0.6, 0.2, 0.2), shuffled, stratify = true)
        assertEquals(listOf(42, 12, 6), split.indices.train.classCounts(labels, 3))
        assertEquals(listOf(14, 4, 2), split.indices.validation.classCounts(labels, 3))
        assertEquals(listOf(14, 4, 2), split.indices.test.classCounts(labels, 3))
        assertEquals((0 until 100).toList(), (split.indices.train + split.indices.validation + split.indices.test).sorted())
    }

    @Test
    fun `stratified rounding gives the largest remainders their row and leaves the train part the rest`() {
        // 100 rows in classes of 50, 30, 17, 3; test and validation 15 rows each. Quotas 7.5, 4.5, 2.55, 0.45:
        // floors 7, 4, 2, 0 leave 2 rows, which go to class 2 (remainder .55) and class 0 (.50, larger than class 1).
        val labels = imbalancedLabels(50, 30, 17, 3)
        val indices = splitIndices(100, PartSizes.Fractions(0.7, 0.15, 0.15), RowOrder.AsGiven, ClassLabels(labels))
        assertEquals(listOf(8, 4, 3, 0), indices.test.classCounts(labels, 4))
        assertEquals(listOf(8, 4, 3, 0), indices.validation.classCounts(labels, 4))
        assertEquals(listOf(34, 22, 11, 3), indices.train.classCounts(labels, 4))
    }

    @Test
    fun `an unshuffled stratified split gives each part the first rows of each class it needs`() {
        val labels = intArrayOf(0, 0, 1, 0, 1, 0, 0, 1, 0, 1)
        val indices = splitIndices(10, PartSizes.Fractions(0.6, test = 0.4), RowOrder.AsGiven, ClassLabels(labels))
        assertArrayEquals(intArrayOf(0, 1, 2, 3, 4, 5), indices.train)
        assertArrayEquals(intArrayOf(6, 7, 8, 9), indices.test)
    }

    @Test
    fun `parts are views of the original features and keep every class name`() {
        val set = numberedSet(intArrayOf(0, 1, 2, 0, 1, 2, 0, 0))
        val split = set.split(PartSizes.Counts(train = 3, test = 2), RowOrder.AsGiven)
        val train = split.train
        assertTrue(train.features is IndexedFeatures)
        assertSame(set.features, (train.features as IndexedFeatures).base)
        assertEquals("numbered/train", train.name)
        assertEquals(listOf(listOf(0.0, 0.0), listOf(1.0, 10.0), listOf(2.0, 20.0)), List(3) { train.features.row(it).toList() })
        val test = split.test!!
        assertEquals(3, test.classLabels.classCount)
        assertArrayEquals(intArrayOf(0, 1), test.classLabels.labels)
        assertArrayEquals(intArrayOf(3, 4), split.indices.test)
    }

    @Test
    fun `counts that add up to less than the set leave the other rows out`() {
        val indices = splitIndices(10, PartSizes.Counts(train = 3, validation = 2), RowOrder.AsGiven)
        assertArrayEquals(intArrayOf(0, 1, 2), indices.train)
        assertArrayEquals(intArrayOf(3, 4), indices.validation)
        assertEquals(0, indices.test.size)
    }

    @Test
    fun `regression targets are split with their rows`() {
        val split = regressionSet(6).split(PartSizes.Counts(validation = 2), RowOrder.AsGiven)
        assertEquals(listOf(2.0, 2.5), (split.validation!!.targets as RegressionTargets).values.data().toList())
    }

    @Test
    fun `stratifying a regression set is a clear error`() {
        assertEquals(
            "'prices' has real-valued (regression) targets, so it cannot be stratified: a stratified split keeps class proportions " +
                "and needs class labels; use stratify = false",
            assertThrows<IllegalArgumentException> { regressionSet(10).split(PartSizes.Fractions(0.8, test = 0.2), shuffled, stratify = true) }.message,
        )
    }

    @Test
    fun `split sizes are checked against the set`() {
        assertEquals(
            "'numbered': the test part would be empty: 0.1 of 4 rows is 0.4 rows, which rounds to 0; use a larger fraction, a row count, or 0 for no test part",
            assertThrows<IllegalArgumentException> { numberedSet(IntArray(4)).split(PartSizes.Fractions(0.9, test = 0.1), shuffled) }.message,
        )
    }
}
