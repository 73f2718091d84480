package mlpkit.app

import java.io.ByteArrayOutputStream
import java.io.PrintStream

/** What one in-process `mlp` call printed and returned. */
data class CliRun(val exitCode: Int, val out: String, val err: String) {
    val outLines: List<String> get() = out.lines().dropLastWhile { it.isEmpty() }
    val errLines: List<String> get() = err.lines().dropLastWhile { it.isEmpty() }
}

/** Runs [runCli] as `mlp <args>` with captured stdout and stderr (and without MLP_DEBUG). */
fun mlp(vararg args: String): CliRun {
    val out = ByteArrayOutputStream()
    val err = ByteArrayOutputStream()
    val exitCode = PrintStream(out, true, Charsets.UTF_8).use { outStream ->
        PrintStream(err, true, Charsets.UTF_8).use { errStream ->
            runCli(arrayOf(*args), outStream, errStream, debug = false)
        }
    }
    return CliRun(exitCode, out.toString(Charsets.UTF_8), err.toString(Charsets.UTF_8))
}
