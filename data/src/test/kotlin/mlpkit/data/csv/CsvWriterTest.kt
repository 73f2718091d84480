package mlpkit.data.csv

import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.ClassLabels
import mlpkit.data.Dataset
import mlpkit.data.DenseFeatures
import mlpkit.data.RegressionTargets
import org.apache.commons.math3.random.MersenneTwister
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import java.io.StringReader
import java.nio.file.Files
import java.nio.file.Path

class CsvWriterTest {
    @TempDir
    lateinit var folder: Path

    private fun text(dataset: Dataset, options: CsvWriteOptions = CsvWriteOptions()): String =
        StringBuilder().also { CsvWriter.write(dataset, it, options) }.toString()

    private val small = Dataset(
        "small",
        DenseFeatures.of(
            arrayOf(
                doubleArrayOf(2.0409191213851823e-06, -255566.50313141817),
                doubleArrayOf(4.180988467257788e-07, -56776.96061279298),
                doubleArrayOf(-4.5264929211044584e-07, -21559.71630897659),
            ),
        ),
        ClassLabels(intArrayOf(0, 2, 1), listOf("cat", "dog", "eel")),
    )

    @Test
    fun `features then the label are written with 17 significant digits, byte for byte as numpy savetxt`() {
        // np.savetxt(f, np.column_stack([x, y]), fmt='%.17g', delimiter=',') with x, y as in `small`.
        val numpy = "2.0409191213851823e-06,-255566.50313141817,0\n" +
            "4.1809884672577882e-07,-56776.96061279298,2\n" +
            "-4.5264929211044584e-07,-21559.716308976589,1\n"
        assertEquals(numpy, text(small, CsvWriteOptions(header = false)))
    }

    @Test
    fun `a header names features x0, x1, … and the label column label`() {
        assertEquals("x0,x1,label", text(small).lines().first())
        assertEquals("y", text(regression(outputs = 1)).lines().first().substringAfterLast(','))
        assertEquals("x0,x1,x2,y0,y1", text(regression(outputs = 2)).lines().first())
    }

    @Test
    fun `given names, another delimiter and class names can be written`() {
        val written = text(small, CsvWriteOptions(delimiter = ';', featureNames = listOf("a", "b, quoted"), targetNames = listOf("animal"), classNamesAsLabels = true))
        val lines = written.lines()
        assertEquals("a;b, quoted;animal", lines[0])
        assertEquals(listOf("cat", "eel", "dog"), lines.drop(1).filter { it.isNotEmpty() }.map { it.substringAfterLast(';') })
    }

    @Test
    fun `class labels read back to the same numbers and class names`() {
        val written = text(small, CsvWriteOptions(classNamesAsLabels = true))
        val back = CsvLoader.load(StringReader(written), "small.csv")
        assertEquals(listOf("cat", "dog", "eel"), back.classLabels.classNames)
        assertArrayEquals(small.classLabels.labels, back.classLabels.labels)
        assertArrayEquals(small.features.toMatrix().data(), back.features.toMatrix().data())
    }

    @Test
    fun `random values and regression targets read back exactly`() {
        val data = regression(outputs = 2, rows = 500)
        val back = CsvLoader.load(
            StringReader(text(data)),
            "r.csv",
            CsvReadOptions(target = CsvTarget.Regression(listOf(CsvColumn.named("y0"), CsvColumn.named("y1")))),
        )
        assertArrayEquals(data.features.toMatrix().data(), back.features.toMatrix().data())
        assertArrayEquals((data.targets as RegressionTargets).values.data(), (back.targets as RegressionTargets).values.data())
    }

    @Test
    fun `a gzip file is written and read back, with missing folders created`() {
        val file = folder.resolve("made/here/small.csv.gz")
        CsvWriter.write(small, file)
        val back = CsvLoader.load(file)
        assertEquals("small", back.name)
        assertArrayEquals(small.features.toMatrix().data(), back.features.toMatrix().data())
        assertArrayEquals(small.classLabels.labels, back.classLabels.labels)
    }

    @Test
    fun `a failed write leaves an existing file untouched and no temporary file behind`() {
        val file = folder.resolve("keep.csv")
        Files.writeString(file, "precious\n")
        val broken = Dataset("broken", DenseFeatures.of(arrayOf(doubleArrayOf(1.0), doubleArrayOf(Double.NaN))), ClassLabels(intArrayOf(0, 1)))
        val error = assertThrows<IllegalArgumentException> { CsvWriter.write(broken, file) }
        assertEquals(
            "cannot write 'broken' as CSV: row 2, column 1 holds NaN, which a CSV of numbers cannot hold (CsvLoader would reject it): " +
                "fill or drop non-finite values first",
            error.message,
        )
        assertEquals("precious\n", Files.readString(file))
        assertEquals(listOf("keep.csv"), Files.list(folder).use { files -> files.map { it.fileName.toString() }.toList() })
    }

    @Test
    fun `an existing file is replaced by a complete write`() {
        val file = folder.resolve("out.csv")
        Files.writeString(file, "old\n")
        CsvWriter.write(small, file, CsvWriteOptions(header = false))
        assertEquals(text(small, CsvWriteOptions(header = false)), Files.readString(file))
    }

    @Test
    fun `the wrong number of names is a clear error`() {
        assertEquals(
            "'small' has 2 features but 1 feature names were given: give one name per feature",
            assertThrows<IllegalArgumentException> { text(small, CsvWriteOptions(featureNames = listOf("a"))) }.message,
        )
        assertEquals(
            "'small' has 1 target column(s) but 2 target names were given: give one name per target column",
            assertThrows<IllegalArgumentException> { text(small, CsvWriteOptions(targetNames = listOf("a", "b"))) }.message,
        )
    }

    private fun regression(outputs: Int, rows: Int = 3): Dataset {
        val random = MersenneTwister(11)
        val x = DenseMatrix(rows, 3, DoubleArray(rows * 3) { random.nextGaussian() * Math.pow(10.0, random.nextInt(12) - 6.0) })
        val y = DenseMatrix(rows, outputs, DoubleArray(rows * outputs) { random.nextGaussian() * 1e3 })
        return Dataset("r", DenseFeatures(x), RegressionTargets(y))
    }
}
