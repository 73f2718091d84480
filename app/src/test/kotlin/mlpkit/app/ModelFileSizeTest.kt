package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/** A model file that claims a network too large for one Java array is refused before the network is built. */
class ModelFileSizeTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `model files claiming 2e9 inputs or 1e9 units are refused with exit 2 before allocating`() {
        val file = dir.resolve("tiny.json")
        Files.writeString(
            file,
            """
            { "name": "tiny",
              "data": { "source": { "type": "generator", "generator": "make_moons", "params": { "n_samples": 40, "random_state": 1 } } },
              "network": "network < dense(3, tanh); dense(2, softmax) >",
              "training": { "loss": "softmax-ce", "epochs": 1, "batchSize": 8, "seed": 1 } }
            """.trimIndent(),
        )
        val trained = mlp("run", file.toString(), "--out", dir.resolve("runs").toString(), "--quiet", "--no-report")
        assertEquals(0, trained.exitCode, trained.err)
        val model = Files.list(dir.resolve("runs")).use { it.toList().single() }.resolve("model.json")
        val text = Files.readString(model)
        val input = dir.resolve("input.csv").also { Files.writeString(it, "x0,x1\n0.5,1.5\n") }

        val manyInputs = dir.resolve("inputs.json")
        Files.writeString(manyInputs, Regex("\"inputSize\"\\s*:\\s*2").replace(text, "\"inputSize\": 2000000000"))
        val refused = mlp("predict", manyInputs.toString(), input.toString())
        assertEquals(2, refused.exitCode, refused.err)
        assertEquals(1, refused.errLines.size, refused.err)
        assertTrue(refused.err.contains("with inputSize 2000000000 cannot be built on this machine: the network has 6000000011 parameters for 2000000000 inputs, more than one Java array holds (2147483639)"), refused.err)

        val manyUnits = dir.resolve("units.json")
        Files.writeString(manyUnits, text.replace("dense(3, tanh)", "dense(1000000000, tanh)"))
        val refusedUnits = mlp("predict", manyUnits.toString(), input.toString())
        assertEquals(2, refusedUnits.exitCode, refusedUnits.err)
        assertTrue(refusedUnits.err.contains("the network has 5000000002 parameters for 2 inputs, more than one Java array holds"), refusedUnits.err)
    }
}
