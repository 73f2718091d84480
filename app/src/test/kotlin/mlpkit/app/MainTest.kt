package mlpkit.app

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class MainTest {
    @Test
    fun `--version prints mlp and the version Maven built`() {
        val expected = System.getProperty("mlpkit.expectedVersion")
        val run = mlp("--version")

        assertEquals(ExitCode.OK, run.exitCode)
        assertEquals(listOf("mlp $expected"), run.outLines)
        assertEquals("", run.err)
    }

    @Test
    fun `--help lists the gradcheck command on stdout and exits 0`() {
        val run = mlp("--help")

        assertEquals(ExitCode.OK, run.exitCode)
        assertTrue(run.outLines.first().startsWith("Usage: mlp "), run.out)
        assertTrue(run.outLines.any { it.trimStart().startsWith("gradcheck ") }, run.out)
        assertEquals("", run.err)
    }

    @Test
    fun `no command at all prints the help on stderr and exits 2`() {
        val run = mlp()

        assertEquals(ExitCode.INVALID_INPUT, run.exitCode)
        assertEquals("", run.out)
        assertTrue(run.err.startsWith("Usage: mlp "), run.err)
    }

    @Test
    fun `an unknown command exits 2 with one line naming it`() {
        val run = mlp("train")

        assertEquals(ExitCode.INVALID_INPUT, run.exitCode)
        assertEquals(listOf("mlp: no such subcommand train (see 'mlp --help')"), run.errLines)
    }
}
