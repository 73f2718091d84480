package mlpkit.dsl.config

import kotlinx.serialization.json.Json
import kotlinx.serialization.json.jsonObject
import mlpkit.dsl.spec.SpecJson
import mlpkit.dsl.spec.TrainingSpec
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class ConfigKeysTest {
    private val keys = ConfigKeys.all()

    private fun key(path: String, variant: String = "") = keys.single { it.path == path && it.variant == variant }

    @Test
    fun `every key of the training block is listed with the default TrainingSpec has`() {
        val defaults = Json(from = SpecJson.format) { encodeDefaults = true }
            .encodeToJsonElement(TrainingSpec.serializer(), TrainingSpec()).jsonObject
        for ((name, value) in defaults) {
            assertEquals(value.toString(), key("$.training.$name").default, name)
        }
        // Left out of files at their defaults (EncodeDefault NEVER), read from the property itself.
        assertEquals("true", key("$.training.shuffle").default)
        assertEquals("""{"factor":100.0,"patience":2}""", key("$.training.divergence").default)
        assertEquals("\"sumOfWeights\"", key("$.training.weightNormalization").default)
        assertEquals("null", key("$.training.classWeight").default)
    }

    @Test
    fun `required keys, variants and keys in lists come from the descriptors`() {
        assertEquals(ConfigKeys.Key("$.name", "", "a string", true, "required"), key("$.name"))
        assertTrue(key("$.data.source.train", "\"type\": \"csv\"").required)
        assertEquals("\"drop\"", key("$.data.source.missingTarget", "\"type\": \"csv\"").default)
        assertEquals("a string, one of drop, refuse", key("$.data.source.missingTarget", "\"type\": \"csv\"").expected)
        assertEquals("10", key("$.training.callbacks[i].patience", "\"type\": \"earlyStopping\"").default)
        assertEquals("1", key("$.training.callbacks[i].every", "\"type\": \"checkpoint\"").default)
        assertEquals("[]", key("$.training.callbacks").default)
        assertEquals("null", key("$.sweep").default)
        assertEquals("a whole number ≥ 1", key("$.training.epochs").range)
        assertEquals("a whole number ≥ 1", key("$.training.batchSize").range)
        assertEquals("a number in [0, 1)", key("$.data.split.test").range)
        assertEquals("a number ≥ 0", key("$.training.callbacks[i].minDelta", "\"type\": \"earlyStopping\"").range)
        assertEquals("a whole number in [0, 4294967295]", key("$.validation.randomState").range)
        assertEquals("", key("$.training.seed").range)
        assertTrue(keys.none { it.default == "(not read)" }, keys.filter { it.default == "(not read)" }.joinToString("\n"))
    }
}
