package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

class RunCommandTest {
    @TempDir
    lateinit var dir: Path

    private fun experimentFile(epochs: Int = 40, expectAtLeast: Double = 0.8): Path {
        val file = dir.resolve("blobs.json")
        Files.writeString(
            file,
            """
            {
              "name": "blobs",
              "data": { "source": { "type": "generator", "generator": "make_blobs",
                                    "params": { "n_samples": 90, "centers": 3, "random_state": 4 } },
                        "split": { "test": 0.2, "stratify": true } },
              "network": "network < dense(8, tanh); dense(3, softmax) >",
              "training": { "loss": "softmax-ce", "optimizer": { "type": "adam", "lr": 0.05 }, "epochs": $epochs,
                            "batchSize": 16, "seed": 3 },
              "expect": [ { "metric": "test_accuracy", "atLeast": $expectAtLeast } ]
            }
            """.trimIndent(),
        )
        return file
    }

    @Test
    fun `a run prints one line per epoch and writes the run directory with a model that predicts`() {
        val runs = dir.resolve("runs")
        val run = mlp("run", experimentFile().toString(), "--out", runs.toString())
        assertEquals(0, run.exitCode, run.err)
        assertEquals(40, run.outLines.count { it.startsWith("epoch ") })
        assertTrue(run.outLines[0].startsWith("epoch  1/40  train_loss "), run.outLines[0])
        assertTrue(run.outLines.any { it.startsWith("  expect test_accuracy ≥ 0.8: ") && it.endsWith(" ok") }, run.out)
        val runDir = Files.list(runs).use { it.toList().single() }
        assertTrue(runDir.fileName.toString().startsWith("blobs-"))
        for (name in listOf("model.json", "history.csv", "metrics.json", "spec.json")) {
            assertTrue(Files.isRegularFile(runDir.resolve(name)), name)
        }
        assertEquals(41, Files.readAllLines(runDir.resolve("history.csv")).size, "header + one row per epoch")

        val input = dir.resolve("input.csv")
        Files.writeString(input, "x0,x1\n0.5,1.5\n-3,7\n")
        // The model was trained on generated data, so it records no column names: the header is declared.
        val predicted = mlp("predict", runDir.resolve("model.json").toString(), input.toString(), "--header")
        assertEquals(0, predicted.exitCode, predicted.err)
        assertEquals(2, predicted.outLines.size)
        assertTrue(predicted.outLines.all { it in setOf("0", "1", "2") }, predicted.out)
        val proba = mlp("predict", runDir.resolve("model.json").toString(), input.toString(), "--proba", "--header")
        assertEquals("p_0,p_1,p_2", proba.outLines[0])
        for (line in proba.outLines.drop(1)) assertEquals(1.0, line.split(',').sumOf { it.toDouble() }, 1e-12)
    }

    @Test
    fun `the same file and seed give the same history and --epochs and --seed override the file`() {
        val first = mlp("run", experimentFile().toString(), "--out", dir.resolve("a").toString(), "--epochs", "5")
        val second = mlp("run", experimentFile().toString(), "--out", dir.resolve("b").toString(), "--epochs", "5")
        val otherSeed = mlp("run", experimentFile().toString(), "--out", dir.resolve("c").toString(), "--epochs", "5", "--seed", "9")
        val losses = { r: CliRun -> r.outLines.filter { it.startsWith("epoch") }.map { it.substringBefore("  lr") } }
        assertEquals(5, losses(first).size)
        assertEquals(losses(first), losses(second))
        assertTrue(losses(first) != losses(otherSeed))
    }

    @Test
    fun `verify fails with exit 1 when an expectation is not reached and run does not`() {
        val file = experimentFile(epochs = 1, expectAtLeast = 1.01)
        val verify = mlp("verify", file.toString(), "--out", dir.resolve("v").toString(), "--quiet")
        assertEquals(1, verify.exitCode, verify.out + verify.err)
        val header = verify.outLines.indexOf("metric         article  our bar  ours    result")
        assertTrue(header >= 0, verify.out)
        assertTrue(Regex("""test_accuracy  –        ≥ 1\.01   0\.\d{4}  FAIL""").matches(verify.outLines[header + 1]), verify.outLines[header + 1])
        assertTrue(verify.outLines.contains("verify: 1 of 1 expectations not met (FAIL above)"), verify.out)
        assertEquals(0, mlp("run", file.toString(), "--out", dir.resolve("r").toString(), "--quiet").exitCode)
    }

    @Test
    fun `check prints the notation, the parameter count and a passing gradient check without training`() {
        val run = mlp("check", experimentFile().toString())
        assertEquals(0, run.exitCode, run.err)
        assertEquals("experiment blobs: 72 training samples × 2 features, 18 test", run.outLines[0])
        assertEquals("network < dense(8, tanh); dense(3, softmax) >", run.outLines[1])
        assertEquals("parameters: ${2 * 8 + 8 + 8 * 3 + 3}", run.outLines[2])
        assertTrue(run.outLines.last().startsWith("max relative error: "))
        assertTrue(run.outLines.last().removePrefix("max relative error: ").toDouble() < 1e-6)
    }

    @Test
    fun `a missing experiment file or a bad model gives one line and exit 2`() {
        val missing = mlp("run", dir.resolve("none.json").toString())
        assertEquals(2, missing.exitCode)
        assertEquals(1, missing.errLines.size, missing.err)
        val notAModel = dir.resolve("model.json")
        Files.writeString(notAModel, "{\"formatVersion\": 1")
        val input = dir.resolve("in.csv")
        Files.writeString(input, "1,2\n")
        val predict = mlp("predict", notAModel.toString(), input.toString())
        assertEquals(2, predict.exitCode)
        assertEquals(1, predict.errLines.size, predict.err)
        assertTrue(predict.errLines[0].startsWith("mlp predict: "), predict.err)
    }

    @Test
    fun `problems only the data can reveal are reported with their paths before anything is trained`() {
        val file = dir.resolve("misfit.json")
        Files.writeString(file, Files.readString(experimentFile()).replace("\"batchSize\": 16", "\"batchSize\": 500")
            .replace("dense(3, softmax)", "dense(4, softmax)"))
        val runs = dir.resolve("runs")
        val run = mlp("run", file.toString(), "--out", runs.toString())
        assertEquals(2, run.exitCode)
        assertEquals(
            listOf(
                "$file: \$.training.batchSize: batch larger than the training data (expected at most 72 rows, the training part of 90 samples, got 500); use \"full\" for one batch of all rows, or a smaller batch",
                "$file: \$.network: the output layer \$.network[1] = dense(4, softmax) does not fit the data (expected 3 units for 3 classes, e.g. dense(3, softmax) with softmax-ce, got 4 units)",
            ),
            run.errLines,
        )
        assertTrue(!Files.exists(runs), "nothing is written")
    }
}
