package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

class DataGenCommandTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `make_moons prints scikit-learn's numbers for the same random state`() {
        val run = mlp("data", "gen", "make_moons", "--n-samples", "100", "--noise", "0.1", "--random-state", "0")
        assertEquals(0, run.exitCode, run.err)
        assertEquals("x0,x1,label", run.outLines[0], "a header line comes first")
        assertEquals(101, run.outLines.size)
        // sklearn 1.2.1: X, y = make_moons(n_samples=100, noise=0.1, random_state=0); rows 0, 1 and 99 as '%.17g'
        val expected = listOf(
            doubleArrayOf(-0.053483686060716552, 0.99258199460222007, 0.0),
            doubleArrayOf(1.8198998735095437, -0.17559998736143725, 1.0),
        )
        for ((row, values) in expected.withIndex()) {
            val fields = run.outLines[row + 1].split(',').map { it.toDouble() }
            assertEquals(3, fields.size)
            for (j in 0..1) assertEquals(values[j], fields[j], 1e-12 * Math.abs(values[j]), "row $row column $j")
            assertEquals(values[2], fields[2], 0.0, "label of row $row")
        }
        assertEquals(50, run.outLines.count { it.endsWith(",1") }, "make_moons puts half the samples in each moon")
    }

    @Test
    fun `snake case, kebab case and the equals form give the same data`() {
        val kebab = mlp("data", "gen", "make_blobs", "--n-samples", "7", "--centers", "0,0;4,4", "--random-state", "3")
        val snake = mlp("data", "gen", "make_blobs", "--n_samples=7", "--centers=0,0;4,4", "--random_state", "3")
        assertEquals(0, kebab.exitCode, kebab.err)
        assertEquals(kebab.out, snake.out)
        assertEquals(8, kebab.outLines.size)
    }

    @Test
    fun `a header line is written by default and left out with --no-header, and an output file is written on request`() {
        val file = dir.resolve("circles.csv")
        val run = mlp("data", "gen", "make_circles", "--n-samples", "10", "--random-state", "1", "--header", "--out", file.toString())
        assertEquals(0, run.exitCode, run.err)
        assertEquals("", run.out)
        val lines = Files.readAllLines(file)
        assertEquals("x0,x1,label", lines[0])
        assertEquals(11, lines.size)
        val plain = mlp("data", "gen", "make_circles", "--n-samples", "10", "--random-state", "1", "--no-header")
        assertEquals(lines.drop(1), plain.outLines)
    }

    @Test
    fun `bad parameters give one line with exit 2 and leave an existing output file alone`() {
        val file = dir.resolve("keep.csv")
        Files.writeString(file, "precious\n")
        val cases = mapOf(
            listOf("make_moons", "--noise", "-1") to "mlp data gen: make_moons: --noise: expected number ≥ 0 or none, got -1",
            listOf("make_moonz") to "mlp data gen: unknown generator 'make_moonz': known generators are make_classification, make_moons, make_circles, make_blobs, make_regression",
            listOf("make_moons", "--n-sample", "3") to "mlp data gen: make_moons has no parameter 'n_sample': known parameters are n_samples, shuffle, noise, random_state",
            listOf("make_moons", "--noise") to "mlp data gen: --noise needs a value (e.g. --noise 10; see 'mlp data list')",
            listOf("make_moons", "100") to "mlp data gen: expected a parameter such as --n-samples, got '100' (values follow their parameter: --noise 0.1)",
        )
        for ((args, message) in cases) {
            val run = mlp("data", "gen", *args.toTypedArray(), "--out", file.toString())
            assertEquals(2, run.exitCode, args.toString())
            assertEquals(listOf(message), run.errLines, args.toString())
        }
        assertEquals("precious\n", Files.readString(file))
        assertFalse(Files.list(dir).use { s -> s.anyMatch { it.fileName.toString().contains(".part") } })
    }

    @Test
    fun `data list shows every generator with its parameters and the built-in sets`() {
        val run = mlp("data", "list")
        assertEquals(0, run.exitCode, run.err)
        assertTrue(run.outLines[1].startsWith("  digits         classification, 1797 × 64, 10 classes"), run.out)
        for (name in listOf("make_classification", "make_moons", "make_circles", "make_blobs", "make_regression")) {
            assertTrue(run.outLines.any { it.startsWith("  $name: ") }, "$name listed")
        }
        assertTrue(run.outLines.any { it.startsWith("    --noise") && it.contains("(default none)") }, run.out)
    }
}
