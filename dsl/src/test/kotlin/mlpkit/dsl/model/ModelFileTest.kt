package mlpkit.dsl.model

import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.jsonObject
import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.generators.makeMoons
import mlpkit.dsl.experiment
import mlpkit.dsl.resolve.InputScaling
import mlpkit.dsl.train.TrainingResult
import mlpkit.dsl.train.TrainingRun
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertInstanceOf
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Files
import java.nio.file.Path

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelFileTest {
    private lateinit var trained: TrainingResult
    private lateinit var text: String

    /** Raw (unscaled) moons points: the model must scale them itself. */
    private val rawInputs: DenseMatrix = makeMoons(50, noise = 0.3, randomState = 9).features.toMatrix()

    @BeforeAll
    fun train() {
        trained = TrainingRun(
            experiment("saved") {
                data { moons(samples = 120, noise = 0.2, randomState = 2); split(test = 0.25); scaling = standard }
                network { dense(12, tanh); dropout(0.1); dense(2, softmax) }
                training { loss = softmaxCrossEntropy; optimizer = adam(lr = 0.02); epochs = 40; batchSize = 16; seed = 5 }
            },
        ).fit()
        text = trained.model.file.encode()
    }

    @Test
    fun `save then load gives the same parameters, scaler and predictions bit for bit`(@TempDir dir: Path) {
        val path = dir.resolve("model.json")
        trained.model.save(path)
        val loaded = Model.load(path)
        assertArrayEquals(trained.parameters(), loaded.file.parameters, 0.0)
        assertInstanceOf(InputScaling.Fitted::class.java, loaded.file.inputScaling)
        assertEquals(trained.model.file.inputScaling, loaded.file.inputScaling)
        assertArrayEquals(trained.model.predict(rawInputs).data(), loaded.predict(rawInputs).data(), 0.0)
        assertArrayEquals(trained.model.predictClasses(rawInputs), loaded.predictClasses(rawInputs))
        assertEquals(listOf("0", "1"), loaded.classNames)
        assertEquals(trained.history, loaded.file.history)
        assertEquals(trained.model.file.spec, loaded.file.spec)
        assertEquals("adam", loaded.file.optimizer!!.kind)
        assertEquals(text, loaded.file.encode(), "encoding is stable: load → save writes the same file")
    }

    @Test
    fun `the stored scaler makes predictions on raw inputs agree with the training pipeline`() {
        val proba = trained.model.predictProba(rawInputs)
        for (i in 0 until proba.rowDimension) assertEquals(1.0, proba.getEntry(i, 0) + proba.getEntry(i, 1), 1e-12)
        // Reload the training rows raw and compare the model's accuracy with the run's own final figure.
        val data = makeMoons(120, noise = 0.2, randomState = 2)
        val trainRows = IntArray(120) { it }.filter { it !in testRows() }
        val x = DenseMatrix(trainRows.size, 2).also { data.features.copyRows(trainRows.toIntArray(), 0, trainRows.size, it) }
        val predicted = trained.model.predictClasses(x)
        val accuracy = trainRows.indices.count { predicted[it] == data.classLabels.labels[trainRows[it]] }.toDouble() / trainRows.size
        assertEquals(trained.metric("train_accuracy"), accuracy)
    }

    private fun testRows(): Set<Int> {
        // The split is recorded nowhere in the model; recompute it as the run did (same seed, same streams).
        val streams = mlpkit.dsl.train.SeedStreams(5)
        val spec = trained.model.file.spec.data
        return mlpkit.dsl.resolve.DataResolver().resolve(spec, streams.split(), streams.dataSeed).splitIndices!!.test.toSet()
    }

    @Test
    fun `doubles survive the JSON text exactly`() {
        val random = java.util.Random(1)
        val values = DoubleArray(2000) { Double.fromBits(random.nextLong()).let { v -> if (v.isFinite()) v else 0.5 } } +
            doubleArrayOf(Double.MIN_VALUE, Double.MAX_VALUE, -0.0, 0.1, 1.0 / 3, 2e-3, 1e23, 5.6843418860808015E-14)
        val file = trained.model.file.let {
            ModelFile(notation = "network < dense(1, identity) >", inputSize = values.size - 1, loss = mlpkit.core.loss.MeanSquaredError(),
                targetEncoding = mlpkit.data.batch.TargetEncoding.VALUES, parameters = values, spec = it.spec)
        }
        val decoded = ModelFile.decode(file.encode())
        assertArrayEquals(values, decoded.parameters, 0.0)
        for (i in values.indices) assertEquals(values[i].toRawBits(), decoded.parameters[i].toRawBits())
    }

    @Test
    fun `a truncated file is not a complete model file`(@TempDir dir: Path) {
        val path = dir.resolve("model.json")
        Files.writeString(path, text.substring(0, text.length / 2))
        val e = assertThrows<ModelFileException> { Model.load(path) }
        assertTrue(e.message!!.startsWith("$path: not a complete mlpkit model file ("), e.message)
    }

    @Test
    fun `a file that is not JSON or is empty is not a complete model file`() {
        assertTrue(assertThrows<ModelFileException> { ModelFile.decode("PK\u0003\u0004 zip?", "model.json") }.message!!
            .startsWith("model.json: not a complete mlpkit model file ("))
        assertEquals("model.json: not a complete mlpkit model file (the file is empty)",
            assertThrows<ModelFileException> { ModelFile.decode("", "model.json") }.message)
        assertTrue("expected a JSON object" in assertThrows<ModelFileException> { ModelFile.decode("[1, 2]", "model.json") }.message!!)
    }

    @Test
    fun `a file from a newer mlpkit asks for an upgrade`() {
        val newer = edit { it + ("formatVersion" to JsonPrimitive(2)) }
        val e = assertThrows<ModelFileException> { ModelFile.decode(newer, "model.json") }
        assertEquals("model.json: written by a newer mlpkit (format 2; this version reads 1): upgrade mlpkit", e.message)
    }

    @Test
    fun `a missing field is named`() {
        val e = assertThrows<ModelFileException> { ModelFile.decode(edit { it - "parameters" }, "model.json") }
        assertTrue(e.message!!.startsWith("model.json: not a valid mlpkit model file:") && "parameters" in e.message!!, e.message)
        val noVersion = assertThrows<ModelFileException> { ModelFile.decode(edit { it - "formatVersion" }, "model.json") }
        assertTrue("no numeric formatVersion" in noVersion.message!!, noVersion.message)
    }

    @Test
    fun `parameters that do not fit the notation are refused`() {
        val shorter = edit { obj -> obj + ("parameters" to JsonArray((obj["parameters"] as JsonArray).drop(1))) }
        val e = assertThrows<ModelFileException> { ModelFile.decode(shorter, "model.json") }
        val count = trained.parameters().size
        assertTrue("has $count parameters, but the file holds ${count - 1}" in e.message!!, e.message)
    }

    @Test
    fun `a missing file says so`(@TempDir dir: Path) {
        val e = assertThrows<ModelFileException> { Model.load(dir.resolve("nothing.json")) }
        assertTrue("no such file" in e.message!!, e.message)
    }

    private fun edit(change: (JsonObject) -> Map<String, kotlinx.serialization.json.JsonElement>): String =
        ModelJson.format.encodeToString(JsonObject.serializer(), JsonObject(change(ModelJson.format.parseToJsonElement(text).jsonObject)))
}
