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

/**
 * Writes [json] to [experiment], trains it with `mlp run --quiet --no-report` into [runs] (which must hold no other
 * run) and returns the run directory; fails with what mlp printed when the run does not exit 0.
 */
fun trainedRun(experiment: java.nio.file.Path, json: String, runs: java.nio.file.Path): java.nio.file.Path {
    java.nio.file.Files.writeString(experiment, json)
    val run = mlp("run", experiment.toString(), "--out", runs.toString(), "--quiet", "--no-report")
    org.junit.jupiter.api.Assertions.assertEquals(0, run.exitCode, run.out + run.err)
    return java.nio.file.Files.list(runs).use { it.toList().single() }
}
