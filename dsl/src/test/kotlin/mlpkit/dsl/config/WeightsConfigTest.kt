package mlpkit.dsl.config

import mlpkit.core.loss.WeightNormalization
import mlpkit.dsl.experiment
import mlpkit.dsl.spec.ClassWeightSpec
import mlpkit.dsl.spec.SpecJson
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** `training.classWeight` and `training.weightNormalization` in JSON files and the DSL. */
class WeightsConfigTest {
    private fun with(fields: String) = moonsWith("\"batchSize\": \"full\"", "\"batchSize\": \"full\", $fields")

    @Test
    fun `classWeight reads balanced or weights by class name, and weightNormalization its two names`() {
        val balanced = ExperimentFiles.parseJson(with("\"classWeight\": \"balanced\""), "moons.json").training
        assertEquals(ClassWeightSpec.Balanced, balanced.classWeight)
        assertEquals(WeightNormalization.SUM_OF_WEIGHTS, balanced.weightNormalization)
        val named = ExperimentFiles.parseJson(with("\"classWeight\": {\"1\": 3.0}, \"weightNormalization\": \"rows\""), "moons.json").training
        assertEquals(ClassWeightSpec.Given(mapOf("1" to 3.0)), named.classWeight)
        assertEquals(WeightNormalization.ROWS, named.weightNormalization)
    }

    @Test
    fun `weights are written to the spec and read back, and left out when not given`() {
        val spec = ExperimentFiles.parseJson(with("\"classWeight\": {\"0\": 0.5, \"1\": 2.0}, \"weightNormalization\": \"rows\""), "moons.json")
        assertEquals(spec, SpecJson.decode(SpecJson.encode(spec)))
        val plain = SpecJson.encode(ExperimentFiles.parseJson(MOONS, "moons.json"))
        assertFalse("classWeight" in plain || "weightNormalization" in plain, plain)
    }

    @Test
    fun `the DSL forms give the same specs`() {
        val balanced = experiment("w") {
            data { moons(samples = 20) }
            network { dense(1, sigmoid) }
            training { classWeight = balanced; weightNormalization = rows }
        }.spec.training
        assertEquals(ClassWeightSpec.Balanced, balanced.classWeight)
        assertEquals(WeightNormalization.ROWS, balanced.weightNormalization)
        val named = experiment("w") {
            data { moons(samples = 20) }
            network { dense(1, sigmoid) }
            training { classWeight("0" to 1.0, "1" to 4.0) }
        }.spec.training
        assertEquals(ClassWeightSpec.Given(mapOf("0" to 1.0, "1" to 4.0)), named.classWeight)
    }

    @Test
    fun `a wrong classWeight or weightNormalization says what was expected at its path`() {
        val word = firstProblem(with("\"classWeight\": \"even\""))
        assertTrue("training.classWeight: expected \"balanced\" or an object of class names" in word && "got \"even\"" in word, word)
        val negative = firstProblem(with("\"classWeight\": {\"1\": -1}"))
        assertTrue("classWeight of class '1' is -1.0, expected a finite number >= 0" in negative, negative)
        val normalization = firstProblem(with("\"weightNormalization\": \"mean\""))
        assertTrue("weightNormalization expected one of sumOfWeights, rows, got 'mean'" in normalization, normalization)
    }
}
