package mlpkit.dsl.model

import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.jsonObject
import mlpkit.dsl.experiment
import mlpkit.dsl.train.TrainingResult
import mlpkit.dsl.train.TrainingRun
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Files
import java.nio.file.Path

/**
 * Model files are checked on load: every value a prediction depends on must be finite and consistent with
 * the network, and a mistake is a [ModelFileException] naming the file, the JSON key and what to do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelValidationTest {
    private lateinit var trained: TrainingResult
    private lateinit var text: String

    /** 2 inputs → dense(3, tanh) → dense(2, softmax), standard scaling, Adam: every part of a model file. */
    @BeforeAll
    fun train() {
        trained = TrainingRun(
            experiment("checked") {
                data { moons(samples = 40, noise = 0.2, randomState = 2); scaling = standard }
                network { dense(3, tanh); dense(2, softmax) }
                training { loss = softmaxCrossEntropy; optimizer = adam(lr = 0.02); epochs = 2; batchSize = 8; seed = 5 }
            },
        ).fit()
        text = trained.model.file.encode()
    }

    @Test
    fun `a NaN, an infinity or 1e400 as a weight is refused naming the tensor entry and the JSON path`() {
        // Parameters: layer 0 W[2×3] at 0..5, b[1×3] at 6..8, layer 1 W[3×2] at 9..14, b[1×2] at 15..16.
        for ((literal, shown) in listOf("NaN" to "NaN", "Infinity" to "Infinity", "-Infinity" to "-Infinity", "1e400" to "Infinity")) {
            val e = assertThrows<ModelFileException> { ModelFile.decode(withParameter(13, literal), "model.json") }
            assertEquals(
                "model.json: \$.parameters[13] (layer 1 dense(2, softmax) W[3×2] entry (2, 0)) is $shown, expected a finite number: " +
                    "the file is damaged or comes from a run that diverged, so no prediction can be made from it; " +
                    "retrain (with a smaller learning rate if the loss diverged) or use an undamaged copy of the file",
                e.message,
                literal,
            )
        }
        val first = assertThrows<ModelFileException> { ModelFile.decode(withParameter(4, "NaN"), "model.json") }
        assertTrue(first.message!!.startsWith("model.json: \$.parameters[4] (layer 0 dense(3, tanh) W[2×3] entry (1, 1)) is NaN"), first.message)
    }

    @Test
    fun `a string as a weight is refused by the decoding with the file and the JSON path, not a Kotlin type`(@TempDir dir: Path) {
        val path = dir.resolve("model.json")
        Files.writeString(path, edit { it + ("parameters" to replaced(it["parameters"] as JsonArray, 3, JsonPrimitive("abc"))) })
        val e = assertThrows<ModelFileException> { Model.load(path) }
        val message = e.message!!
        assertTrue(Regex("""\Q$path\E: not a valid mlpkit model file: \$\.parameters\[3], line \d+, column \d+: expected a number, got "abc"""").matches(message), message)
        for (kotlinWord in listOf("Double", "double", "kotlin", "Kotlin", "Exception")) assertTrue(kotlinWord !in message, message)
    }

    @Test
    fun `a hexadecimal or suffixed number as a weight is not JSON and is refused with its path`() {
        for (literal in listOf("0x1p3", "1d", "+1", ".5", "01")) {
            val e = assertThrows<ModelFileException> { ModelFile.decode(withParameter(16, literal), "model.json") }
            assertEquals("model.json: not a valid mlpkit model file: \$.parameters[16]: expected a JSON number, got $literal", e.message, literal)
        }
    }

    @Test
    fun `a NaN in the optimiser state is refused naming the array and the tensor entry`() {
        val withNaN = edit { obj ->
            val optimizer = obj["optimizer"]!!.jsonObject
            val arrays = optimizer["arrays"]!!.jsonObject
            val m = arrays["m"] as JsonArray
            obj + ("optimizer" to JsonObject(optimizer + ("arrays" to JsonObject(arrays + ("m" to replaced(m, 7, JsonPrimitive(Double.NaN)))))))
        }
        val e = assertThrows<ModelFileException> { ModelFile.decode(withNaN, "model.json") }
        assertTrue(e.message!!.startsWith("model.json: \$.optimizer.arrays.m[7] (the adam optimiser state m of layer 0 dense(3, tanh) b[1×3] entry (0, 1)) is NaN"), e.message)
    }

    @Test
    fun `a NaN in the input scaler is refused naming the scaler`() {
        val withNaN = edit { obj ->
            val scaling = obj["inputScaling"]!!.jsonObject
            val scaler = scaling["scaler"]!!.jsonObject
            obj + ("inputScaling" to JsonObject(scaling + ("scaler" to JsonObject(scaler + ("mean" to replaced(scaler["mean"] as JsonArray, 1, JsonPrimitive(Double.NaN)))))))
        }
        val e = assertThrows<ModelFileException> { ModelFile.decode(withNaN, "model.json") }
        assertTrue(e.message!!.startsWith("model.json: \$.inputScaling.scaler: "), e.message)
        assertTrue("2 finite means" in e.message!!, e.message)
        val zeroScale = edit { obj ->
            val scaling = obj["inputScaling"]!!.jsonObject
            val scaler = scaling["scaler"]!!.jsonObject
            obj + ("inputScaling" to JsonObject(scaling + ("scaler" to JsonObject(scaler + ("scale" to replaced(scaler["scale"] as JsonArray, 0, JsonPrimitive(0.0)))))))
        }
        val zero = assertThrows<ModelFileException> { ModelFile.decode(zeroScale, "model.json") }
        assertTrue(zero.message!!.startsWith("model.json: \$.inputScaling.scaler: ") && "finite positive scales" in zero.message!!, zero.message)
    }

    @Test
    fun `duplicate class names and a class count that does not fit the outputs are refused`() {
        val same = assertThrows<ModelFileException> {
            ModelFile.decode(edit { it + ("classNames" to JsonArray(listOf(JsonPrimitive("cat"), JsonPrimitive("cat")))) }, "model.json")
        }
        assertEquals(
            "model.json: \$.classNames[1] repeats 'cat' (also \$.classNames[0]), expected distinct class names: " +
                "a prediction could not say which class it means; the file is damaged or was edited",
            same.message,
        )
        val three = assertThrows<ModelFileException> {
            ModelFile.decode(edit { it + ("classNames" to JsonArray(listOf("a", "b", "c").map { n -> JsonPrimitive(n) })) }, "model.json")
        }
        assertEquals(
            "model.json: \$.classNames holds 3 class names, but the network's 2 outputs (one per class) needs 2: the file is damaged or was edited",
            three.message,
        )
    }

    @Test
    fun `a target encoding that does not fit the output layer or the loss is refused`() {
        val values = assertThrows<ModelFileException> { ModelFile.decode(edit { it + ("targetEncoding" to JsonPrimitive("VALUES")) }, "model.json") }
        assertEquals(
            "model.json: \$.targetEncoding VALUES needs a loss for real values, but the loss is softmax-ce, which expects classes: " +
                "the file is damaged or was edited",
            values.message,
        )
        val binary = assertThrows<ModelFileException> { ModelFile.decode(edit { it + ("targetEncoding" to JsonPrimitive("BINARY_COLUMN")) }, "model.json") }
        assertEquals(
            "model.json: \$.targetEncoding BINARY_COLUMN needs a single output, but the network has 2: the file is damaged or was edited",
            binary.message,
        )
    }

    @Test
    fun `a format version below 1 or from a newer mlpkit is refused naming both versions`() {
        val zero = assertThrows<ModelFileException> { ModelFile.decode(edit { it + ("formatVersion" to JsonPrimitive(0)) }, "model.json") }
        assertEquals("model.json: formatVersion 0 is not a valid mlpkit model format (expected 1..1)", zero.message)
        val newer = assertThrows<ModelFileException> { ModelFile.decode(edit { it + ("formatVersion" to JsonPrimitive(7)) }, "model.json") }
        assertEquals("model.json: written by a newer mlpkit (format 7; this version reads 1): upgrade mlpkit", newer.message)
    }

    @Test
    fun `a file marked diverged is refused by Model load unless allowed, and read as a file`(@TempDir dir: Path) {
        val path = dir.resolve("model.json")
        Files.writeString(path, edit { it + ("diverged" to JsonPrimitive("the loss became non-finite in epoch 3, batch 2 (first in layer 1 dense(2, softmax))")) })
        val e = assertThrows<DivergedModelException> { Model.load(path) }
        assertEquals(
            "$path: the run that wrote this model diverged (the loss became non-finite in epoch 3, batch 2 (first in layer 1 dense(2, softmax))), " +
                "so its predictions are not to be trusted: retrain with a smaller learning rate, or load it with allowDiverged = true to use it anyway",
            e.message,
        )
        val allowed = Model.load(path, allowDiverged = true)
        assertEquals(trained.model.predict(arrayOf(doubleArrayOf(0.5, 0.25))).data().toList(), allowed.predict(arrayOf(doubleArrayOf(0.5, 0.25))).data().toList())
        assertThrows<DivergedModelException> { Model.of(ModelFile.read(path)) }
        assertTrue("\"diverged\"" !in text, "a run that did not diverge writes no marker")
    }

    @Test
    fun `classes or probabilities asked of a regression model are a NotAClassifierException`() {
        val regression = TrainingRun(
            experiment("fit") {
                data { regression(samples = 20, features = 2, randomState = 1) }
                network { dense(1, identity) }
                training { loss = mse; optimizer = sgd(lr = 0.01); epochs = 1; batchSize = full; seed = 1 }
            },
        ).fit().model
        val rows = mlpkit.core.matrix.DenseMatrix.of(arrayOf(doubleArrayOf(1.0, 2.0)))
        val proba = assertThrows<NotAClassifierException> { regression.predictProba(rows) }
        assertEquals(
            "predictProba needs a classifier, but 'network < dense(1, identity) >' was trained for regression (real-valued outputs), " +
                "so it has no classes or class probabilities: use predict",
            proba.message,
        )
        assertThrows<NotAClassifierException> { regression.predictClasses(rows) }
    }

    private fun withParameter(index: Int, literal: String): String {
        // A sentinel number is written, then replaced by the literal as text (1e400 has no Double to write it from).
        val sentinel = 123456.789
        val json = edit { it + ("parameters" to replaced(it["parameters"] as JsonArray, index, JsonPrimitive(sentinel))) }
        assertEquals(1, Regex(Regex.escape(sentinel.toString())).findAll(json).count())
        return json.replace(sentinel.toString(), literal)
    }

    private fun replaced(array: JsonArray, index: Int, value: JsonElement) = JsonArray(array.toMutableList().also { it[index] = value })

    private fun edit(change: (JsonObject) -> Map<String, JsonElement>): String =
        ModelJson.format.encodeToString(JsonObject.serializer(), JsonObject(change(ModelJson.format.parseToJsonElement(text).jsonObject)))
}
