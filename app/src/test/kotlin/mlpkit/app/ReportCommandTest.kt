package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import javax.imageio.ImageIO
import kotlin.io.path.listDirectoryEntries
import kotlin.io.path.name
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

class ReportCommandTest {
    @TempDir
    lateinit var dir: Path

    private fun moonsFile(sweep: String = "", expect: String = """{ "metric": "test_accuracy", "atLeast": 0.8, "article": 0.9 }"""): Path {
        val file = dir.resolve("moons.json")
        Files.writeString(
            file,
            """
            {
              "name": "moons",
              "data": { "source": { "type": "generator", "generator": "make_moons", "params": { "n_samples": 80, "noise": 0.1, "random_state": 0 } },
                        "split": { "test": 0.25, "stratify": true } },
              "network": "network < dense(8, tanh); dense(1, sigmoid) >",
              "training": { "loss": "bce", "optimizer": { "type": "adam", "lr": 0.05 }, "epochs": 40, "batchSize": "full", "seed": 1 },
              "expect": [ $expect ]$sweep
            }
            """.trimIndent(),
        )
        return file
    }

    private fun onlyRunDirectory(root: Path): Path = root.listDirectoryEntries().single()

    @Test
    fun `run writes the pictures and report beside the model and says where the report is`() {
        val runs = dir.resolve("runs")
        val run = mlp("run", moonsFile().toString(), "--out", runs.toString(), "--quiet")
        assertEquals(0, run.exitCode, run.err)
        assertEquals("", run.err)
        val runDir = onlyRunDirectory(runs)
        assertEquals(listOf("report: ${runDir.resolve("report.html")}", "run directory: $runDir"), run.outLines.takeLast(2))
        assertEquals(
            listOf("accuracy.png", "boundary.png", "confusion.png", "history.csv", "loss.png", "metrics.json", "model.json", "report.html", "roc.png", "spec.json"),
            runDir.listDirectoryEntries().map { it.name }.sorted(),
        )
        val boundary = ImageIO.read(runDir.resolve("boundary.png").toFile())
        assertEquals(900 to 640, boundary.width to boundary.height)
        assertTrue(Files.readString(runDir.resolve("report.html")).contains("<td class=\"pass\">pass</td>"))
    }

    @Test
    fun `--no-report writes only the run's own files`() {
        val runs = dir.resolve("runs")
        val run = mlp("run", moonsFile().toString(), "--out", runs.toString(), "--quiet", "--no-report")
        assertEquals(0, run.exitCode, run.err)
        assertEquals(listOf("history.csv", "metrics.json", "model.json", "spec.json"), onlyRunDirectory(runs).listDirectoryEntries().map { it.name }.sorted())
        assertTrue(run.outLines.none { it.startsWith("report: ") })
    }

    @Test
    fun `verify prints the article's figure, our bar and our value side by side and passes when all are met`() {
        val file = moonsFile(expect = """{ "metric": "test_accuracy", "atLeast": 0.8, "article": 0.9 }, { "metric": "train_loss", "atMost": 2.0 }""")
        val verify = mlp("verify", file.toString(), "--out", dir.resolve("v").toString(), "--quiet", "--no-report")
        assertEquals(0, verify.exitCode, verify.out + verify.err)
        val header = verify.outLines.indexOf("metric         article  our bar  ours    result")
        assertTrue(header >= 0, verify.out)
        assertTrue(Regex("""test_accuracy  0\.9000   ≥ 0\.8    [01]\.\d{4}  pass""").matches(verify.outLines[header + 1]), verify.outLines[header + 1])
        assertTrue(Regex("""train_loss     –        ≤ 2      0\.\d{4}  pass""").matches(verify.outLines[header + 2]), verify.outLines[header + 2])
        assertTrue(verify.outLines.contains("verify: all 2 expectations met"), verify.out)
    }

    @Test
    fun `a sweep writes its curve with the elbow and a report that links every variation's own report`() {
        val variations = listOf(1, 2, 4, 8).joinToString(", ") { k ->
            """{ "name": "h$k", "patch": { "network": "network < dense($k, tanh); dense(1, sigmoid) >" } }"""
        }
        val file = moonsFile(sweep = """, "sweep": { "variations": [ $variations ], "parallelism": 2 }""")
        val runs = dir.resolve("runs")
        val run = mlp("run", file.toString(), "--out", runs.toString(), "--quiet")
        assertEquals(0, run.exitCode, run.err)
        val sweepDir = onlyRunDirectory(runs)
        val curveLine = run.outLines.single { it.startsWith("sweep curve: ") }
        assertTrue(curveLine.startsWith("sweep curve: test_auc against k in \$.network = network < dense(k, tanh); dense(1, sigmoid) >; "), curveLine)
        assertTrue(ImageIO.read(sweepDir.resolve("sweep.png").toFile()).width == 900)
        val html = Files.readString(sweepDir.resolve("report.html"))
        val variationDirs = sweepDir.listDirectoryEntries().filter { Files.isDirectory(it) }
        assertEquals(4, variationDirs.size)
        for (variation in variationDirs) {
            assertTrue(Files.isRegularFile(variation.resolve("report.html")), variation.name)
            assertTrue(html.contains("<a href=\"${variation.name}/report.html\">"), variation.name)
        }
    }
}
