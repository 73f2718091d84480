package mlpkit.dsl.config

import mlpkit.dsl.experiment
import mlpkit.dsl.spec.DivergenceSpec
import mlpkit.dsl.spec.SpecJson
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** `training.divergence` in JSON files: its forms, and every mistake named at its path in JSON words. */
class DivergenceConfigTest {
    private fun withDivergence(value: String) = moonsWith("\"batchSize\": \"full\"", "\"batchSize\": \"full\", \"divergence\": $value")

    private fun read(value: String): DivergenceSpec = ExperimentFiles.parseJson(withDivergence(value), "moons.json").training.divergence

    @Test
    fun `the guard is on at its defaults unless the file says otherwise`() {
        assertEquals(DivergenceSpec.Guard(100.0, 2), ExperimentFiles.parseJson(MOONS, "moons.json").training.divergence)
        assertEquals(DivergenceSpec.DEFAULT, read("true"))
        assertEquals(DivergenceSpec.Off, read("false"))
        assertEquals(DivergenceSpec.Off, read("\"off\""))
        assertEquals(DivergenceSpec.Guard(10.0, 3), read("""{ "factor": 10, "patience": 3 }"""))
        assertEquals(DivergenceSpec.Guard(1000.0, 2), read("""{ "factor": 1000 }"""))
        assertEquals(DivergenceSpec.Guard(100.0, 1), read("""{ "patience": 1 }"""))
    }

    @Test
    fun `a guard that is not the default is written to the spec and reads back equal`() {
        for (value in listOf("false", """{ "factor": 10, "patience": 3 }""")) {
            val spec = ExperimentFiles.parseJson(withDivergence(value), "moons.json")
            assertEquals(spec, SpecJson.decode(SpecJson.encode(spec)), value)
        }
        // The default is left out, so specs written before the guard existed read back unchanged.
        assertEquals(false, "divergence" in SpecJson.encode(ExperimentFiles.parseJson(MOONS, "moons.json")))
    }

    @Test
    fun `a factor of 1 or less is out of range, with its expectation and a hint`() {
        assertEquals(
            "moons.json: $.training.divergence.factor: divergence factor out of range (expected a number > 1, got 1); " +
                "e.g. 100, or turn the guard off",
            firstProblem(withDivergence("""{ "factor": 1 }""")),
        )
    }

    @Test
    fun `a patience of 0 is out of range`() {
        assertEquals(
            "moons.json: $.training.divergence.patience: divergence patience out of range (expected a whole number ≥ 1, got 0); e.g. 2",
            firstProblem(withDivergence("""{ "patience": 0 }""")),
        )
    }

    @Test
    fun `wrong types and unknown keys are named at their paths`() {
        assertEquals(
            "moons.json: $.training.divergence: wrong type (expected ${DivergenceSpec.EXPECTATION}, got \"on\")",
            firstProblem(withDivergence("\"on\"")),
        )
        assertEquals(
            "moons.json: $.training.divergence: wrong type (expected an object with factor (a number > 1) and patience " +
                "(a whole number ≥ 1), true, false or \"off\", got 100)",
            firstProblem(withDivergence("100")),
        )
        assertEquals(
            "moons.json: $.training.divergence.facter: unknown key (expected one of factor, patience, got \"facter\"); did you mean \"factor\"?",
            firstProblem(withDivergence("""{ "facter": 10 }""")),
        )
        assertEquals(
            "moons.json: $.training.divergence.patience: wrong type (expected a whole number ≥ 1, got 1.5)",
            firstProblem(withDivergence("""{ "patience": 1.5 }""")),
        )
        assertEquals(
            "moons.json: $.training.divergence.factor: wrong type (expected a number > 1, got \"10\")",
            firstProblem(withDivergence("""{ "factor": "10" }""")),
        )
    }

    @Test
    fun `the DSL's guard is checked with the same words`() {
        val e = assertThrows<ConfigException> {
            experiment("moons") {
                data { moons(samples = 100, noise = 0.1) }
                network { dense(10, relu); dense(2, softmax) }
                training { loss = softmaxCrossEntropy; divergence(factor = 0.5) }
            }
        }
        assertEquals(
            "moons: $.training.divergence.factor: divergence factor out of range (expected a number > 1, got 0.5); " +
                "e.g. 100, or turn the guard off",
            e.problems.first().message,
        )
    }
}
