package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.jsonObject
import mlpkit.dsl.model.ModelJson
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/** `mlp predict`'s MODEL: a model.json or a run directory, checked on load, diverged runs refused unless allowed. */
class PredictModelTest {
    @TempDir
    lateinit var dir: Path

    private fun experiment(name: String, source: String, network: String, training: String): Path {
        val file = dir.resolve("$name.json")
        Files.writeString(
            file,
            """{ "name": "$name", "data": { "source": $source }, "network": "$network", "training": $training }""",
        )
        return file
    }

    private fun blobs(): Path = experiment(
        "blobs",
        """{ "type": "generator", "generator": "make_blobs", "params": { "n_samples": 60, "centers": 3, "random_state": 4 } }""",
        "network < dense(6, tanh); dense(3, softmax) >",
        """{ "loss": "softmax-ce", "optimizer": { "type": "adam", "lr": 0.05 }, "epochs": 3, "batchSize": 16, "seed": 3 }""",
    )

    /** A linear regression whose squared error overflows while its weights are still finite: a real diverged run. */
    private fun blowup(): Path = experiment(
        "blowup",
        """{ "type": "generator", "generator": "make_regression", "params": { "n_samples": 50, "n_features": 2, "noise": 0.0, "random_state": 1 } }""",
        "network < dense(1, identity) >",
        """{ "loss": "mse", "reduction": "sum", "optimizer": { "type": "sgd", "lr": 1000.0 }, "epochs": 500, "batchSize": "full", "seed": 1 }""",
    )

    private fun trained(experiment: Path, expectedExit: Int = 0): Path {
        val runs = dir.resolve("runs-${experiment.fileName}")
        val run = mlp("run", experiment.toString(), "--out", runs.toString(), "--quiet", "--no-report")
        assertEquals(expectedExit, run.exitCode, run.out + run.err)
        return Files.list(runs).use { it.toList().single() }
    }

    private fun input(text: String = "0.5,1.5\n-3,7\n1,1\n"): Path = dir.resolve("input.csv").also { Files.writeString(it, text) }

    @Test
    fun `predict RUN_DIR gives the same lines as predict RUN_DIR model json`() {
        val runDir = trained(blobs())
        val byFile = mlp("predict", runDir.resolve("model.json").toString(), input().toString())
        val byDirectory = mlp("predict", runDir.toString(), input().toString())
        assertEquals(0, byDirectory.exitCode, byDirectory.err)
        assertEquals(3, byDirectory.outLines.size)
        assertEquals(byFile.out, byDirectory.out)
        val proba = mlp("predict", runDir.toString(), input().toString(), "--proba")
        assertEquals(mlp("predict", runDir.resolve("model.json").toString(), input().toString(), "--proba").out, proba.out)
        assertEquals("p_0,p_1,p_2", proba.outLines[0])
    }

    @Test
    fun `a run directory without model json names what is missing and the checkpoint to resume`() {
        val running = Files.createDirectories(dir.resolve("runs/blobs-20250101-120000"))
        Files.writeString(running.resolve("spec.json"), "{}")
        val noCheckpoint = mlp("predict", running.toString(), input().toString())
        assertEquals(2, noCheckpoint.exitCode)
        assertEquals(
            listOf(
                "mlp predict: $running: a directory without model.json: the run is still going or was stopped before it ended, " +
                    "and it has no checkpoint to resume from: run it again",
            ),
            noCheckpoint.errLines,
        )
        val checkpoint = Files.createDirectories(running.resolve("checkpoint")).resolve("checkpoint.json")
        Files.writeString(checkpoint, "{}")
        val withCheckpoint = mlp("predict", running.toString(), input().toString())
        assertEquals(2, withCheckpoint.exitCode)
        assertEquals(
            listOf(
                "mlp predict: $running: a directory without model.json: the run is still going or was stopped before it ended; " +
                    "it has a checkpoint ($checkpoint): continue it with 'mlp run FILE --resume $running', then predict with its model",
            ),
            withCheckpoint.errLines,
        )
        val other = mlp("predict", dir.toString(), input().toString())
        assertEquals(2, other.exitCode)
        assertEquals(
            listOf("mlp predict: $dir: a directory without model.json: give a model.json written by mlp run, or a run directory (runs/<name>-<time>/) that holds one"),
            other.errLines,
        )
    }

    @Test
    fun `--proba on a regression model exits 2 saying why, and its outputs still predict`() {
        val runDir = experiment(
            "fit",
            """{ "type": "generator", "generator": "make_regression", "params": { "n_samples": 30, "n_features": 2, "random_state": 1 } }""",
            "network < dense(1, identity) >",
            """{ "loss": "mse", "optimizer": { "type": "sgd", "lr": 0.01 }, "epochs": 2, "batchSize": "full", "seed": 1 }""",
        ).let { trained(it) }
        val proba = mlp("predict", runDir.toString(), input().toString(), "--proba")
        assertEquals(2, proba.exitCode, proba.err)
        assertEquals("", proba.out)
        assertEquals(
            listOf("mlp predict: $runDir was trained for regression (real-valued outputs), so it has no class probabilities: drop --proba"),
            proba.errLines,
        )
        val values = mlp("predict", runDir.toString(), input().toString())
        assertEquals(0, values.exitCode, values.err)
        assertEquals(3, values.outLines.size)
        values.outLines.forEach { it.toDouble() }
    }

    @Test
    fun `a diverged run's model is refused by predict with exit 2 and used with --allow-diverged`() {
        val runDir = trained(blowup(), expectedExit = ExitCode.CHECK_FAILED)
        val model = runDir.resolve("model.json")
        val divergence = (ModelJson.format.parseToJsonElement(Files.readString(model)).jsonObject["diverged"] as JsonPrimitive).content
        // The divergence guard (on by default) stops this run before its loss overflows.
        assertTrue(Regex("""training loss \S+ at epoch \d+ is \S+ × its best .*: the run diverged; lower the learning rate.*""").matches(divergence), divergence)

        val refused = mlp("predict", runDir.toString(), input().toString())
        assertEquals(2, refused.exitCode)
        assertEquals("", refused.out)
        assertEquals(
            listOf(
                "mlp predict: $model: the run that wrote this model diverged ($divergence), so its predictions are not to be trusted: " +
                    "retrain with a smaller learning rate; pass --allow-diverged to use it anyway",
            ),
            refused.errLines,
        )
        val allowed = mlp("predict", runDir.toString(), input().toString(), "--allow-diverged")
        assertEquals(0, allowed.exitCode, allowed.err)
        assertEquals(3, allowed.outLines.size)
    }

    @Test
    fun `a model with a NaN weight is refused with one line naming the tensor, even with --allow-diverged`() {
        val model = trained(blobs()).resolve("model.json")
        val tree = ModelJson.format.parseToJsonElement(Files.readString(model)).jsonObject
        val parameters = (tree["parameters"] as JsonArray).toMutableList().also { it[7] = JsonPrimitive(Double.NaN) }
        Files.writeString(model, ModelJson.format.encodeToString(JsonObject.serializer(), JsonObject(tree + ("parameters" to JsonArray(parameters)))))
        for (flags in listOf(emptyList(), listOf("--allow-diverged"))) {
            val run = mlp("predict", model.toString(), input().toString(), *flags.toTypedArray())
            assertEquals(2, run.exitCode, run.err)
            assertEquals("", run.out)
            assertEquals(1, run.errLines.size, run.err)
            assertTrue(
                run.errLines[0].startsWith("mlp predict: $model: \$.parameters[7] (layer 0 dense(6, tanh) W[2×6] entry (1, 1)) is NaN, expected a finite number: "),
                run.err,
            )
        }
    }
}
