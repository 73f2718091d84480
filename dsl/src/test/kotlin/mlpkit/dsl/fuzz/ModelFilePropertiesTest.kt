package mlpkit.dsl.fuzz

import mlpkit.core.fuzz.PropertyRun
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import mlpkit.core.matrix.DenseMatrix
import mlpkit.core.network.NetworkSpec
import mlpkit.data.generators.makeMoons
import mlpkit.dsl.experiment
import mlpkit.dsl.model.Model
import mlpkit.dsl.model.ModelFile
import mlpkit.dsl.model.ModelFileException
import mlpkit.dsl.train.TrainingRun
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Files
import java.nio.file.Path
import java.util.Random

/**
 * Model files over random corruption ([PropertyRun]; `-Pfuzz` runs the tagged variant with many more tries).
 * A trained model with every part a prediction reads (layer state of a batch normalisation, a fitted
 * scaler, class names) is written, then damaged: bits flipped, cut short, characters inserted or deleted,
 * a number replaced (by another finite number, NaN, ±Infinity, 1e400, a string, null, an array), a string
 * or key changed, a field deleted or repeated. The property, for every damaged text T:
 *
 * 1. decoding T fails with a [ModelFileException] whose message starts with the file's name; or
 * 2. T loads, and then
 *    - every number the prediction computes with (parameters, layer state, scaler) is finite: a non-finite
 *      value never loads silently;
 *    - if what the prediction reads (the network the notation describes, input size, loss, target
 *      encoding, parameters and state bit for bit, input scaling, class names) is the original's, the
 *      predictions are the original's bit for bit (history, spec and optimiser state do not matter);
 *    - otherwise T is a valid different model (a weight changed to another finite number is one): it
 *      predicts, and saving and loading it again gives the same predictions bit for bit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelFilePropertiesTest {
    private lateinit var original: Model
    private lateinit var text: String
    private lateinit var originalPredictions: DoubleArray

    @TempDir
    lateinit var dir: Path

    /** Raw (unscaled) points: the model scales them with its stored scaler. */
    private val inputs: DenseMatrix = makeMoons(40, noise = 0.3, randomState = 11).features.toMatrix()

    @BeforeAll
    fun train() {
        val trained = TrainingRun(
            experiment("fuzzed") {
                data { moons(samples = 80, noise = 0.2, randomState = 3); scaling = standard }
                network { dense(6, tanh); batchNorm(momentum = 0.9); dense(3, relu); dense(2, softmax) }
                training { loss = softmaxCrossEntropy; optimizer = adam(lr = 0.02); epochs = 3; batchSize = 16; seed = 7 }
            },
        ).fit()
        text = trained.model.file.encode()
        original = Model.of(ModelFile.decode(text, SOURCE))
        originalPredictions = original.predict(inputs).data()
    }

    @Test
    fun `a corrupted model file is refused naming the file, or predicts as the original, or is a valid different model`() =
        PropertyRun.withSeed(15301, 200) { corruptedFileHolds(it) }

    @Test
    @Tag("fuzz")
    fun `a corrupted model file is refused, predicts as the original, or is a valid different model (fuzz)`() =
        PropertyRun.fuzz(20_000) { corruptedFileHolds(it) }

    private fun corruptedFileHolds(random: Random) {
        val damaged = corrupt(text, random)
        val path = dir.resolve("model.json")
        Files.writeString(path, damaged)
        val model = try {
            Model.load(path)
        } catch (e: ModelFileException) {
            assertTrue(e.message!!.startsWith("$path: "), "names the file: ${e.message}")
            return
        } catch (e: Throwable) {
            throw AssertionError("a damaged model file threw $e instead of a ModelFileException:\n${difference(damaged)}", e)
        }
        val file = model.file
        val numbers = file.parameters.asSequence() + (file.state?.asSequence() ?: emptySequence()) + scalerNumbers(file)
        assertTrue(numbers.all { it.isFinite() }, "a non-finite number loaded:\n${difference(damaged)}")
        val predictions = model.predict(inputs).data()
        if (predictionInputs(file) == predictionInputs(original.file)) {
            assertArrayEquals(originalPredictions, predictions, 0.0, "same model, other predictions:\n${difference(damaged)}")
            assertTrue(predictions.indices.all { predictions[it].toRawBits() == originalPredictions[it].toRawBits() })
        } else {
            file.save(path)
            val again = Model.load(path).predict(inputs).data()
            assertArrayEquals(predictions, again, 0.0, "saved and loaded again, other predictions:\n${difference(damaged)}")
        }
    }

    /** The numbers of the stored input scaling, read from its JSON (whatever the scaler's type). */
    private fun scalerNumbers(file: ModelFile): Sequence<Double> =
        numbersIn(Json.parseToJsonElement(file.encode()).jsonObject["inputScaling"]).asSequence()

    private fun numbersIn(element: JsonElement?): List<Double> = when (element) {
        null -> emptyList()
        is JsonObject -> element.values.flatMap { numbersIn(it) }
        is kotlinx.serialization.json.JsonArray -> element.flatMap { numbersIn(it) }
        is JsonPrimitive -> if (element.isString) emptyList() else listOfNotNull(element.content.toDoubleOrNull())
    }

    /** What a prediction reads, as JSON text (doubles in their shortest exact form), the network as its parsed notation. */
    private fun predictionInputs(file: ModelFile): String {
        val json = Json.parseToJsonElement(file.encode()).jsonObject
        val read = json.filterKeys { it in PREDICTION_KEYS }.toMutableMap()
        read["notation"] = JsonPrimitive(NetworkSpec.parse(json["notation"]!!.jsonPrimitive.content).notation())
        return JsonObject(read).toString()
    }

    private fun difference(damaged: String): String {
        val start = damaged.indices.firstOrNull { it >= text.length || damaged[it] != text[it] } ?: damaged.length
        return "first difference at character $start: …${damaged.substring(maxOf(0, start - 60), minOf(damaged.length, start + 80))}…"
    }

    // ------------------------------------------------------------------ corruption

    private fun corrupt(text: String, random: Random): String {
        var result = text
        repeat(1 + random.nextInt(3)) { result = corruptOnce(result, random) }
        return result
    }

    private fun corruptOnce(text: String, random: Random): String {
        val at = random.nextInt(text.length + 1)
        return when (random.nextInt(8)) {
            0 -> text.substring(0, at)
            1 -> if (at < text.length) flipBit(text, at, random) else text
            2 -> text.substring(0, at) + GARBAGE[random.nextInt(GARBAGE.size)] + text.substring(at)
            3 -> if (at < text.length) text.removeRange(at, minOf(text.length, at + 1 + random.nextInt(6))) else text
            4, 5 -> replaceNumber(text, random)
            6 -> replaceString(text, random)
            else -> deleteOrRepeatField(text, random)
        }
    }

    private fun flipBit(text: String, at: Int, random: Random): String {
        val bytes = text.toByteArray()
        val i = minOf(bytes.size - 1, at)
        bytes[i] = (bytes[i].toInt() xor (1 shl random.nextInt(8))).toByte()
        return String(bytes, Charsets.UTF_8)
    }

    private fun replaceNumber(text: String, random: Random): String {
        val numbers = NUMBER.findAll(text).toList()
        if (numbers.isEmpty()) return text
        val number = numbers[random.nextInt(numbers.size)]
        val replacement = when (random.nextInt(3)) {
            0 -> (random.nextGaussian() * Math.pow(10.0, random.nextInt(20) - 10.0)).toString()
            1 -> listOf("0", "-0.0", "1", "-1", "2", "1e-400", "4.9E-324", "1.7976931348623157E308", "99999999999", "2147483648").random(random)
            else -> listOf("NaN", "Infinity", "-Infinity", "1e400", "-1e400", "\"0.5\"", "null", "true", "[]", "{}", "\"NaN\"").random(random)
        }
        return text.replaceRange(number.range, replacement)
    }

    private fun replaceString(text: String, random: Random): String {
        val strings = STRING.findAll(text).toList()
        if (strings.isEmpty()) return text
        val string = strings[random.nextInt(strings.size)]
        val replacement = listOf("\"\"", "\"x\"", "\"tanh\"", "\"ONE_HOT\"", "\"VALUES\"", "\"BINARY\"", "\"standard\"", "\"1\"", "\"0\"", "1", "null")
            .random(random)
        return text.replaceRange(string.range, replacement)
    }

    /** A line holding a key is deleted, or written twice. */
    private fun deleteOrRepeatField(text: String, random: Random): String {
        val lines = text.lines().toMutableList()
        val keyed = lines.indices.filter { KEY.containsMatchIn(lines[it]) }
        if (keyed.isEmpty()) return text
        val i = keyed[random.nextInt(keyed.size)]
        if (random.nextBoolean()) lines.removeAt(i) else lines.add(i, lines[i])
        return lines.joinToString("\n")
    }

    private fun <T> List<T>.random(random: Random): T = this[random.nextInt(size)]

    // ------------------------------------------------------------------ examples found by the property

    @Test
    fun `a parameter written as 1e400, which reads as Infinity, is refused naming the file`() {
        val damaged = text.replaceFirst(Regex("(\"parameters\": \\[\\s*)-?[0-9.eE-]+"), "$11e400")
        val path = dir.resolve("model.json").also { Files.writeString(it, damaged) }
        val error = assertThrows<ModelFileException> { Model.load(path) }
        assertEquals(
            "$path: \$.parameters[0] (layer 0 dense(6, tanh) W[2×6] entry (0, 0)) is Infinity, expected a finite number: " +
                "the file is damaged or comes from a run that diverged, so no prediction can be made from it; " +
                "retrain (with a smaller learning rate if the loss diverged) or use an undamaged copy of the file",
            error.message,
        )
    }

    @Test
    fun `a layer state value written as NaN is refused naming the file`() {
        val damaged = text.replaceFirst(Regex("(\"state\": \\[\\s*)-?[0-9.eE-]+"), "$1NaN")
        val path = dir.resolve("model.json").also { Files.writeString(it, damaged) }
        val error = assertThrows<ModelFileException> { Model.load(path) }
        assertTrue(
            error.message!!.startsWith("$path: \$.state[0] (layer 1 batchNorm(momentum=0.9) movingMean[1×6] entry (0, 0)) is NaN, expected a finite number"),
            error.message,
        )
    }

    private companion object {
        const val SOURCE = "fuzzed/model.json"
        val PREDICTION_KEYS = setOf("notation", "inputSize", "loss", "targetEncoding", "parameters", "state", "inputScaling", "classNames")
        val NUMBER = Regex("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")
        val STRING = Regex("\"[^\"\\n]*\"")
        val KEY = Regex("^\\s*\"[A-Za-z]+\":")
        val GARBAGE = listOf(",", "}", "{", "]", "[", "\"", ":", "\u0000", "\uFFFD", "NaN", " 1", "\\", "//", "\n")
    }
}
