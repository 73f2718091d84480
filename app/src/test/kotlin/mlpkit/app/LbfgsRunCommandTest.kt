package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.int
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/** A JSON config with `"optimizer": "lbfgs"` through `mlp run` and `mlp check`. */
class LbfgsRunCommandTest {
    @TempDir
    lateinit var dir: Path

    private fun config(training: String): Path {
        val file = dir.resolve("iris-lbfgs.json")
        Files.writeString(
            file,
            """
            {
              "name": "iris-lbfgs",
              "data": { "source": { "type": "builtin", "set": "iris" }, "split": { "test": 0.2, "stratify": true }, "scaling": "standard" },
              "network": "network < dense(8, tanh); dense(3, softmax) >",
              "training": { "loss": "softmax-ce", $training, "seed": 1 }
            }
            """.trimIndent(),
        )
        return file
    }

    @Test
    fun `mlp run trains with lbfgs and prints and records scipy's stop reason`() {
        val out = dir.resolve("runs")
        val run = mlp("run", config(""""optimizer": "lbfgs", "epochs": 6""").toString(), "--out", out.toString(), "--quiet")
        assertEquals(0, run.exitCode, run.out + run.err)
        assertTrue(run.outLines.any { it.startsWith("L-BFGS stopped after 6 iterations (") && "STOP: TOTAL NO. of ITERATIONS REACHED LIMIT" in it }, run.out)
        val metrics = Files.walk(out).use { s -> s.filter { it.fileName.toString() == "metrics.json" }.findFirst().get() }
        val root = Json.parseToJsonElement(Files.readString(metrics)).jsonObject
        assertEquals("solver-stopped", root.getValue("stopReason").jsonPrimitive.content)
        assertEquals("STOP: TOTAL NO. of ITERATIONS REACHED LIMIT", root.getValue("stopMessage").jsonPrimitive.content)
        assertEquals(6, root.getValue("epochs").jsonPrimitive.int)
    }

    @Test
    fun `mlp check refuses a checkpoint callback with lbfgs with the reason and what to do`() {
        val check = mlp("check", config(""""optimizer": {"type": "lbfgs", "m": 5}, "epochs": 6, "callbacks": [{"type": "checkpoint", "every": 2}]""").toString())
        assertEquals(2, check.exitCode, check.out + check.err)
        assertTrue(
            check.errLines.any { "$.training.callbacks[0]: a checkpoint with lbfgs" in it && "cannot be resumed" in it && "remove the callback" in it },
            check.err,
        )
    }
}
