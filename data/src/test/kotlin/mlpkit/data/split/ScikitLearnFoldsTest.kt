package mlpkit.data.split

import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.int
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.long
import mlpkit.data.random.Fixtures
import mlpkit.data.random.RandomState
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class ScikitLearnFoldsTest {
    @Test
    fun `every fold of KFold, StratifiedKFold and their repeated forms is scikit-learn's, index for index`() {
        val cases = Fixtures.json("sklearn_cv_folds.json")["cases"]!!.jsonArray.map { it as JsonObject }
        assertEquals(9, cases.size)
        for (case in cases) {
            val kind = case["kind"]!!.jsonPrimitive.content
            val rows = case["rows"]!!.jsonPrimitive.int
            val folds = case["folds"]!!.jsonPrimitive.int
            val repeats = case["repeats"]!!.jsonPrimitive.int
            val seed = case["randomState"]!!.takeIf { it !is JsonNull }?.jsonPrimitive?.long
            val labels = case["labels"]!!.takeIf { it !is JsonNull }?.let { Fixtures.ints(it) }
            val random = seed?.let { RandomState(it) }
            val actual = when (kind) {
                "kfold" -> ScikitLearnFolds.kFold(rows, folds, random)
                "stratified" -> ScikitLearnFolds.stratifiedKFold(labels!!, folds, random)
                "repeated" -> ScikitLearnFolds.repeated(rows, folds, repeats, seed!!)
                else -> ScikitLearnFolds.repeated(rows, folds, repeats, seed!!, labels)
            }
            val expected = case["splits"]!!.jsonArray.map { it as JsonObject }
            assertEquals(expected.size, actual.size, "$kind of $rows rows, $folds folds")
            expected.forEachIndexed { i, split ->
                assertEquals(i, actual[i].number)
                assertArrayEquals(Fixtures.ints(split["test"]!!), actual[i].validation, "$kind of $rows rows, seed $seed: held-out rows of fold $i")
                assertArrayEquals(Fixtures.ints(split["train"]!!), actual[i].train, "$kind of $rows rows, seed $seed: training rows of fold $i")
            }
        }
    }

    @Test
    fun `unshuffled folds are the existing k-fold's folds as given`() {
        val labels = intArrayOf(1, 0, 1, 1, 2, 0, 1, 2, 1, 0, 1)
        val ours = ScikitLearnFolds.stratifiedKFold(labels, 3, null)
        val existing = kFoldIndices(labels.size, 3, RowOrder.AsGiven, mlpkit.data.ClassLabels(labels, listOf("a", "b", "c")))
        for (f in 0 until 3) assertArrayEquals(existing[f].validation, ours[f].validation)
    }

    @Test
    fun `too many folds are errors that say how many are possible`() {
        val rows = assertThrows<IllegalArgumentException> { ScikitLearnFolds.kFold(4, 5, null) }
        assertTrue(rows.message!!.contains("5 folds need at least 5 rows (one per fold), but there are 4: use at most 4 folds"), rows.message)
        val classes = assertThrows<IllegalArgumentException> { ScikitLearnFolds.stratifiedKFold(intArrayOf(0, 0, 1, 1, 2, 2), 3, null) }
        assertTrue(classes.message!!.contains("the largest class has 2: use at most 2 folds"), classes.message)
    }
}
