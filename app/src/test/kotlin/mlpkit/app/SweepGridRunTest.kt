package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import mlpkit.app.report.SweepRanking
import mlpkit.dsl.sweep.SweepRow
import mlpkit.dsl.sweep.SweepStatus
import mlpkit.dsl.train.StopReason
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/** `mlp run` of a sweep with a grid: one run per combination, and the variations ranked by score on the console and in the report. */
class SweepGridRunTest {
    @TempDir
    lateinit var dir: Path

    private fun row(name: String, metrics: Map<String, Double>, status: SweepStatus = SweepStatus.OK) =
        SweepRow(name, "n", StopReason.Completed, metrics, status)

    @Test
    fun `the ranking sorts the ok rows best first, ties sharing the smaller rank, a loss smallest first`() {
        val rows = listOf(
            row("a", mapOf("test_accuracy" to 0.8, "test_loss" to 0.5)),
            row("b", mapOf("test_accuracy" to 0.9, "test_loss" to 0.3)),
            row("c", mapOf("test_accuracy" to 0.8, "test_loss" to 0.2)),
            row("d", emptyMap(), SweepStatus.FAILED),
        )
        val byAccuracy = SweepRanking.of(rows)!!
        assertEquals("test_accuracy", byAccuracy.metric)
        assertEquals(listOf("b", "a", "c"), byAccuracy.rows.map { it.name })
        assertArrayEquals(intArrayOf(1, 2, 2), byAccuracy.ranks)
        val byLoss = SweepRanking.of(rows.map { it.copy(metrics = it.metrics - "test_accuracy") })!!
        assertEquals("test_loss", byLoss.metric)
        assertEquals(listOf("c", "b", "a"), byLoss.rows.map { it.name })
        assertNull(SweepRanking.of(listOf(rows[3])))
    }

    @Test
    fun `a grid sweep runs every combination and prints and reports them sorted by score`() {
        val file = dir.resolve("grid.json")
        Files.writeString(
            file,
            """
            { "name": "grid",
              "data": { "source": { "type": "generator", "generator": "make_blobs", "params": { "n_samples": 90, "centers": 3, "random_state": 4 } },
                        "split": { "test": 0.2, "stratify": true } },
              "network": "network < dense(4, tanh); dense(3, softmax) >",
              "training": { "loss": "softmax-ce", "optimizer": { "type": "sgd", "lr": 0.1 }, "epochs": 5, "batchSize": 16, "seed": 3 },
              "sweep": { "grid": { "training.optimizer.lr": [0.001, 0.1], "training.epochs": [2, 6] } } }
            """.trimIndent(),
        )
        val runs = dir.resolve("runs")
        val run = mlp("run", file.toString(), "--out", runs.toString())
        assertEquals(0, run.exitCode, run.out + run.err)
        val sweepDir = Files.list(runs).use { it.toList().single() }
        val summary = Files.readAllLines(sweepDir.resolve("summary.csv")).drop(1).map { it.substringBefore(",\"").removePrefix("\"") }
        assertEquals(4, summary.size)
        val lines = run.out.lines()
        val header = lines.indexOfFirst { it.startsWith("variations by test_accuracy (best first):") }
        assertTrue(header >= 0, run.out)
        val table = lines.subList(header + 2, header + 6).map { Regex("""^\s*(\d+)\s+(\S+)\s+(.+)$""").find(it)!!.groupValues }
        assertEquals(setOf("lr=0.001, epochs=2", "lr=0.001, epochs=6", "lr=0.1, epochs=2", "lr=0.1, epochs=6"), table.map { it[3] }.toSet())
        val scores = table.map { it[2].toDouble() }
        assertEquals(scores.sortedDescending(), scores)
        val report = Files.readString(sweepDir.resolve("report.html"))
        assertTrue("Variations by test_accuracy" in report, "the report has the sorted table")
        assertTrue("<b>Search results</b> (<code>search.png</code>). test_accuracy of the 4 variations that ended ok, best first; the best is " in report, "the report has the search picture")
        assertTrue(Files.isRegularFile(sweepDir.resolve("search.png")))
        assertTrue("cv_" !in Files.readAllLines(sweepDir.resolve("summary.csv")).first(), "a sweep without cv has no cv columns")
    }

    private fun cvGrid(parallelism: Int): Path {
        val file = dir.resolve("cv-grid-$parallelism.json")
        Files.writeString(
            file,
            """
            { "name": "cvgrid",
              "data": { "source": { "type": "generator", "generator": "make_blobs", "params": { "n_samples": 90, "centers": 3, "random_state": 4 } } },
              "network": "network < dense(4, tanh); dense(3, softmax) >",
              "training": { "loss": "softmax-ce", "optimizer": { "type": "sgd", "lr": 0.1 }, "epochs": 5, "batchSize": 16, "seed": 3 },
              "sweep": { "grid": { "training.optimizer.lr": [0.001, 0.1], "training.epochs": [2, 6] }, "cv": 3, "parallelism": $parallelism } }
            """.trimIndent(),
        )
        return file
    }

    @Test
    fun `a grid sweep with cv ranks the variations by their mean cross-validated score, with its std, and draws it with error bars`() {
        val runs = dir.resolve("cv-runs-1")
        val run = mlp("run", cvGrid(1).toString(), "--out", runs.toString())
        assertEquals(0, run.exitCode, run.out + run.err)
        val sweepDir = Files.list(runs).use { it.toList().single() }
        val summary = Files.readAllLines(sweepDir.resolve("summary.csv"))
        val header = summary.first().split(",")
        assertTrue("cv_validation_accuracy" in header && "cv_validation_accuracy_std" in header, summary.first())
        assertEquals(5, summary.size)
        val lines = run.out.lines()
        val top = lines.indexOfFirst { it.startsWith("variations by cv_validation_accuracy (best first):") }
        assertTrue(top >= 0, run.out)
        val table = lines.subList(top + 2, top + 6).map { Regex("""^\s*(\d+)\s+(\S+) ± (\S+)\s+(.+)$""").find(it)!!.groupValues }
        val means = table.map { it[2].toDouble() }
        assertEquals(means.sortedDescending(), means)
        // The printed mean and std are the summary's cv columns of that variation.
        val column = header.indexOf("cv_validation_accuracy")
        val best = summary.drop(1).single { it.startsWith("\"${table[0][4]}\"") }
        val cells = Regex(""""[^"]*"|[^,]+|(?<=,)(?=,)""").findAll(best).map { it.value }.toList()
        assertEquals(String.format(java.util.Locale.ROOT, "%.6f", cells[column].toDouble()), table[0][2])
        val report = Files.readString(sweepDir.resolve("report.html"))
        assertTrue("with ± the folds&#39; standard deviation; the best is ${table[0][4]}" in report, "the search picture has error bars")

        val again = dir.resolve("cv-runs-2")
        assertEquals(0, mlp("run", cvGrid(2).toString(), "--out", again.toString()).exitCode)
        val parallel = Files.readAllLines(Files.list(again).use { it.toList().single() }.resolve("summary.csv"))
        assertEquals(summary, parallel, "the same table at sweep parallelism 1 and 2")
    }
}
