package mlpkit.estimator

import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.booleanOrNull
import kotlinx.serialization.json.double
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.longOrNull
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import kotlin.math.abs
import kotlin.math.max

/** The fixtures of scripts/generate_estimator_fixtures.py (scikit-learn 1.2.1) and comparisons against them. */
internal object EstimatorFixtures {
    fun read(name: String): JsonObject {
        val text = EstimatorFixtures::class.java.getResource("/mlpkit/estimator/$name")!!.readText()
        return Json.parseToJsonElement(text).jsonObject
    }

    /** A JSON value as Java holds a parameter value: Long, Double, Boolean, String, null, `List<Long>`, inf. */
    fun value(json: JsonElement): Any? = when {
        json is JsonNull -> null
        json is JsonArray -> json.map { it.jsonPrimitive.longOrNull }
        json is JsonPrimitive && json.isString -> if (json.content == "inf") Double.POSITIVE_INFINITY else json.content
        json is JsonPrimitive -> json.booleanOrNull ?: json.content.let { t -> if (t.any { it in ".eE" }) t.toDouble() else t.toLong() }
        else -> error("unexpected $json")
    }

    fun doubles(json: JsonElement): DoubleArray = json.jsonArray.map { it.jsonPrimitive.double }.toDoubleArray()

    fun matrix(json: JsonElement): Array<DoubleArray> = json.jsonArray.map { doubles(it) }.toTypedArray()

    /** Asserts |actual − expected| ≤ tolerance · max(|expected|, 1e-3) entry by entry. */
    fun assertClose(expected: DoubleArray, actual: DoubleArray, relative: Double, what: String) {
        assertEquals(expected.size, actual.size, "$what: size")
        for (i in expected.indices) {
            val scale = max(abs(expected[i]), 1e-3)
            assertTrue(abs(actual[i] - expected[i]) <= relative * scale) {
                "$what[$i]: expected ${expected[i]}, got ${actual[i]} (relative difference ${abs(actual[i] - expected[i]) / scale})"
            }
        }
    }
}
