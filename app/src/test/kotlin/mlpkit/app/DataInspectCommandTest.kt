package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import mlpkit.data.idx.IdxArray
import mlpkit.data.idx.IdxWriter
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

class DataInspectCommandTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `the built-in digits show scikit-learn's shape, range and label counts`() {
        val run = mlp("data", "inspect", "digits")
        assertEquals(0, run.exitCode, run.err)
        assertEquals("digits: 1797 samples × 64 features", run.outLines[0])
        assertEquals("  feature values: min 0, max 16", run.outLines[2])
        assertEquals("  classes: 10", run.outLines[3])
        // sklearn: np.bincount(load_digits().target) = [178 182 177 183 181 182 181 179 174 180]
        val counts = run.outLines.drop(5).map { it.trim().split(Regex("\\s+")).last().toInt() }
        assertEquals(listOf(178, 182, 177, 183, 181, 182, 181, 179, 174, 180), counts)
    }

    @Test
    fun `a csv without a header is recognised and its labels counted`() {
        val csv = dir.resolve("moons.csv")
        Files.writeString(csv, "0.5,1.25,0\n-1,2,1\n3,-4.5,1\n")
        val run = mlp("data", "inspect", csv.toString())
        assertEquals(0, run.exitCode, run.err)
        assertEquals(
            listOf(
                "moons: 3 samples × 2 features",
                "  stored as: CSV text, read as doubles (no header)",
                "  feature values: min -4.5, max 3",
                "  classes: 2",
                "    class  label  count",
                "    0          0  1",
                "    1          1  2",
            ),
            run.outLines,
        )
    }

    @Test
    fun `a csv with a header and a regression target shows the target's range`() {
        val csv = dir.resolve("house.csv")
        Files.writeString(csv, "rooms,area,price\n3,70.5,210000\n5,120,395000.5\n")
        val run = mlp("data", "inspect", "--regression", csv.toString())
        assertEquals(0, run.exitCode, run.err)
        assertEquals("  stored as: CSV text, read as doubles (first line is a header)", run.outLines[1])
        assertEquals("    target 0: min 210000, max 395000.5", run.outLines.last())
    }

    @Test
    fun `an idx label file is recognised by its content whatever its name`() {
        val file = dir.resolve("labels.csv")   // a misleading name: the content decides
        Files.write(file, IdxWriter.toBytes(IdxArray.ofUnsignedBytes(intArrayOf(5), byteArrayOf(3, 1, 3, 3, 2)), gzip = true))
        val run = mlp("data", "inspect", file.toString())
        assertEquals(0, run.exitCode, run.err)
        assertEquals(
            listOf("$file: IDX unsigned byte, shape 5 (5 values)", "  values: min 1, max 3", "  value counts (a label file):",
                "        1  1", "        2  1", "        3  3"),
            run.outLines,
        )
    }

    @Test
    fun `a bad file gives one line naming the file and the problem and exit 2`() {
        val csv = dir.resolve("bad.csv")
        Files.writeString(csv, "1,2,0\n3,x,1\n")
        val run = mlp("data", "inspect", csv.toString())
        assertEquals(2, run.exitCode)
        assertEquals(1, run.errLines.size, run.err)
        assertTrue(run.errLines[0].startsWith("mlp data inspect: "), run.err)
        assertTrue(run.errLines[0].contains("bad.csv:2: column 2"), run.err)
        val missing = mlp("data", "inspect", dir.resolve("none.csv").toString())
        assertEquals(2, missing.exitCode)
        assertEquals(listOf("mlp data inspect: ${dir.resolve("none.csv")}: no such file (give a CSV or IDX file, or one of digits, iris, wine, breast-cancer, diabetes, linnerud, penguins, mnist, fashion-mnist)"),
            missing.errLines)
    }
}
