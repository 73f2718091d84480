package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import java.util.Random
import java.util.concurrent.TimeUnit
import kotlin.io.path.isRegularFile
import kotlin.io.path.listDirectoryEntries
import kotlin.io.path.name
import kotlinx.serialization.json.int
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import mlpkit.dsl.model.Model
import mlpkit.dsl.model.ModelJson
import mlpkit.dsl.spec.SpecJson
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Assertions.fail
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.api.io.TempDir

/**
 * `mlp run` in a child JVM gets SIGINT or SIGTERM at a random moment (20 times, fixed seed): before
 * training, during it, or while the run writes its report. Every time the outcome is complete: exit 130
 * / 143 (0 when the run finished first) and either no run directory, or one with spec.json, a model.json
 * that loads, history.csv, metrics.json marked `interrupted at epoch N` and the report, the summary and the
 * "run directory:" line on stdout; never a temporary file. Some runs get a second signal, which ends them at
 * once: then whatever files exist are whole.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class InterruptedRunTest {
    @TempDir
    lateinit var dir: Path

    private val epochs = 400

    private fun experiment(): Path = dir.resolve("moons.json").also {
        Files.writeString(
            it,
            """
            {
              "name": "moons",
              "data": { "source": { "type": "generator", "generator": "make_moons", "params": { "n_samples": 200, "noise": 0.2, "random_state": 0 } } },
              "network": "network < dense(16, relu, weights=heNormal); dense(2, softmax) >",
              "training": { "loss": "softmax-ce", "optimizer": { "type": "sgd", "lr": 0.1 }, "epochs": $epochs, "batchSize": 10, "seed": 1 }
            }
            """.trimIndent(),
        )
    }

    private enum class Sent(val signalName: String, val exitCode: Int) { INT("INT", 130), TERM("TERM", 143) }

    @Test
    fun `a run interrupted at 20 random moments always leaves a complete run or none, and exits 130 or 143`() {
        val file = experiment()
        val random = Random(15)
        val outcomes = mutableListOf<String>()
        for (attempt in 1..20) {
            val signal = if (random.nextBoolean()) Sent.INT else Sent.TERM
            val noReport = attempt % 4 != 0 // the report (slow to draw) in every fourth run
            val twice = attempt % 5 == 0
            // Half the signals at a random time after the start (JVM start-up, data preparation or training), half
            // once a random epoch has been printed (training, or writing the report after the last epoch).
            val afterEpoch = if (random.nextBoolean()) random.nextInt(epochs + 1) else null
            val delayMillis = if (afterEpoch == null) random.nextInt(1500).toLong() else random.nextInt(30).toLong()
            val secondAfterMillis = random.nextInt(200).toLong()
            val root = dir.resolve("out-$attempt")
            val run = runAndSignal(file, root, noReport, signal, afterEpoch, delayMillis, if (twice) secondAfterMillis else null)
            val context = "attempt $attempt ($signal${if (twice) " twice" else ""}, " +
                (afterEpoch?.let { "after epoch $it" } ?: "after $delayMillis ms") + ")\nstdout:\n${run.out}\nstderr:\n${run.err}"
            assertTrue(run.exitCode == signal.exitCode || run.exitCode == 0, "exit ${run.exitCode}: $context")
            assertNoTemporaries(root, context)
            val runDirectories = if (Files.isDirectory(root)) root.listDirectoryEntries() else emptyList()
            assertTrue(runDirectories.size <= 1, context)
            val runDirectory = runDirectories.singleOrNull()
            outcomes += when {
                runDirectory == null -> {
                    assertEquals(signal.exitCode, run.exitCode, context)
                    "none"
                }
                twice && run.exitCode != 0 -> {
                    assertWholeFiles(runDirectory, context)
                    "whole files"
                }
                else -> {
                    assertCompleteRun(runDirectory, run, noReport, context)
                }
            }
        }
        // The seed spreads the signals over every phase: before any run directory, during training and after it.
        assertTrue("none" in outcomes, outcomes.toString())
        assertTrue(outcomes.any { it.startsWith("interrupted") }, outcomes.toString())
    }

    /** Asserts the run in [runDirectory] ended as a complete run and returns how it ended. */
    private fun assertCompleteRun(runDirectory: Path, run: CliRun, noReport: Boolean, context: String): String {
        val metrics = ModelJson.format.parseToJsonElement(Files.readString(runDirectory.resolve("metrics.json"))).jsonObject
        val completedEpochs = metrics.getValue("epochs").jsonPrimitive.int
        SpecJson.decode(Files.readString(runDirectory.resolve("spec.json")))
        Model.load(runDirectory.resolve("model.json"))
        assertEquals(completedEpochs + 1, Files.readAllLines(runDirectory.resolve("history.csv")).size, context)
        assertEquals(!noReport, Files.isRegularFile(runDirectory.resolve("report.html")), context)
        assertTrue(run.outLines.contains("run directory: $runDirectory"), context)
        return when (val reason = metrics.getValue("stopReason").jsonPrimitive.content) {
            "cancelled" -> {
                val stopped = "interrupted at epoch ${completedEpochs + 1}"
                assertEquals(stopped, metrics.getValue("stopped").jsonPrimitive.content, context)
                assertTrue(run.outLines.contains("stopped: $stopped ($completedEpochs epochs complete)"), context)
                assertTrue(run.exitCode != 0, context)
                stopped
            }
            "completed" -> {
                // Finished before the signal, or the signal came while the report was written.
                assertEquals(epochs, completedEpochs, context)
                assertTrue(run.outLines.contains("finished $epochs epochs"), context)
                "completed, exit ${run.exitCode}"
            }
            else -> fail("stopReason $reason: $context")
        }
    }

    /** After a second signal: the files there are, are whole (the rest may be missing). */
    private fun assertWholeFiles(runDirectory: Path, context: String) {
        val spec = runDirectory.resolve("spec.json")
        if (spec.isRegularFile()) SpecJson.decode(Files.readString(spec))
        val model = runDirectory.resolve("model.json")
        if (model.isRegularFile()) Model.load(model)
        val metrics = runDirectory.resolve("metrics.json")
        if (metrics.isRegularFile()) ModelJson.format.parseToJsonElement(Files.readString(metrics)).jsonObject.getValue("epochs")
        val history = runDirectory.resolve("history.csv")
        if (history.isRegularFile()) assertTrue(Files.readAllLines(history).first().startsWith("epoch"), context)
    }

    private fun assertNoTemporaries(root: Path, context: String) {
        if (!Files.exists(root)) return
        val temporaries = Files.walk(root).use { paths -> paths.filter { it.name.endsWith(".part") || it.name.endsWith(".tmp") }.toList() }
        assertEquals(emptyList<Path>(), temporaries, context)
    }

    private fun runAndSignal(
        file: Path, root: Path, noReport: Boolean, signal: Sent, afterEpoch: Int?, delayMillis: Long, secondAfterMillis: Long?,
    ): CliRun {
        val stdout = dir.resolve("${root.name}.out")
        val stderr = dir.resolve("${root.name}.err")
        val command = buildList {
            // A shell without job control starts background children with SIGINT ignored, and an ignored signal stays
            // ignored in the JVM: undo that for the child, so that the test sends what a terminal's Ctrl-C sends.
            if (sigintIgnored()) addAll(listOf("env", "--default-signal=INT"))
            addAll(listOf(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path")))
            addAll(listOf("mlpkit.app.MainKt", "run", file.toString(), "--out", root.toString()))
            if (noReport) add("--no-report")
        }
        val process = ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start()
        try {
            // A signal that lands while the JVM itself is still initialising ends it with "Error occurred during
            // initialization of VM" and exit 1, before any mlpkit code (or handler) exists: that is the JVM's, not a
            // run's, outcome. So the clock starts once the child catches SIGINT and SIGTERM (HotSpot installs its
            // handlers during start-up); "before training" still covers class loading, parsing and data preparation.
            val started = System.nanoTime()
            while (process.isAlive && !catchesSignals(process.pid()) && System.nanoTime() - started < 30_000_000_000L) Thread.sleep(1)
            if (afterEpoch != null) {
                val line = "epoch %${epochs.toString().length}d/$epochs".format(afterEpoch)
                while (process.isAlive && (afterEpoch > 0 && !Files.readString(stdout).contains(line))) Thread.sleep(2)
            }
            Thread.sleep(delayMillis)
            kill(process, signal)
            if (secondAfterMillis != null) {
                Thread.sleep(secondAfterMillis)
                kill(process, signal)
            }
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the run did not end within 60 s of the signal")
        } finally {
            process.destroyForcibly()
        }
        return CliRun(process.exitValue(), Files.readString(stdout), Files.readString(stderr))
    }

    private fun kill(process: Process, signal: Sent) {
        if (!process.isAlive) return
        val kill = ProcessBuilder("kill", "-${signal.signalName}", process.pid().toString()).redirectErrorStream(true).start()
        kill.waitFor(10, TimeUnit.SECONDS)
    }

    /** Whether process [pid] catches SIGINT (bit 1) and SIGTERM (bit 14) of SigCgt in its /proc status. */
    private fun catchesSignals(pid: Long): Boolean {
        val line = runCatching { Files.readAllLines(Path.of("/proc/$pid/status")) }.getOrDefault(emptyList())
            .firstOrNull { it.startsWith("SigCgt:") } ?: return false
        val caught = line.substringAfter(':').trim().toLong(16)
        return (caught shr 1) and 1L == 1L && (caught shr 14) and 1L == 1L
    }

    /** Whether this JVM (and so its children) ignores SIGINT: bit 1 of SigIgn in /proc/self/status. */
    private fun sigintIgnored(): Boolean {
        val line = runCatching { Files.readAllLines(Path.of("/proc/self/status")) }.getOrDefault(emptyList())
            .firstOrNull { it.startsWith("SigIgn:") } ?: return false
        return (line.substringAfter(':').trim().toLong(16) shr 1) and 1L == 1L
    }
}
