package mlpkit.app.report

import java.nio.file.Files
import java.nio.file.Path
import mlpkit.app.ExpectationTable
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

class RunReportTest {
    @TempDir
    lateinit var dir: Path

    private val record = RunRecord.of(ReportFixtures.moons)

    @Test
    fun `the report holds every section, the pictures inline and no address outside the page`() {
        val err = java.io.ByteArrayOutputStream()
        val report = ReportWriter("run", java.io.PrintStream(err, true, Charsets.UTF_8))
            .writeRun(dir, record, null, ReportFixtures::resolve)!!
        assertEquals("", err.toString(Charsets.UTF_8))
        assertEquals(dir.resolve("report.html"), report)
        val html = Files.readString(report)
        for (id in listOf("expectations", "metrics", "reports", "pictures", "network", "spec")) {
            assertTrue(html.contains("<section id=\"$id\">"), "section $id")
        }
        val pngs = listOf("loss.png", "accuracy.png", "roc.png", "confusion.png", "boundary.png")
        for (png in pngs) assertTrue(Files.size(dir.resolve(png)) > 5_000, png)
        assertEquals(pngs.size, Regex("""<img [^>]*src="data:image/png;base64,""").findAll(html).count())
        assertFalse(Regex("https?://").containsMatchIn(html), "no external reference")
        assertFalse(html.contains("<script"), "no script")
        // The expectation row as verify prints it, and the notation and both classification reports.
        val accuracy = ExpectationTable.figure(ReportFixtures.moons.metric("test_accuracy"))
        assertTrue(html.contains("<td>test_accuracy</td><td class=\"num\">0.9500</td><td class=\"num\">≥ 0.9</td><td class=\"num\">$accuracy</td><td class=\"pass\">pass</td>"), html)
        assertTrue(html.contains("network &lt; dense(10, relu, weights=heNormal); dense(2, softmax, weights=heNormal) &gt;"))
        assertTrue(html.contains("<h3>train part</h3>") && html.contains("<h3>test part</h3>"))
        assertTrue(html.contains("macro avg"))
    }

    @Test
    fun `a picture that cannot be written is left out of the report with a note, and the rest is written`() {
        // A directory in the way of loss.png: the atomic rename onto it fails.
        Files.createDirectories(dir.resolve("loss.png").resolve("occupied"))
        Files.writeString(dir.resolve("model.json"), "kept")
        val err = java.io.ByteArrayOutputStream()
        val report = ReportWriter("run", java.io.PrintStream(err, true, Charsets.UTF_8))
            .writeRun(dir, record, null, ReportFixtures::resolve)
        val lines = err.toString(Charsets.UTF_8).lines().filter { it.isNotEmpty() }
        assertEquals(1, lines.size, lines.toString())
        assertTrue(lines[0].startsWith("mlp run: could not write loss.png ("), lines[0])
        assertTrue(lines[0].endsWith("; the model, history and metrics in $dir are complete (--no-report skips pictures and reports)"), lines[0])
        assertEquals("kept", Files.readString(dir.resolve("model.json")))
        val html = Files.readString(report!!)
        assertFalse(html.contains("(<code>loss.png</code>)"), "no figure for the missing picture")
        assertTrue(html.contains("could not write loss.png"), "the report says what is missing")
        assertTrue(Files.isRegularFile(dir.resolve("accuracy.png")))
    }

    @Test
    fun `the report of a distributed run says what trained it, and a local run's report says nothing of it`() {
        val table = ExpectationTable.of(emptyList(), record.metrics.metrics)
        val trainedOn = "Spark 4.2.0, master local[2], strategy averaging, 2 partitions"
        val distributed = RunRecord(record.metrics.copy(trainedOn = trainedOn), record.model)
        assertTrue(RunReport.html(distributed, table, emptyList(), emptyList(), "moons-1", "0").contains("<p class=\"meta\">Trained on $trainedOn</p>"))
        assertFalse(RunReport.html(record, table, emptyList(), emptyList(), "moons-1", "0").contains("Trained on"))
    }
}
