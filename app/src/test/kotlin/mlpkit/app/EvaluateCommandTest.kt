package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import java.util.Locale
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.double
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
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
        val experiment = dir.resolve("moons.json")
        Files.writeString(
            experiment,
            """{ "name": "moons", "data": { "source": { "type": "csv", "train": "moons.csv" }, "split": { "shuffle": false }, "scaling": "standard" },
               "network": "network < dense(5, tanh); dense(2, softmax) >",
               "training": { "loss": "softmax-ce", "optimizer": { "type": "adam", "lr": 0.05 }, "epochs": 15, "batchSize": 16, "seed": 2 } }""",
        )
        val runs = dir.resolve("runs")
        val run = mlp("run", experiment.toString(), "--out", runs.toString(), "--quiet", "--no-report")
        assertEquals(0, run.exitCode, run.out + run.err)
        return Files.list(runs).use { it.toList().single() } to csv
    }

    @Test
    fun `evaluate on the training file prints the run's train metrics and its classification report`() {
        val (run, csv) = trainedRun()
        val result = mlp("evaluate", run.toString(), csv.toString())
        assertEquals(0, result.exitCode, result.err)
        val metrics = Json.parseToJsonElement(Files.readString(run.resolve("metrics.json"))).jsonObject["metrics"]!!.jsonObject
        val expected = metrics.filterKeys { it.startsWith("train_") }.map { (name, value) ->
            String.format(Locale.ROOT, "  %-22s %.6f", name.removePrefix("train_"), value.jsonPrimitive.double)
        }
        assertEquals(listOf("loss", "accuracy", "auc"), expected.take(3).map { it.trim().substringBefore(' ') })
        assertEquals(listOf("evaluated on $csv (60 rows):") + expected, result.outLines.take(1 + expected.size))
        assertTrue(result.out.contains("precision") && result.out.contains("macro avg"), result.out)
        assertEquals("", result.err)
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
