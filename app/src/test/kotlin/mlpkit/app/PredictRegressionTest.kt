package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import mlpkit.core.matrix.DenseMatrix
import mlpkit.dsl.model.Model
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/** `mlp predict` on a regression model prints its values, in the targets' units, headed by the target names. */
class PredictRegressionTest {
    @TempDir
    lateinit var dir: Path

    /** Trains linnerud (3 targets: Weight, Waist, Pulse) with standard target scaling and returns the model file. */
    private fun linnerudModel(): Path {
        val config = dir.resolve("linnerud.json")
        Files.writeString(
            config,
            """
            {
              "name": "linnerud",
              "data": { "source": { "type": "builtin", "set": "linnerud" }, "scaling": "standard", "targetScaling": "standard" },
              "network": "network < dense(8, tanh); dense(3, identity) >",
              "training": { "loss": "mse", "optimizer": { "type": "adam", "lr": 0.01 }, "epochs": 50, "batchSize": 5, "seed": 1 }
            }
            """.trimIndent(),
        )
        val out = dir.resolve("runs")
        val run = mlp("run", config.toString(), "--out", out.toString(), "--quiet")
        assertEquals(0, run.exitCode, run.out + run.err)
        return Files.walk(out).use { s -> s.filter { it.fileName.toString() == "model.json" }.findFirst().get() }
    }

    @Test
    fun `predict prints one column per output under linnerud's target names, in the targets' units`() {
        val model = linnerudModel()
        // Chins, Situps, Jumps of the first two linnerud rows.
        val input = dir.resolve("rows.csv")
        Files.writeString(input, "5,162,60\n2,110,60\n")
        val run = mlp("predict", model.toString(), input.toString())
        assertEquals(0, run.exitCode, run.out + run.err)
        assertEquals(listOf("Weight,Waist,Pulse"), run.outLines.take(1))
        val values = run.outLines.drop(1).map { line -> line.split(",").map { it.toDouble() } }
        val expected = Model.load(model).predict(DenseMatrix.of(arrayOf(doubleArrayOf(5.0, 162.0, 60.0), doubleArrayOf(2.0, 110.0, 60.0))))
        assertEquals(2, values.size)
        for (r in 0 until 2) for (c in 0 until 3) assertEquals(expected.getEntry(r, c), values[r][c], 0.0, "row $r, output $c")
        // In the targets' units: weights of linnerud's men lie in 138..247 pounds, not around 0 as the scaled targets do.
        assertTrue(values.all { it[0] in 100.0..300.0 }, run.out)
    }

    @Test
    fun `predict with --out writes the same CSV to the file`() {
        val model = linnerudModel()
        val input = dir.resolve("rows.csv")
        Files.writeString(input, "5,162,60\n")
        val file = dir.resolve("predictions.csv")
        val run = mlp("predict", model.toString(), input.toString(), "--out", file.toString())
        assertEquals(0, run.exitCode, run.out + run.err)
        val printed = mlp("predict", model.toString(), input.toString())
        assertEquals(printed.out, Files.readString(file))
        assertTrue(Files.readString(file).startsWith("Weight,Waist,Pulse\n"))
    }

    /** Trains on a CSV written here, `rooms,age,price` with price = 50·rooms − age + 100, and returns the model file. */
    private fun csvModel(header: Boolean): Path {
        val rows = (0 until 40).joinToString("\n") { i ->
            val rooms = 1 + i % 5
            val age = (i * 7) % 30
            "$rooms,$age,${50 * rooms - age + 100}"
        }
        val csv = dir.resolve(if (header) "houses.csv" else "houses-no-header.csv")
        Files.writeString(csv, (if (header) "rooms,age,price\n" else "") + rows + "\n")
        val config = dir.resolve(if (header) "houses.json" else "houses-no-header.json")
        Files.writeString(
            config,
            """
            {
              "name": "houses",
              "data": { "source": { "type": "csv", "train": "${csv.fileName}", "regression": true, "header": $header },
                        "scaling": "standard", "targetScaling": "standard" },
              "network": "network < dense(4, tanh); dense(1, identity) >",
              "training": { "loss": "mse", "optimizer": { "type": "adam", "lr": 0.01 }, "epochs": 5, "batchSize": 8, "seed": 1 }
            }
            """.trimIndent(),
        )
        val out = dir.resolve(if (header) "runs-houses" else "runs-houses-no-header")
        val run = mlp("run", config.toString(), "--out", out.toString(), "--quiet", "--no-report")
        assertEquals(0, run.exitCode, run.out + run.err)
        return Files.walk(out).use { s -> s.filter { it.fileName.toString() == "model.json" }.findFirst().get() }
    }

    @Test
    fun `a regression CSV's label header is recorded as the model's target names and heads predict's output`() {
        val model = csvModel(header = true)
        assertEquals(listOf("price"), Model.load(model).file.targetNames)
        assertEquals(listOf("rooms", "age"), Model.load(model).file.featureNames)
        val input = dir.resolve("new-houses.csv")
        Files.writeString(input, "rooms,age\n3,10\n")
        val run = mlp("predict", model.toString(), input.toString())
        assertEquals(0, run.exitCode, run.out + run.err)
        assertEquals("price", run.outLines[0])
        val expected = Model.load(model).predict(DenseMatrix.of(arrayOf(doubleArrayOf(3.0, 10.0)))).getEntry(0, 0)
        assertEquals(listOf(expected), run.outLines.drop(1).map { it.toDouble() })
    }

    @Test
    fun `a regression CSV without a header gives no target names and predict prints the bare values`() {
        val model = csvModel(header = false)
        assertEquals(null, Model.load(model).file.targetNames)
        val input = dir.resolve("new-houses.csv")
        Files.writeString(input, "3,10\n")
        val run = mlp("predict", model.toString(), input.toString())
        assertEquals(0, run.exitCode, run.out + run.err)
        val expected = Model.load(model).predict(DenseMatrix.of(arrayOf(doubleArrayOf(3.0, 10.0)))).getEntry(0, 0)
        assertEquals(listOf(expected), run.outLines.map { it.toDouble() })
    }
}
