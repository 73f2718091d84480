package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import mlpkit.dsl.model.Model
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/**
 * A run in a separate JVM is killed with SIGKILL (no chance to clean up) after it has written a
 * checkpoint; `mlp run FILE --resume RUN_DIR` then finishes it, and the final weights equal those of a
 * run that was never interrupted, bit for bit.
 */
class KilledRunResumeTest {
    @TempDir
    lateinit var dir: Path

    private fun experiment(): Path = dir.resolve("long.json").also {
        Files.writeString(
            it,
            """
            {
              "name": "long",
              "data": { "source": { "type": "generator", "generator": "make_classification",
                                    "params": { "n_samples": 6000, "n_features": 30, "n_informative": 10, "random_state": 3 } },
                        "split": { "validation": 0.1 } },
              "network": "network < dense(64, relu, weights=heNormal); dropout(0.1); dense(64, tanh); dense(1, sigmoid) >",
              "training": { "loss": "bce", "optimizer": { "type": "adam", "lr": 0.002 }, "epochs": 12, "batchSize": 16, "seed": 5,
                            "callbacks": [ { "type": "checkpoint", "every": 1 } ] }
            }
            """.trimIndent(),
        )
    }

    @Test
    fun `a run killed with SIGKILL resumes to the same weights as an uninterrupted run`() {
        val file = experiment()
        val straight = mlp("run", file.toString(), "--out", dir.resolve("straight").toString(), "--quiet")
        assertEquals(0, straight.exitCode, straight.err)
        val straightModel = Model.load(runDirectoryIn(dir.resolve("straight")).resolve("model.json"))

        val killedRoot = dir.resolve("killed")
        val process = ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), "mlpkit.app.MainKt",
            "run", file.toString(), "--out", killedRoot.toString(),
        ).redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile()).start()
        try {
            val deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120)
            // Wait for a checkpoint of epoch 3 or later, then kill without warning.
            while (System.nanoTime() < deadline && epochsLogged(dir.resolve("killed.log")) < 3) Thread.sleep(20)
            assertTrue(process.isAlive, "the run finished before it could be killed: " + Files.readString(dir.resolve("killed.log")))
            process.destroyForcibly()   // SIGKILL on Unix
            assertTrue(process.waitFor(30, TimeUnit.SECONDS))
        } finally {
            process.destroyForcibly()
        }
        val killedDirectory = runDirectoryIn(killedRoot)
        assertTrue(Files.isRegularFile(killedDirectory.resolve("checkpoint").resolve("checkpoint.json")))
        assertTrue(!Files.exists(killedDirectory.resolve("model.json")), "a killed run has no final model")

        val resumed = mlp("run", file.toString(), "--resume", killedDirectory.toString(), "--quiet")
        assertEquals(0, resumed.exitCode, resumed.out + resumed.err)
        val resumedModel = Model.load(killedDirectory.resolve("model.json"))
        assertArrayEquals(straightModel.file.parameters, resumedModel.file.parameters, 0.0)
        assertEquals(12, Files.readAllLines(killedDirectory.resolve("history.csv")).size - 1)
    }

    private fun epochsLogged(log: Path): Int =
        if (!Files.exists(log)) 0 else Files.readAllLines(log).count { it.startsWith("epoch ") }

    private fun runDirectoryIn(root: Path): Path = Files.list(root).use { it.toList().single() }
}
