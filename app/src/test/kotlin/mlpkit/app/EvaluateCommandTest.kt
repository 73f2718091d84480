package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import java.util.Locale
import java.util.zip.GZIPOutputStream
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.double
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import mlpkit.data.idx.IdxArray
import mlpkit.data.idx.IdxWriter
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/** `mlp evaluate MODEL DATA` and `mlp summary MODEL` on a run trained on a CSV file. */
class EvaluateCommandTest {
    @TempDir
    lateinit var dir: Path

    /** make_moons(60) as CSV (x0,x1,label), an experiment on all of it, its run directory. */
    private fun trainedRun(): Pair<Path, Path> {
        val csv = dir.resolve("moons.csv")
        val gen = mlp("data", "gen", "make_moons", "--n-samples", "60", "--noise", "0.1", "--random-state", "0", "--out", csv.toString())
        assertEquals(0, gen.exitCode, gen.err)
        val run = trainedRun(
            dir.resolve("moons.json"),
            """{ "name": "moons", "data": { "source": { "type": "csv", "train": "moons.csv" }, "split": { "shuffle": false }, "scaling": "standard" },
               "network": "network < dense(5, tanh); dense(2, softmax) >",
               "training": { "loss": "softmax-ce", "optimizer": { "type": "adam", "lr": 0.05 }, "epochs": 15, "batchSize": 16, "seed": 2 } }""",
            dir.resolve("runs"),
        )
        return run to csv
    }

    /** The `train_` metrics of [run]'s metrics.json, by measure (`loss`, `accuracy`, …), in their order. */
    private fun trainMetrics(run: Path): Map<String, Double> =
        Json.parseToJsonElement(Files.readString(run.resolve("metrics.json"))).jsonObject["metrics"]!!.jsonObject
            .filterKeys { it.startsWith("train_") }.map { (name, value) -> name.removePrefix("train_") to value.jsonPrimitive.double }.toMap()

    /** The metrics `mlp evaluate --json` printed (one line, one JSON object), by name, in their order. */
    private fun printedJson(result: CliRun): Map<String, Double> {
        assertEquals(0, result.exitCode, result.err)
        assertEquals(1, result.outLines.size, result.out)
        return Json.parseToJsonElement(result.out).jsonObject.mapValues { it.value.jsonPrimitive.double }
    }

    @Test
    fun `evaluate on the training file prints the run's train metrics as its report's table, then its classification report`() {
        val (run, csv) = trainedRun()
        val result = mlp("evaluate", run.toString(), csv.toString())
        assertEquals(0, result.exitCode, result.err)
        val train = trainMetrics(run)
        assertEquals(listOf("loss", "accuracy", "auc"), train.keys.take(3).toList())
        // The report's cells: four decimals (the figures of ExpectationTable), right-aligned under the file's name.
        val width = train.keys.maxOf { it.length }
        val expected = listOf("metric".padEnd(width) + "  moons.csv") +
            train.map { (name, value) -> name.padEnd(width) + "  " + String.format(Locale.ROOT, "%.4f", value).padStart("moons.csv".length) }
        assertEquals(listOf("evaluated on $csv (60 rows):") + expected, result.outLines.take(1 + expected.size))
        assertEquals(MetricTable.ofRun(train.mapKeys { "train_${it.key}" }).rows.map { it.cells }, MetricTable.ofPart("moons.csv", train).rows.map { it.cells })
        assertEquals("", result.outLines[1 + expected.size])
        assertTrue(result.outLines[2 + expected.size].trim().startsWith("precision"), result.out)
        assertEquals("", result.err)
    }

    @Test
    fun `evaluate --json on the training file prints exactly the run's train metrics`() {
        val (run, csv) = trainedRun()
        val printed = printedJson(mlp("evaluate", run.toString(), csv.toString(), "--json"))
        assertEquals(trainMetrics(run), printed)
        assertEquals(trainMetrics(run).keys.toList(), printed.keys.toList())
    }

    /** 45 images of 2×3 pixels (bytes from a fixed pattern) labelled 0, 1, 2 in turn, as IDX files in [dir]; a run on all of them with pixel scaling [scaling]. */
    private fun idxRun(scaling: String): Triple<Path, Path, Path> {
        val count = 45
        val images = dir.resolve("small-images-idx3-ubyte")
        val labels = dir.resolve("small-labels-idx1-ubyte")
        val labelOf = IntArray(count) { it % 3 }
        val pixels = ByteArray(count * 6) { i -> ((i / 6 % 3) * 70 + (i * 37) % 60).toByte() }
        IdxWriter.write(IdxArray.ofUnsignedBytes(intArrayOf(count, 2, 3), pixels), images)
        IdxWriter.write(IdxArray.ofUnsignedBytes(intArrayOf(count), ByteArray(count) { labelOf[it].toByte() }), labels)
        val run = trainedRun(
            dir.resolve("small-$scaling.json"),
            """{ "name": "small", "data": { "source": { "type": "idx", "trainImages": "${images.fileName}", "trainLabels": "${labels.fileName}" },
                 "split": { "shuffle": false }, "scaling": "$scaling" },
               "network": "network < dense(4, tanh); dense(3, softmax) >",
               "training": { "loss": "softmax-ce", "optimizer": { "type": "adam", "lr": 0.05 }, "epochs": 10, "batchSize": 8, "seed": 3 } }""",
            Files.createTempDirectory(dir, "runs-$scaling"),
        )
        return Triple(run, images, labels)
    }

    @Test
    fun `evaluate on the IDX files a run trained on gives its train metrics exactly, for pixel and fitted scaling, gzipped or not`() {
        for (scaling in listOf("unit", "symmetric", "standard")) {
            val (run, images, labels) = idxRun(scaling)
            val train = trainMetrics(run)
            assertEquals(listOf("loss", "accuracy"), train.keys.toList(), scaling)
            assertEquals(train, printedJson(mlp("evaluate", run.toString(), images.toString(), "--labels", labels.toString(), "--json")), scaling)
            val gzipped = listOf(images, labels).map { file ->
                dir.resolve("${file.fileName}.gz").also { gz -> GZIPOutputStream(Files.newOutputStream(gz)).use { it.write(Files.readAllBytes(file)) } }
            }
            assertEquals(train, printedJson(mlp("evaluate", run.toString(), gzipped[0].toString(), "--labels", gzipped[1].toString(), "--json")), scaling)
        }
        val (run, images, labels) = idxRun("unit")
        val table = mlp("evaluate", run.toString(), images.toString(), "--labels", labels.toString())
        assertEquals(0, table.exitCode, table.err)
        assertEquals(listOf("evaluated on $images with the labels of $labels (45 rows):", "metric    small-images-idx3-ubyte"), table.outLines.take(2))
        val figures = trainMetrics(run).mapValues { String.format(Locale.ROOT, "%.4f", it.value).padStart("small-images-idx3-ubyte".length) }
        assertEquals(listOf("loss      ${figures["loss"]}", "accuracy  ${figures["accuracy"]}"), table.outLines.subList(2, 4))
    }

    @Test
    fun `evaluate refuses IDX images of another size, without labels, with a label count or class that does not fit, in one line with exit status 2`() {
        val (run, images, labels) = idxRun("unit")
        val wide = dir.resolve("wide-images-idx3-ubyte").also { IdxWriter.write(IdxArray.ofUnsignedBytes(intArrayOf(45, 3, 3), ByteArray(45 * 9)), it) }
        val few = dir.resolve("few-labels-idx1-ubyte").also { IdxWriter.write(IdxArray.ofUnsignedBytes(intArrayOf(44), ByteArray(44)), it) }
        val unknown = dir.resolve("unknown-labels-idx1-ubyte").also { IdxWriter.write(IdxArray.ofUnsignedBytes(intArrayOf(45), ByteArray(45) { if (it == 7) 3 else 0 }), it) }
        val notation = "network < dense(4, tanh); dense(3, softmax) >"
        val expected = listOf(
            listOf(wide.toString(), "--labels", labels.toString()) to
                "mlp evaluate: $wide holds images of 3×3 = 9 pixels, but the model '$notation' takes 6 inputs: give images of the size it was trained on",
            listOf(images.toString()) to
                "mlp evaluate: $images looks like an IDX image file, which holds no labels: give its label file with --labels LABELS",
            listOf(images.toString(), "--labels", few.toString()) to
                "mlp evaluate: $few: image/label count mismatch: $images holds 45 images but this file holds 44 labels: the two files must be " +
                "from the same set and split (train with train, t10k with t10k)",
            listOf(images.toString(), "--labels", unknown.toString()) to
                "mlp evaluate: $unknown: label 3 of sample 7 is outside 0..2 (3 classes: 0, 1, 2): is this the label file of another data set?",
        )
        for ((arguments, line) in expected) {
            val result = mlp("evaluate", run.toString(), *arguments.toTypedArray())
            assertEquals(2, result.exitCode, result.out + result.err)
            assertEquals(listOf(line), result.errLines)
            assertEquals("", result.out)
        }
    }

    @Test
    fun `evaluate --builtin on the set a run trained on gives its train metrics exactly, and refuses another set or an image set in one line`() {
        val run = trainedRun(
            dir.resolve("iris.json"),
            """{ "name": "iris", "data": { "source": { "type": "builtin", "set": "iris" }, "split": { "shuffle": false }, "scaling": "standard" },
               "network": "network < dense(5, tanh); dense(3, softmax) >",
               "training": { "loss": "softmax-ce", "optimizer": { "type": "adam", "lr": 0.05 }, "epochs": 10, "batchSize": 16, "seed": 1 } }""",
            dir.resolve("runs"),
        )
        assertEquals(trainMetrics(run), printedJson(mlp("evaluate", run.toString(), "--builtin", "iris", "--json")))
        val table = mlp("evaluate", run.toString(), "--builtin", "iris")
        assertEquals(listOf("evaluated on the built-in set iris (150 rows):", "metric      iris"), table.outLines.take(2))

        val notation = "network < dense(5, tanh); dense(3, softmax) >"
        val refused = listOf(
            listOf("--builtin", "wine") to "mlp evaluate: 'wine' has 13 features, but the model '$notation' takes 4: evaluate it on data with the features it was trained on",
            listOf("--builtin", "mnist") to "mlp evaluate: 'mnist' is an image set of the data store, not shipped in the jar: evaluate on its IDX files " +
                "(images, then --labels and the label file) as 'mlp data fetch mnist' stored them",
            listOf("--builtin", "tulips") to "mlp evaluate: there is no built-in set 'tulips': expected one of digits, iris, wine, breast-cancer, diabetes, linnerud, penguins",
            emptyList<String>() to "mlp evaluate: no data given: expected a data file (CSV, or IDX images with --labels) or --builtin SET, one of them",
        )
        for ((arguments, line) in refused) {
            val result = mlp("evaluate", run.toString(), *arguments.toTypedArray())
            assertEquals(2, result.exitCode, result.out + result.err)
            assertEquals(listOf(line), result.errLines)
        }
    }

    @Test
    fun `evaluate refuses data without labels, of the wrong width or missing, in one line with exit status 2`() {
        val (run, _) = trainedRun()
        val noLabels = dir.resolve("features.csv").also { Files.writeString(it, "0.5,0.25\n1.0,-0.5\n") }
        val wide = dir.resolve("wide.csv").also { Files.writeString(it, "0.5,0.25,1,0\n") }
        val missing = dir.resolve("missing.csv")
        val expected = listOf(
            noLabels to "mlp evaluate: $noLabels has 2 columns, the model's 2 features and no label: evaluating needs the true labels " +
                "(expected 3 columns: the features, then the label); to predict without them, use predict",
            wide to "mlp evaluate: $wide has 4 columns, but the model 'network < dense(5, tanh); dense(2, softmax) >' takes 2 features: " +
                "expected 3 columns (the features, then the label)",
            missing to "mlp evaluate: $missing: no such file (looked for ${missing.toAbsolutePath()}): check the path",
        )
        for ((data, line) in expected) {
            val result = mlp("evaluate", run.toString(), data.toString())
            assertEquals(2, result.exitCode, result.err)
            assertEquals(listOf(line), result.errLines)
            assertEquals("", result.out)
        }
        val noModel = mlp("evaluate", dir.resolve("nothing.json").toString(), noLabels.toString())
        assertEquals(2, noModel.exitCode)
        assertEquals(1, noModel.errLines.size, noModel.err)
    }

    @Test
    fun `summary prints the layers and the parameters counted by hand`() {
        val (run, _) = trainedRun()
        val result = mlp("summary", run.toString())
        assertEquals(0, result.exitCode, result.err)
        // 2 × 5 + 5 = 15 and 5 × 2 + 2 = 12 parameters.
        assertEquals(" dense_1 (dense(5, tanh))     (batch, 5)         15", result.outLines[4])
        assertEquals(" dense_2 (dense(2, softmax))  (batch, 2)         12", result.outLines[5])
        assertEquals(listOf("Total params: 27", "Trainable params: 27", "Non-trainable params: 0"), result.outLines.filter { "params:" in it })
        assertEquals(result.out, mlp("summary", run.resolve("model.json").toString()).out)
    }
}
