package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.double
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import mlpkit.core.metrics.R2
import mlpkit.data.RegressionTargets
import mlpkit.dsl.model.Model
import mlpkit.dsl.resolve.DataResolver
import mlpkit.dsl.spec.Scaling
import mlpkit.dsl.train.SeedStreams
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/** A regression run reports R², MAE, RMSE, explained variance and max error, and `mlp verify` checks them. */
class RegressionMetricsTest {
    @TempDir
    lateinit var dir: Path

    private fun diabetes(expectR2AtLeast: Double, targetScaling: String = "none"): Path {
        val file = dir.resolve("diabetes-$targetScaling.json")
        Files.writeString(
            file,
            """
            {
              "name": "diabetes",
              "data": { "source": { "type": "builtin", "set": "diabetes" }, "split": { "test": 0.25 }, "scaling": "standard", "targetScaling": "$targetScaling" },
              "network": "network < dense(16, tanh); dense(1, identity) >",
              "training": { "loss": "mse", "optimizer": { "type": "adam", "lr": 0.05 }, "epochs": 60, "batchSize": 32, "seed": 7 },
              "expect": [ { "metric": "test_r2", "atLeast": $expectR2AtLeast } ]
            }
            """.trimIndent(),
        )
        return file
    }

    private fun metricsJson(out: Path): Map<String, Double> {
        val file = Files.walk(out).use { s -> s.filter { it.fileName.toString() == "metrics.json" }.findFirst().get() }
        val root = Json.parseToJsonElement(Files.readString(file)).jsonObject
        val metrics = root["metrics"]?.jsonObject ?: root
        return metrics.filterValues { runCatching { it.jsonPrimitive.double }.isSuccess }.mapValues { it.value.jsonPrimitive.double }
    }

    @Test
    fun `a regression run's metrics json holds test_r2 equal to core's R2 of the model's own test predictions`() {
        val out = dir.resolve("runs")
        val run = mlp("run", diabetes(0.0).toString(), "--out", out.toString(), "--quiet")
        assertEquals(0, run.exitCode, run.out + run.err)
        val metrics = metricsJson(out)
        for (part in listOf("train", "test")) {
            for (metric in listOf("loss", "r2", "mae", "rmse", "explained_variance", "max_error")) {
                assertTrue("${part}_$metric" in metrics, "${part}_$metric in $metrics")
            }
        }
        val modelFile = Files.walk(out).use { s -> s.filter { it.fileName.toString() == "model.json" }.findFirst().get() }
        val model = Model.load(modelFile)
        // The split as the run made it, with the raw (unscaled) features: the model scales them itself.
        val spec = model.file.spec.data
        val streams = SeedStreams(7)
        val test = DataResolver().resolve(spec.copy(scaling = Scaling.NONE), streams.split(), streams.dataSeed).test!!
        val predicted = model.predict(test.features.toMatrix()).getData()
        val targets = (test.targets as RegressionTargets).values.getData()
        assertEquals(R2.of(targets, predicted), metrics.getValue("test_r2"), 0.0)
        assertTrue(metrics.getValue("test_r2") > 0.25, "a network of 16 tanh units explains part of diabetes (0.2951 when written): $metrics")
    }

    @Test
    fun `the run summary says the loss is on the scaled targets only when the targets are scaled`() {
        val scaled = mlp("run", diabetes(0.0, "standard").toString(), "--out", dir.resolve("scaled").toString(), "--quiet", "--no-report")
        assertEquals(0, scaled.exitCode, scaled.out + scaled.err)
        assertTrue("  The loss is measured on the scaled targets the network learnt (data.targetScaling), so it is not the square " +
            "of rmse; r2, mae, rmse, explained_variance and max_error are in the targets' own units." in scaled.out.lines(), scaled.out)
        val raw = mlp("run", diabetes(0.0).toString(), "--out", dir.resolve("raw").toString(), "--quiet", "--no-report")
        assertEquals(0, raw.exitCode, raw.out + raw.err)
        assertTrue("scaled targets" !in raw.out, raw.out)
    }

    @Test
    fun `verify passes an expectation on test_r2 that the run reaches and fails one it does not`() {
        val pass = mlp("verify", diabetes(0.25).toString(), "--out", dir.resolve("pass").toString(), "--quiet")
        assertEquals(0, pass.exitCode, pass.out + pass.err)
        assertTrue(pass.outLines.any { Regex("""test_r2\s+–\s+≥ 0\.25\s+0\.\d{4}\s+pass""").matches(it) }, pass.out)
        val figures = pass.outLines.filter { it.startsWith("  train_") || it.startsWith("  test_") }
        assertEquals(12, figures.size, pass.out)
        assertEquals(setOf("  train_explained_variance ".length), figures.map { it.lastIndexOf(' ') + 1 }.toSet(), "the figures line up: ${pass.out}")
        val fail = mlp("verify", diabetes(0.99).toString(), "--out", dir.resolve("fail").toString(), "--quiet")
        assertEquals(1, fail.exitCode, fail.out + fail.err)
        assertTrue(fail.outLines.any { Regex("""test_r2\s+–\s+≥ 0\.99\s+0\.\d{4}\s+FAIL""").matches(it) }, fail.out)
    }
}
