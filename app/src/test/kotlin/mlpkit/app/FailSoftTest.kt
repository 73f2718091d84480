package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/** `mlp run` when runs go wrong: a sweep keeps its good variations, and the divergence guard stops a run early with exit 1. */
class FailSoftTest {
    @TempDir
    lateinit var dir: Path

    private val base = """
        "data": { "source": { "type": "generator", "generator": "make_blobs", "params": { "n_samples": 90, "centers": 3, "random_state": 4 } },
                  "split": { "test": 0.2, "stratify": true } },
        "network": "network < dense(8, tanh); dense(3, softmax) >",
        "training": { "loss": "softmax-ce", "optimizer": { "type": "sgd", "lr": 0.1 }, "epochs": 20, "batchSize": 16, "seed": 3 }
    """.trimIndent()

    private fun write(name: String, text: String): Path = dir.resolve(name).also { Files.writeString(it, text) }

    @Test
    fun `a sweep with a diverging variation writes every row, keeps the good ones' results and exits 1 naming the diverged one`() {
        val sweep = write(
            "mixed.json",
            """
            { "name": "mixed", $base,
              "sweep": { "parallelism": 2, "variations": [
                { "name": "good", "patch": { } },
                { "name": "huge-lr", "patch": { "training": { "optimizer": { "type": "sgd", "lr": 1e6 } } } },
                { "name": "wide", "patch": { "network": "network < dense(16, tanh); dense(3, softmax) >" } }
              ] } }
            """.trimIndent(),
        )
        val runs = dir.resolve("runs")
        val run = mlp("run", sweep.toString(), "--out", runs.toString(), "--no-report")
        assertEquals(ExitCode.CHECK_FAILED, run.exitCode, run.out + run.err)

        val sweepDir = Files.list(runs).use { it.toList().single() }
        val summary = Files.readAllLines(sweepDir.resolve("summary.csv"))
        assertTrue(summary[0].startsWith("variation,network,status,stopped,reason,"), summary[0])
        assertEquals(4, summary.size, "header and one row per variation: $summary")
        val cells = summary.drop(1).associate { line -> line.substringBefore(',') to csvCells(line) }
        val columns = csvCells(summary[0])
        fun cell(variation: String, column: String) = cells.getValue(variation)[columns.indexOf(column)]
        assertEquals("ok", cell("good", "status"))
        assertEquals("completed", cell("good", "stopped"))
        assertEquals("ok", cell("wide", "status"))
        assertEquals("diverged", cell("huge-lr", "status"))
        assertTrue("lower the learning rate" in cell("huge-lr", "reason"), cell("huge-lr", "reason"))

        // The good rows equal the same variation run alone.
        val alone = mlp("run", write("good.json", """{ "name": "good", $base }""").toString(), "--out", dir.resolve("alone").toString(), "--no-report")
        assertEquals(0, alone.exitCode, alone.err)
        val aloneDir = Files.list(dir.resolve("alone")).use { it.toList().single() }
        val aloneMetrics = mlpkit.dsl.model.ModelJson.format.decodeFromString(
            mlpkit.dsl.run.RunMetrics.serializer(), Files.readString(aloneDir.resolve("metrics.json")),
        ).metrics
        for ((name, value) in aloneMetrics) {
            assertEquals(value, cell("good", name).toDouble(), name)
        }

        // stderr names each failed variation and its run directory.
        val failedLines = run.errLines.filter { it.startsWith("mlp run: variation ") }
        assertEquals(1, failedLines.size, run.err)
        assertTrue(failedLines.single().startsWith("mlp run: variation huge-lr diverged: ") && "run directory: $sweepDir" in failedLines.single(), run.err)
        assertTrue(run.errLines.last().startsWith("mlp run: 1 of 3 variations did not finish"), run.err)
        assertTrue(run.outLines.last().startsWith("sweep directory: "), run.out)
    }

    @Test
    fun `a sweep variation whose data cannot be read is refused before anything runs, naming the variation`() {
        val sweep = write(
            "no-data.json",
            """
            { "name": "nodata", $base,
              "sweep": { "variations": [
                { "name": "good", "patch": { } },
                { "name": "no-data", "patch": { "data": { "source": { "type": "csv", "train": "missing.csv", "label": "y", "generator": null, "params": null } } } }
              ] } }
            """.trimIndent(),
        )
        val runs = dir.resolve("runs")
        val run = mlp("run", sweep.toString(), "--out", runs.toString(), "--no-report")
        assertEquals(ExitCode.INVALID_INPUT, run.exitCode, run.out + run.err)
        val line = run.errLines.first()
        assertTrue(line.startsWith("$sweep: sweep variation 'no-data': ") && "missing.csv: no such file" in line, line)
        assertTrue(!Files.exists(runs), "nothing is written for a sweep that cannot run")
        val check = mlp("check", sweep.toString())
        assertEquals(ExitCode.INVALID_INPUT, check.exitCode, check.out + check.err)
        assertEquals(line, check.errLines.first(), "check and run say the same")
    }

    @Test
    fun `a single run stopped by the divergence guard prints why and exits 1, and runs on to the end with the guard off`() {
        val text = """{ "name": "blobs", ${base.replace("\"lr\": 0.1", "\"lr\": 1e6")} }"""
        val run = mlp("run", write("huge.json", text).toString(), "--out", dir.resolve("runs").toString(), "--no-report")
        assertEquals(ExitCode.CHECK_FAILED, run.exitCode, run.out + run.err)
        val stopped = run.outLines.single { it.startsWith("stopped: ") }
        assertTrue(Regex("stopped: (training loss \\S+ at epoch \\d+ is \\S+ × its best|the loss became)").containsMatchIn(stopped), stopped)
        assertTrue(run.outLines.last().startsWith("run directory: "), run.out)

        val off = text.replace("\"seed\": 3 }", "\"seed\": 3, \"divergence\": false }")
        val unguarded = mlp("run", write("huge-off.json", off).toString(), "--out", dir.resolve("off").toString(), "--no-report")
        assertTrue(unguarded.outLines.count { it.startsWith("epoch ") } > run.outLines.count { it.startsWith("epoch ") }, unguarded.out)
    }

    /** The cells of one CSV line (quoted cells may hold commas and doubled quotes). */
    private fun csvCells(line: String): List<String> {
        val cells = ArrayList<String>()
        val cell = StringBuilder()
        var quoted = false
        var i = 0
        while (i < line.length) {
            val c = line[i]
            when {
                quoted && c == '"' && i + 1 < line.length && line[i + 1] == '"' -> { cell.append('"'); i++ }
                c == '"' -> quoted = !quoted
                c == ',' && !quoted -> { cells += cell.toString(); cell.clear() }
                else -> cell.append(c)
            }
            i++
        }
        cells += cell.toString()
        return cells
    }
}
