package mlpkit.data.split

import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.double
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.long
import mlpkit.data.random.Fixtures
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class ShuffleSplitTest {
    @Test
    fun `the train and test rows are scikit-learn's train_test_split rows, in its order`() {
        val cases = Fixtures.json("sklearn_train_test_split.json")["cases"]!!.jsonArray
        assertEquals(5, cases.size)
        for (case in cases.map { it as JsonObject }) {
            val rows = case["rows"]!!.jsonPrimitive.long.toInt()
            val test = case["test"]!!.jsonPrimitive.double
            val seed = case["randomState"]!!.jsonPrimitive.long
            val split = ShuffleSplit.indices(rows, test, 0.0, seed)
            assertArrayEquals(Fixtures.ints(case["testRows"]!!), split.test, "test rows of $rows rows, test $test, seed $seed")
            assertArrayEquals(Fixtures.ints(case["train"]!!), split.train, "train rows of $rows rows, test $test, seed $seed")
            assertEquals(0, split.validation.size)
        }
    }

    @Test
    fun `the test part has the ceiling of test times rows and validation takes the next rows`() {
        // 0.2 × 442 = 88.4 → 89 test rows (scikit-learn rounds the test part up); 0.1 × 442 = 44.2 → 45 validation rows.
        val split = ShuffleSplit.indices(442, 0.2, 0.1, 0)
        assertEquals(89, split.test.size)
        assertEquals(45, split.validation.size)
        assertEquals(442 - 89 - 45, split.train.size)
        assertArrayEquals(ShuffleSplit.indices(442, 0.2, 0.0, 0).test, split.test, "validation does not change the test rows")
        assertEquals((0 until 442).toList(), (split.train + split.validation + split.test).sorted())
    }

    @Test
    fun `fractions that leave no training rows and seeds numpy refuses are errors that say so`() {
        val noTrain = assertThrows<IllegalArgumentException> { ShuffleSplit.indices(10, 0.5, 0.5, 1, "iris") }
        assertTrue(noTrain.message!!.contains("leave no rows of 10 for training"), noTrain.message)
        val seed = assertThrows<IllegalArgumentException> { ShuffleSplit.indices(10, 0.2, 0.0, -1, "iris") }
        assertTrue(seed.message!!.contains("randomState must be between 0 and 4294967295"), seed.message)
    }
}
