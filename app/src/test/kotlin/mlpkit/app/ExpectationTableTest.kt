package mlpkit.app

import mlpkit.dsl.spec.Expectation
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class ExpectationTableTest {
    private val expectations = listOf(
        Expectation("train_accuracy", atLeast = 0.93, article = 0.95),
        Expectation("test_auc", atLeast = 0.96, article = 0.96),
        Expectation("test_loss", atMost = 0.3),
        Expectation("validation_accuracy", atLeast = 0.5),
    )
    private val metrics = mapOf("train_accuracy" to 0.95025, "test_auc" to 0.9641634, "test_loss" to 0.35)

    @Test
    fun `each expectation is a row of metric, the article's figure, our bar, our value and pass or FAIL`() {
        val table = ExpectationTable.of(expectations, metrics)
        assertEquals(
            listOf(
                listOf("train_accuracy", "0.9500", "≥ 0.93", "0.9503", "pass"),
                listOf("test_auc", "0.9600", "≥ 0.96", "0.9642", "pass"),
                listOf("test_loss", "–", "≤ 0.3", "0.3500", "FAIL"),
                listOf("validation_accuracy", "–", "≥ 0.5", "not measured", "FAIL"),
            ),
            table.rows,
        )
        assertFalse(table.allPassed)
        assertEquals(2, table.failed)
    }

    @Test
    fun `the text table lines its columns up under the header`() {
        val text = ExpectationTable.of(expectations.take(3), metrics).toText()
        assertEquals(
            """
            metric          article  our bar  ours    result
            train_accuracy  0.9500   ≥ 0.93   0.9503  pass
            test_auc        0.9600   ≥ 0.96   0.9642  pass
            test_loss       –        ≤ 0.3    0.3500  FAIL
            """.trimIndent(),
            text,
        )
    }

    @Test
    fun `tiny values keep their digits and every expectation met means all passed`() {
        assertEquals("3.125e-05", ExpectationTable.figure(3.125e-5))
        assertEquals("0.0000", ExpectationTable.figure(0.0))
        assertTrue(ExpectationTable.of(expectations.take(2), metrics).allPassed)
    }
}
