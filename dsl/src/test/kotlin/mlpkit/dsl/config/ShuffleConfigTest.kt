package mlpkit.dsl.config

import mlpkit.dsl.spec.SpecJson
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

/** `training.shuffle` in JSON files (the DSL's `shuffle = false` is run in `ShuffleRunTest`). */
class ShuffleConfigTest {
    private fun withShuffle(value: String) = moonsWith("\"batchSize\": \"full\"", "\"batchSize\": \"full\", \"shuffle\": $value")

    @Test
    fun `batches are shuffled unless the file says shuffle false`() {
        assertEquals(true, ExperimentFiles.parseJson(MOONS, "moons.json").training.shuffle)
        assertEquals(false, ExperimentFiles.parseJson(withShuffle("false"), "moons.json").training.shuffle)
        assertEquals(true, ExperimentFiles.parseJson(withShuffle("true"), "moons.json").training.shuffle)
    }

    @Test
    fun `shuffle false is written to the spec and reads back, the default is left out`() {
        val spec = ExperimentFiles.parseJson(withShuffle("false"), "moons.json")
        assertEquals(spec, SpecJson.decode(SpecJson.encode(spec)))
        assertEquals(true, "\"shuffle\": false" in SpecJson.encode(spec) || "\"shuffle\":false" in SpecJson.encode(spec))
        assertEquals(false, "shuffle" in SpecJson.encode(ExperimentFiles.parseJson(MOONS, "moons.json")))
    }

    @Test
    fun `a shuffle that is not true or false is named at its path`() {
        assertEquals(
            "moons.json: $.training.shuffle: wrong type (expected true or false, got \"no\")",
            firstProblem(withShuffle("\"no\"")),
        )
    }
}
