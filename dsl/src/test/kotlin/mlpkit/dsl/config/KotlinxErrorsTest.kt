package mlpkit.dsl.config

import kotlinx.serialization.SerializationException
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.SpecJson
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/**
 * The safety net behind the structural check, fed with the exceptions kotlinx.serialization-json 1.11.0
 * really throws (decoding the broken text directly, as the loader would if the check missed something).
 */
class KotlinxErrorsTest {
    private fun translated(text: String): String {
        val e = assertThrows<SerializationException> { SpecJson.format.decodeFromString(ExperimentSpec.serializer(), text) }
        return KotlinxErrors.toConfigException(e, "moons.json", text).message!!
    }

    @Test
    fun `kotlinx's unknown key error becomes the key's path`() {
        assertEquals(
            "moons.json: $.training.epoch: unknown key (expected a key of this object, got \"epoch\")",
            translated(moonsWith("\"epochs\": 300", "\"epoch\": 300")),
        )
    }

    @Test
    fun `kotlinx's missing field error becomes the field's path`() {
        assertEquals(
            "moons.json: $.data.source.generator: missing required key (expected a value, got nothing)",
            translated(moonsWith("\"generator\": \"make_moons\", ", "")),
        )
    }

    @Test
    fun `kotlinx's enum error keeps its path without a colon`() {
        assertEquals(
            "moons.json: $.data.scaling: unknown value (expected a known name, got \"standardise\")",
            translated(moonsWith("\"params\": {\"n_samples\": 100, \"noise\": 0.1}}", "\"params\": {\"n_samples\": 100, \"noise\": 0.1}}, \"scaling\": \"standardise\"")),
        )
    }

    @Test
    fun `kotlinx's unknown subclass error points at the type`() {
        assertEquals(
            "moons.json: $.data.source.type: unknown type (expected a known type of DataSource, got \"generatr\")",
            translated(moonsWith("\"type\": \"generator\"", "\"type\": \"generatr\"")),
        )
    }

    @Test
    fun `a concept's own error without a path keeps its words`() {
        assertEquals(
            "moons.json: $: cannot be read: unknown loss (expected ${mlpkit.core.concept.Registry.builtIns().of(mlpkit.core.loss.Loss.KIND).expectation()}, got \"xent\")",
            translated(moonsWith("\"loss\": \"softmax-ce\"", "\"loss\": \"xent\"")),
        )
    }

    @Test
    fun `kotlinx's missing discriminator error without a path points at the type`() {
        assertEquals(
            "moons.json: $.type: missing type (expected a \"type\" key, got nothing)",
            translated(moonsWith("\"type\": \"generator\", ", "")),
        )
    }

    @Test
    fun `any other kotlinx error keeps its words, its path and the line and column`() {
        assertEquals(
            "moons.json: $.training.epochs: cannot be read at line 5, column 90: Unexpected symbol 't' in numeric literal",
            translated(moonsWith("\"epochs\": 300", "\"epochs\": \"ten\"")),
        )
    }

    @Test
    fun `kotlinx's missing comma acceptance is why the strict pass exists`() {
        val text = moonsWith("\"epochs\": 300,", "\"epochs\": 300")
        assertEquals(ExperimentFiles.parseJson(MOONS, "moons.json"), SpecJson.format.decodeFromString(ExperimentSpec.serializer(), text))
    }
}
