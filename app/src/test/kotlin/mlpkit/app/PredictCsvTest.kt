package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.io.TempDir

/**
 * CSV input never loses a row: `mlp data gen` writes a header, training on that file uses every row, and
 * `mlp predict` answers every row or refuses the file with exit 2 and the line and column.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PredictCsvTest {
    /** One folder for the class: the model is trained once, in [trainOnAGeneratedFile]. */
    private lateinit var dir: Path

    private lateinit var moons: Path
    private lateinit var model: String

    private val samples = 200

    private fun config(name: String, source: String): Path = dir.resolve("$name.json").also {
        Files.writeString(
            it,
            """
            {
              "name": "$name",
              "data": { "source": $source, "split": { "validation": 0.2, "test": 0.2 } },
              "network": "network < dense(8, tanh); dense(2, softmax) >",
              "training": { "loss": "softmax-ce", "optimizer": { "type": "adam", "lr": 0.05 }, "epochs": 3, "batchSize": 16, "seed": 1 }
            }
            """.trimIndent(),
        )
    }

    @BeforeAll
    fun trainOnAGeneratedFile(@TempDir folder: Path) {
        dir = folder
        moons = dir.resolve("moons.csv")
        val gen = mlp("data", "gen", "make_moons", "--n-samples", "$samples", "--noise", "0.1", "--random-state", "0", "--out", moons.toString())
        assertEquals(0, gen.exitCode, gen.err)
        val run = mlp("run", config("moons", """{ "type": "csv", "train": "moons.csv" }""").toString(), "--out", dir.resolve("runs").toString(), "--quiet", "--no-report")
        assertEquals(0, run.exitCode, run.err)
        model = Path.of(run.outLines.last().removePrefix("run directory: ")).resolve("model.json").toString()
    }

    private fun input(text: String): String = Files.createTempFile(dir, "in", ".csv").also { Files.writeString(it, text) }.toString()

    /** The moons file's feature rows without its header and label column. */
    private fun rawRows(): List<String> = Files.readAllLines(moons).drop(1).map { it.substringBeforeLast(',') }

    @Test
    fun `a file written by data gen has a header and trains with every row`() {
        assertEquals("x0,x1,label", Files.readAllLines(moons)[0])
        assertEquals(samples + 1, Files.readAllLines(moons).size)
        val experiment = ExperimentLoader.load(dir.resolve("moons.json"))
        val data = resolveData(experiment.spec, dir.resolve("moons.json"), "run")
        assertEquals(samples, data.train.size + data.validation!!.size + data.test!!.size)
        assertEquals(listOf("x0", "x1"), data.featureNames)
        assertTrue(Files.readString(Path.of(model)).contains("\"featureNames\": [\n    \"x0\",\n    \"x1\"\n  ]"))
    }

    @Test
    fun `a headerless file written by data gen also trains with every row`() {
        val plain = dir.resolve("plain.csv")
        assertEquals(0, mlp("data", "gen", "make_moons", "--n-samples", "50", "--random-state", "1", "--no-header", "--out", plain.toString()).exitCode)
        assertEquals(50, Files.readAllLines(plain).size)
        val file = config("plain", """{ "type": "csv", "train": "plain.csv" }""")
        val data = resolveData(ExperimentLoader.load(file).spec, file, "run")
        assertEquals(50, data.train.size + data.validation!!.size + data.test!!.size)
    }

    @Test
    fun `predict on the training file itself answers every row, the features chosen by name`() {
        val predicted = mlp("predict", model, moons.toString())
        assertEquals(0, predicted.exitCode, predicted.err)
        assertEquals(samples, predicted.outLines.size)
        val headerless = mlp("predict", model, input(rawRows().joinToString("\n")))
        assertEquals(predicted.out, headerless.out, "the same rows without header and label give the same answers")
        val reordered = mlp("predict", model, input("label,x1,x0\n" + Files.readAllLines(moons).drop(1).joinToString("\n") { line ->
            val (x0, x1, label) = line.split(',')
            "$label,$x1,$x0"
        }))
        assertEquals(predicted.out, reordered.out)
    }

    @Test
    fun `a byte order mark before a header or before a headerless first row costs no row`() {
        val rows = rawRows().take(5)
        val withHeader = mlp("predict", model, input("\uFEFFx0,x1\n" + rows.joinToString("\n")))
        assertEquals(0, withHeader.exitCode, withHeader.err)
        assertEquals(5, withHeader.outLines.size)
        val headerless = mlp("predict", model, input("\uFEFF" + rows.joinToString("\n")))
        assertEquals(withHeader.out, headerless.out)
    }

    @Test
    fun `a headerless first row with a missing value or a typo is refused at line 1 and its column`() {
        for ((row, got) in listOf(
            "0.5," to "got an empty field (missing values are not supported: fill or drop them first)",
            "0.5,1..5" to "got '1..5'",
            "O.5,1.5" to "got 'O.5'",
        )) {
            val file = input("$row\n1,2\n3,4\n")
            val run = mlp("predict", model, file)
            assertEquals(2, run.exitCode, row)
            val column = if (row.startsWith("O")) 1 else 2
            assertEquals(
                listOf(
                    "mlp predict: $file:1: column $column: expected a number, $got (line 1 is read as data because it does not hold " +
                        "the column names x0, x1; if it is a header, use --header)",
                ),
                run.errLines,
                row,
            )
            assertEquals("", run.out)
        }
    }

    @Test
    fun `NaN, Inf, 1e400, hexadecimal and NUL are refused with exit 2, the line and the column`() {
        for (value in listOf("NaN", "Inf", "-inf", "1e400", "0x1p3", "1\u00002")) {
            val file = input("x0,x1\n0.5,1.5\n1,$value\n")
            val run = mlp("predict", model, file)
            assertEquals(2, run.exitCode, value)
            assertEquals(1, run.errLines.size, run.err)
            assertTrue(run.errLines[0].startsWith("mlp predict: $file:3: column 2 ('x1'): expected a number, got '"), run.err)
            assertTrue('\u0000' !in run.err, "the message shows control characters escaped")
            assertEquals("", run.out)
        }
    }

    @Test
    fun `--header and --no-header decide the first line, and a missing column name is refused`() {
        val other = input("a,b\n0.5,1.5\n")
        val refused = mlp("predict", model, other, "--header")
        assertEquals(2, refused.exitCode)
        assertEquals(
            listOf("mlp predict: $other:1: the header has no column 'x0'; expected the columns x0, x1 (got a, b): rename the header's columns to these names"),
            refused.errLines,
        )
        val numbers = input("0.5,1.5\n1,2\n")
        val noHeader = mlp("predict", model, numbers, "--no-header")
        assertEquals(0, noHeader.exitCode, noHeader.err)
        assertEquals(2, noHeader.outLines.size)
        val header = mlp("predict", model, numbers, "--header")
        assertEquals(2, header.exitCode)
        assertEquals(
            listOf(
                "mlp predict: $numbers:1: a header line was asked for (--header), but line 1 holds only numbers, so it is a data row: " +
                    "use --no-header to read it as data, or add a line of column names",
            ),
            header.errLines,
        )
        val named = mlp("predict", model, input("x0,x1\n0.5,1.5\n"), "--no-header")
        assertEquals(2, named.exitCode)
        assertTrue(named.errLines.single().endsWith(":1: column 1: expected a number, got 'x0'"), named.err)
    }

    @Test
    fun `a wrong column count names the line and both counts`() {
        val file = input("0.5,1.5\n1,2,3\n")
        val run = mlp("predict", model, file)
        assertEquals(2, run.exitCode)
        assertEquals(listOf("mlp predict: $file:2: expected 2 columns (one per feature), got 3: check for a missing or extra ','"), run.errLines)
    }

    @Test
    fun `an explicit header on a line of numbers is refused in the JSON config's words`() {
        val plain = dir.resolve("numbers.csv")
        Files.writeString(plain, "0.5,1.5,0\n1,2,1\n3,4,0\n")
        val run = mlp("run", config("numbers", """{ "type": "csv", "train": "numbers.csv", "header": true }""").toString(), "--out", dir.resolve("runs2").toString())
        assertEquals(2, run.exitCode, run.out)
        assertEquals(
            listOf(
                "${dir.resolve("numbers.json")}: $plain:1: a header line was asked for (\"header\": true), but line 1 holds only numbers, so it is a data row: " +
                    "use \"header\": false to read it as data, or add a line of column names",
            ),
            run.errLines,
        )
        assertTrue(Files.notExists(dir.resolve("runs2")), "nothing is created for a refused run")
    }
}
