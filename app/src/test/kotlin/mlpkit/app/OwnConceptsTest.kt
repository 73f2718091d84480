package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import kotlin.math.exp
import mlpkit.app.script.testScript
import mlpkit.core.concept.Registry
import mlpkit.core.matrix.DenseMatrix
import mlpkit.dsl.activation
import mlpkit.dsl.loss
import mlpkit.dsl.model.Model
import mlpkit.dsl.model.ModelFileException
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir

/**
 * An activation and a loss written in a script (`scripts/own-concepts.mlp.kts`) are usable like built-in
 * ones: `mlp check` gradient-checks them, `mlp run` trains with them, the model file names them, and reading
 * that file without their definitions is a clear error that names them, while code that has the definitions
 * reads it.
 */
class OwnConceptsTest {
    @TempDir
    lateinit var dir: Path

    private val script = testScript("own-concepts.mlp.kts").toString()

    @Test
    fun `mlp check gradient-checks a network with the script's own activation and loss`() {
        val run = mlp("check", script)
        assertEquals(0, run.exitCode, run.out + run.err)
        assertTrue(run.outLines.contains("network < dense(8, swish2); dense(1, identity) >"), run.out)
        assertTrue(run.out.contains("loss: logCosh (mean)"), run.out)
    }

    @Test
    fun `a model trained with its own concepts names them and reads back only with their definitions`() {
        val run = mlp("run", script, "--out", dir.toString(), "--quiet", "--no-report")
        assertEquals(0, run.exitCode, run.out + run.err)
        val runDirectory = Path.of(run.outLines.last().removePrefix("run directory: "))
        val modelFile = runDirectory.resolve("model.json")
        val text = Files.readString(modelFile)
        assertTrue(text.contains("\"notation\": \"network < dense(8, swish2); dense(1, identity) >\""), text.take(400))
        assertTrue(text.contains("\"loss\": \"logCosh\""), text.take(400))

        val input = dir.resolve("x.csv")
        Files.writeString(input, "0.1,0.2,0.3\n-1.0,0.5,2.0\n")
        val predict = mlp("predict", modelFile.toString(), input.toString())
        assertEquals(ExitCode.INVALID_INPUT, predict.exitCode, predict.out + predict.err)
        assertEquals(1, predict.errLines.size, predict.err)
        assertTrue(predict.err.contains("logCosh") || predict.err.contains("swish2"), predict.err)
        assertTrue(predict.err.contains("definition"), predict.err)

        val withoutDefinitions = assertThrows<ModelFileException> { Model.load(modelFile) }
        assertTrue(withoutDefinitions.message!!.contains("logCosh"), withoutDefinitions.message)

        // The same definitions, written again in code, read the model; the activation alone is not enough.
        val swish2 = activation("swish2", f = { z -> z / (1 + exp(-z)) }, df = { z ->
            val s = 1 / (1 + exp(-z))
            s + z * s * (1 - s)
        })
        val logCosh = loss("logCosh", value = { a, y -> kotlin.math.ln(kotlin.math.cosh(a - y)) }, gradient = { a, y -> kotlin.math.tanh(a - y) })
        val onlyActivation = assertThrows<ModelFileException> { Model.load(modelFile, Registry.builtIns().with(swish2.concept())) }
        assertTrue(onlyActivation.message!!.contains("logCosh"), onlyActivation.message)
        val model = Model.load(modelFile, Registry.builtIns().with(swish2.concept(), logCosh.concept()))
        val x = DenseMatrix.of(arrayOf(doubleArrayOf(0.1, 0.2, 0.3), doubleArrayOf(-1.0, 0.5, 2.0)))
        val again = Model.load(modelFile, Registry.builtIns().with(swish2.concept(), logCosh.concept()))
        assertArrayEquals(model.predict(x).data(), again.predict(x).data(), 0.0)
        assertTrue(model.predict(x).data().all { it.isFinite() })
    }

    @Test
    fun `a network notation naming an activation nobody defined says which and where`() {
        val e = assertThrows<ModelFileException> {
            mlpkit.dsl.model.ModelFile.decode(
                Files.readString(
                    Path.of(
                        mlp("run", script, "--out", dir.toString(), "--quiet", "--no-report").outLines.last()
                            .removePrefix("run directory: "),
                    ).resolve("model.json"),
                ).replace("\"loss\": \"logCosh\"", "\"loss\": \"mse\""),
            )
        }
        assertTrue(e.message!!.contains("unknown activation in the network notation at column 20"), e.message)
        assertTrue(e.message!!.contains("got 'swish2'"), e.message)
        assertTrue(e.message!!.contains("with that definition added to the registry"), e.message)
    }
}
