package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import mlpkit.data.table.TableReader
import mlpkit.dsl.model.Model
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/** `mlp run` on a CSV table and `mlp predict` on text rows through the model's column pipeline. */
class PredictTableTest {
    @TempDir
    lateinit var dir: Path

    private fun run(island: String = "\"categorical\""): Pair<Path, CliRun> {
        PredictTableTest::class.java.getResourceAsStream("/mlpkit/data/tabular/penguins.csv")!!.use { Files.copy(it, dir.resolve("penguins.csv")) }
        val config = dir.resolve("penguins.json")
        Files.writeString(
            config,
            """
            {
              "name": "penguins",
              "data": { "source": { "type": "csv", "train": "penguins.csv", "label": "species",
                                    "columns": { "island": $island, "sex": { "missing": "mostFrequent" },
                                                 "bill_length_mm": { "missing": "mean" }, "bill_depth_mm": { "missing": "mean" },
                                                 "flipper_length_mm": { "missing": "mean" }, "body_mass_g": { "missing": "mean" } } },
                        "split": { "test": 0.2, "randomState": 0 }, "scaling": "standard" },
              "network": "network < dense(8, tanh); dense(3, softmax) >",
              "training": { "loss": "softmaxCrossEntropy", "optimizer": { "type": "adam", "lr": 0.02 }, "epochs": 20, "batchSize": 32, "seed": 1 }
            }
            """.trimIndent(),
        )
        val out = dir.resolve("runs")
        val result = mlp("run", config.toString(), "--out", out.toString(), "--no-report")
        assertEquals(0, result.exitCode, result.out + result.err)
        return Files.list(out).use { it.toList() }.single() to result
    }

    @Test
    fun `a run on a table prints what each column became, and predict prints class names as written`() {
        val (runDirectory, result) = run()
        assertTrue(result.outLines.contains("columns (fitted on the 275 training rows):"), result.out)
        assertTrue(
            result.outLines.contains(
                "  sex: categorical (inferred: not every value is a number), 2 categories (female, male), missing mostFrequent → 'male', unknown categories refused",
            ),
            result.out,
        )
        val input = dir.resolve("rows.csv")
        Files.writeString(input, "island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex,year\nBiscoe,46.1,13.2,211,4500,female,2007\nDream,NA,NA,NA,NA,NA,2008\n")
        val predicted = mlp("predict", runDirectory.toString(), input.toString())
        assertEquals(0, predicted.exitCode, predicted.out + predicted.err)
        val model = Model.load(runDirectory.resolve("model.json"))
        val expected = model.predictClasses(TableReader.read(input)).map { model.classNames!![it] }
        assertEquals(expected, predicted.outLines)
        assertTrue(predicted.outLines.all { it in setOf("Adelie", "Chinstrap", "Gentoo") })
    }

    @Test
    fun `predict refuses an unseen category with the file, line, column and value`() {
        val (runDirectory, _) = run()
        val input = dir.resolve("rows.csv")
        Files.writeString(input, "island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex,year\nAtlantis,46.1,13.2,211,4500,female,2007\n")
        val predicted = mlp("predict", runDirectory.toString(), input.toString())
        assertEquals(2, predicted.exitCode, predicted.out + predicted.err)
        assertTrue(predicted.err.contains("$input:2: column 'island': category 'Atlantis' was not seen in the training rows"), predicted.err)
    }

    @Test
    fun `data inspect shows the penguins table set`() {
        val inspected = mlp("data", "inspect", "penguins")
        assertEquals(0, inspected.exitCode, inspected.err)
        assertEquals("penguins: 344 samples × 10 features", inspected.outLines[0])
        val listed = mlp("data", "list")
        assertTrue(listed.outLines.any { it.startsWith("  penguins       classification, 344 × 10, 3 classes (Adelie, Chinstrap, Gentoo)") }, listed.out)
    }
}
