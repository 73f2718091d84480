package mlpkit.dsl.verify

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import mlpkit.dsl.experiment
import mlpkit.dsl.spec.Expectation
import mlpkit.dsl.spec.SpecJson
import org.junit.jupiter.api.Test

class ExpectationOutcomeTest {
    @Test
    fun `a value on the bar passes, just below fails, and a missing or NaN metric fails`() {
        val bar = Expectation("test_accuracy", atLeast = 0.91, article = 0.91)
        assertTrue(ExpectationOutcome(bar, 0.91).passed)
        assertFalse(ExpectationOutcome(bar, Math.nextDown(0.91)).passed)
        assertFalse(ExpectationOutcome(bar, null).passed)
        assertFalse(ExpectationOutcome(bar, Double.NaN).passed)
    }

    @Test
    fun `both bounds are checked and printed as one bar`() {
        val band = Expectation("train_loss", atLeast = 0.2, atMost = 0.5)
        assertEquals("≥ 0.2 and ≤ 0.5", ExpectationOutcome(band, 0.3).bar)
        assertFalse(ExpectationOutcome(band, 0.6).passed)
        assertFalse(ExpectationOutcome(band, 0.1).passed)
        assertTrue(ExpectationOutcome(band, 0.5).passed)
    }

    @Test
    fun `check pairs each expectation with its metric in the order written`() {
        val outcomes = ExpectationOutcome.check(
            listOf(Expectation("test_auc", atLeast = 0.96), Expectation("train_accuracy", atLeast = 0.9)),
            mapOf("train_accuracy" to 0.95, "test_auc" to 0.95),
        )
        assertEquals(listOf("test_auc", "train_accuracy"), outcomes.map { it.expectation.metric })
        assertEquals(listOf(false, true), outcomes.map { it.passed })
    }

    @Test
    fun `the article's figure written in the DSL survives a JSON round trip`() {
        val spec = experiment("e") {
            data { moons(samples = 20, noise = 0.1, randomState = 0); split(test = 0.25) }
            network { dense(2, softmax) }
            training { loss = softmaxCrossEntropy; epochs = 1 }
            expect { testAuc atLeast 0.95 article 0.96; trainAccuracy atLeast 0.9 }
        }.spec
        assertEquals(
            listOf(Expectation("test_auc", atLeast = 0.95, article = 0.96), Expectation("train_accuracy", atLeast = 0.9)),
            spec.expect,
        )
        assertEquals(spec, SpecJson.decode(SpecJson.encode(spec)))
        assertNull(Expectation("x").article)
    }
}
