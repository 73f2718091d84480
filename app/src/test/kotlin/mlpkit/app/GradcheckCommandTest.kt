package mlpkit.app

import mlpkit.core.concept.Registry
import mlpkit.core.loss.Loss
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class GradcheckCommandTest {
    private val tanhReluSigmoid = "network < dense(5, tanh); dense(3, relu); dense(1, sigmoid) >"

    /** The x of the table's last line `max relative error: <x>`. */
    private fun maxRelativeError(run: CliRun): Double {
        val last = run.outLines.last()
        assertTrue(last.startsWith("max relative error: "), "last line: $last")
        return last.removePrefix("max relative error: ").toDouble()
    }

    @Test
    fun `a tanh-relu-sigmoid network with bce passes with an error below 1e-6`() {
        val run = mlp("gradcheck", tanhReluSigmoid, "--inputs", "4", "--loss", "bce")

        assertEquals(ExitCode.OK, run.exitCode, run.err)
        assertEquals("", run.err)
        assertEquals(
            "gradient check of $tanhReluSigmoid with 4 inputs: loss bce, reduction mean, 8 samples, seed 0",
            run.outLines.first(),
        )
        // header, column titles, 3 layers × (W, b, W,b), max line
        assertEquals(1 + 1 + 9 + 1, run.outLines.size, run.out)
        val error = maxRelativeError(run)
        assertTrue(error > 0.0 && error <= 1e-6, "max relative error $error")
    }

    @Test
    fun `the same seed gives the same table and another seed gives another`() {
        val args = arrayOf("gradcheck", tanhReluSigmoid, "--inputs", "4", "--loss", "bce", "--reduction", "sum")
        val first = mlp(*args, "--seed", "7")
        val again = mlp(*args, "--seed", "7")
        val other = mlp(*args, "--seed", "8")

        assertEquals(ExitCode.OK, first.exitCode, first.err)
        assertEquals(first.out, again.out)
        assertFalse(first.outLines.drop(1) == other.outLines.drop(1), "seed 8 printed the same table as seed 7")
    }

    @Test
    fun `a tolerance of 1e-30 fails with exit 1 and names the rows before the table`() {
        val run = mlp("gradcheck", tanhReluSigmoid, "--inputs", "4", "--loss", "bce", "--tolerance", "1e-30")

        assertEquals(ExitCode.CHECK_FAILED, run.exitCode)
        val failure = run.outLines[1]
        assertTrue(failure.startsWith("FAILED: relative error above tolerance 1.000e-30 in #0 dense(5, tanh) W ("), failure)
        assertTrue(failure.contains("#2 dense(1, sigmoid) b ("), failure)
        assertTrue(maxRelativeError(run) > 1e-30)
    }

    @Test
    fun `a notation error exits 2 with one stderr line naming the column`() {
        val run = mlp("gradcheck", "network < dense(5, tanh) dense(1, sigmoid) >", "--inputs", "4", "--loss", "bce")

        assertEquals(ExitCode.INVALID_INPUT, run.exitCode)
        assertEquals("", run.out)
        assertEquals(
            listOf(
                "mlp gradcheck: network notation, column 26: expected ';' between layers or '>' to close the network, found 'd'",
            ),
            run.errLines,
        )
    }

    @Test
    fun `bce after a softmax output layer exits 2 with the loss message`() {
        val notation = "network < dense(3, tanh); dense(2, softmax) >"
        val run = mlp("gradcheck", notation, "--inputs", "4", "--loss", "bce")

        assertEquals(ExitCode.INVALID_INPUT, run.exitCode)
        assertEquals("", run.out)
        assertEquals(1, run.errLines.size, run.err)
        val line = run.errLines.single()
        assertTrue(line.startsWith("mlp gradcheck: layer 1 of $notation: loss bce "), line)
        assertTrue(line.contains("softmax-ce"), line)
    }

    @Test
    fun `an unknown option exits 2 with one line naming it`() {
        val run = mlp("gradcheck", tanhReluSigmoid, "--inputs", "4", "--loss", "bce", "--frobnicate")

        assertEquals(ExitCode.INVALID_INPUT, run.exitCode)
        assertEquals(listOf("mlp gradcheck: no such option --frobnicate (see 'mlp gradcheck --help')"), run.errLines)
    }

    @Test
    fun `an unknown loss exits 2 listing the known ones`() {
        val run = mlp("gradcheck", tanhReluSigmoid, "--inputs", "4", "--loss", "hinge")

        assertEquals(ExitCode.INVALID_INPUT, run.exitCode)
        assertEquals(1, run.errLines.size, run.err)
        assertEquals(
            "mlp gradcheck: invalid value for --loss: expected a loss (${Registry.builtIns().of(Loss.KIND).expectation()}), got 'hinge' " +
                "(see 'mlp gradcheck --help')",
            run.errLines.single(),
        )
    }

    @Test
    fun `invalid option values exit 2 with one line naming the option`() {
        val cases = mapOf(
            listOf("--inputs", "0", "--loss", "bce") to "--inputs",
            listOf("--inputs", "4", "--loss", "bce", "--samples", "-1") to "--samples",
            listOf("--inputs", "4", "--loss", "bce", "--tolerance", "abc") to "--tolerance",
            listOf("--inputs", "4", "--loss", "bce", "--reduction", "max") to "--reduction",
            listOf("--loss", "bce") to "--inputs",
        )
        for ((options, named) in cases) {
            val run = mlp("gradcheck", tanhReluSigmoid, *options.toTypedArray())

            assertEquals(ExitCode.INVALID_INPUT, run.exitCode, "$options: ${run.err}")
            assertEquals(1, run.errLines.size, "$options: ${run.err}")
            assertTrue(run.errLines.single().startsWith("mlp gradcheck: "), run.err)
            assertTrue(run.errLines.single().contains(named), "$options: ${run.err}")
        }
    }

    @Test
    fun `a relu layer that only ever sees zeros exits 2 with the gradient check's advice`() {
        val deadRelu = "network < dense(3, relu, bias=zeros); dense(2, relu, weights=zeros, bias=zeros); dense(1, sigmoid) >"
        val run = mlp("gradcheck", deadRelu, "--inputs", "3", "--loss", "bce")

        assertEquals(ExitCode.INVALID_INPUT, run.exitCode)
        assertEquals(1, run.errLines.size, run.err)
        assertTrue(run.errLines.single().startsWith("mlp gradcheck: no random input kept every ReLU pre-activation"), run.err)
    }
}
