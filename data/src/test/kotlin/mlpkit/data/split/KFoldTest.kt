package mlpkit.data.split

import mlpkit.data.ClassLabels
import org.apache.commons.math3.random.MersenneTwister
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class KFoldTest {
    // Class 2 appears first: StratifiedKFold numbers classes by first appearance, which decides the allocation.
    private val labels = intArrayOf(2, 0, 0, 1, 2, 2, 0, 1, 1, 2, 2, 2, 0, 2, 1, 2, 0, 2, 2, 1)

    @Test
    fun `unshuffled folds are scikit-learn's KFold folds`() {
        // [te.tolist() for _, te in KFold(3).split(np.zeros((20, 1)))]
        val folds = kFoldIndices(20, 3, RowOrder.AsGiven)
        assertEquals(listOf((0..6).toList(), (7..13).toList(), (14..19).toList()), folds.map { it.validation.toList() })
        assertEquals(listOf(listOf(0, 1, 2, 3), listOf(4, 5, 6), listOf(7, 8, 9)), kFoldIndices(10, 3, RowOrder.AsGiven).map { it.validation.toList() })
    }

    @Test
    fun `unshuffled stratified folds are scikit-learn's StratifiedKFold folds`() {
        // y as `labels`; [te.tolist() for _, te in StratifiedKFold(3).split(np.zeros((20, 1)), y)]
        val folds = kFoldIndices(20, 3, RowOrder.AsGiven, ClassLabels(labels))
        assertEquals(
            listOf(listOf(0, 1, 3, 4, 5, 7, 9), listOf(2, 6, 8, 10, 11, 13, 14), listOf(12, 15, 16, 17, 18, 19)),
            folds.map { it.validation.toList() },
        )
    }

    @Test
    fun `every row is validated in exactly one fold and trained on in all the others`() {
        for (stratify in listOf(false, true)) {
            val folds = numberedSet(labels).kFold(4, RowOrder.Shuffled(MersenneTwister(3)), stratify)
            assertEquals((0 until 20).toList(), folds.flatMap { it.validation.toList() }.sorted())
            for (fold in folds) {
                assertEquals((0 until 20).toList(), (fold.train + fold.validation).sorted(), "fold ${fold.number}")
                assertTrue(fold.train.intersect(fold.validation.toSet()).isEmpty())
            }
        }
    }

    @Test
    fun `shuffled stratified folds keep each class spread evenly`() {
        val folds = kFoldIndices(20, 5, RowOrder.Shuffled(MersenneTwister(9)), ClassLabels(labels))
        // 5 of class 0, 5 of class 1, 10 of class 2 over 5 folds: one, one and two per fold.
        for (fold in folds) assertEquals(listOf(1, 1, 2), fold.validation.classCounts(labels, 3))
    }

    @Test
    fun `the same seed gives the same folds`() {
        val a = kFoldIndices(30, 3, RowOrder.Shuffled(MersenneTwister(1)))
        val b = kFoldIndices(30, 3, RowOrder.Shuffled(MersenneTwister(1)))
        for (f in 0 until 3) assertArrayEquals(a[f].validation, b[f].validation)
    }

    @Test
    fun `impossible fold counts and stratified regression are clear errors`() {
        assertEquals(
            "'numbered': 5 folds need at least 5 rows (one per fold), but the set has 3: use at most 3 folds",
            assertThrows<IllegalArgumentException> { numberedSet(IntArray(3)).kFold(5, RowOrder.AsGiven) }.message,
        )
        assertEquals(
            "'numbered': a k-fold needs at least 2 folds, got 1",
            assertThrows<IllegalArgumentException> { numberedSet(IntArray(3)).kFold(1, RowOrder.AsGiven) }.message,
        )
        assertEquals(
            "'prices' has real-valued (regression) targets, so it cannot be stratified: a stratified k-fold keeps class proportions " +
                "and needs class labels; use stratify = false",
            assertThrows<IllegalArgumentException> { regressionSet(10).kFold(2, RowOrder.AsGiven, stratify = true) }.message,
        )
    }
}
