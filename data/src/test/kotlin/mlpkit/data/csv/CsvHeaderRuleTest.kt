package mlpkit.data.csv

import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import java.io.StringReader
import java.nio.file.Files
import java.nio.file.Path
import java.util.zip.GZIPOutputStream

/** The header rule and the value rule, for data sets (training) and features (`predict`) alike. */
class CsvHeaderRuleTest {
    @TempDir
    lateinit var folder: Path

    private fun table(text: String, options: CsvReadOptions = CsvReadOptions()) = CsvLoader.read(StringReader(text), "data.csv", options)

    private fun tableFailure(text: String, options: CsvReadOptions = CsvReadOptions()): CsvFormatException =
        assertThrows { table(text, options) }

    private fun features(text: String, options: CsvFeatureOptions) = CsvLoader.loadFeatures(StringReader(text), "in.csv", options)

    private fun featureFailure(text: String, options: CsvFeatureOptions): CsvFormatException = assertThrows { features(text, options) }

    private val predictWords = CsvHeaderSwitch("--header", "--no-header")

    @Test
    fun `without a header setting a headerless file keeps its first row`() {
        val read = table("1,2,0\n3,4,1\n5,6,0\n")
        assertEquals(3, read.dataset.size)
        assertEquals(listOf(1.0, 2.0), read.dataset.features.row(0).toList())
        assertNull(read.featureNames)
    }

    @Test
    fun `without a header setting a first line without numbers is the header and names the features`() {
        val read = table("x0,x1,label\n1,2,0\n3,4,1\n")
        assertEquals(2, read.dataset.size)
        assertEquals(listOf("x0", "x1"), read.featureNames)
        val byName = table("label,b,a\n1,2,3\n", CsvReadOptions(target = CsvTarget.ClassLabel(CsvColumn.named("label"))))
        assertEquals(listOf("b", "a"), byName.featureNames)
    }

    @Test
    fun `a headerless first row with a typo is an error at line 1 naming the column and the header setting`() {
        assertEquals(
            "data.csv:1: column 2: expected a number, got '2..5' " +
                "(line 1 is read as data because some of its fields are numbers; if it is a header, use \"header\": true)",
            tableFailure("1,2..5,0\n3,4,1\n", CsvReadOptions(headerSwitch = CsvHeaderSwitch("\"header\": true", "\"header\": false"))).message,
        )
        assertEquals(
            "data.csv:1: column 1: expected a number, got an empty field (missing values are not supported: fill or drop them first) " +
                "(line 1 is read as data because some of its fields are numbers; if it is a header, use header = true)",
            tableFailure(",2,0\n3,4,1\n").message,
        )
    }

    @Test
    fun `a byte order mark before a headerless first row is dropped and the row kept`() {
        val read = table("\uFEFF1.5,2,0\n3,4,1\n")
        assertEquals(2, read.dataset.size)
        assertEquals(listOf(1.5, 2.0), read.dataset.features.row(0).toList())
        assertEquals(listOf("a", "b"), table("\uFEFFa,b,label\n1,2,0\n").featureNames)
    }

    @Test
    fun `an explicit header on a line of numbers is refused with the line and the fix`() {
        val error = tableFailure("\n1,2,0\n3,4,1\n", CsvReadOptions(header = true))
        assertEquals(
            "data.csv:2: a header line was asked for (header = true), but line 2 holds only numbers, so it is a data row: " +
                "use header = false to read it as data, or add a line of column names",
            error.message,
        )
        assertEquals(2L, error.line)
        assertEquals(1, table("x,1,label\n1,2,0\n", CsvReadOptions(header = true)).dataset.size, "names may be numbers when some are not")
    }

    @Test
    fun `header false reads a line of names as data and reports it`() {
        assertEquals("data.csv:1: column 1: expected a number, got 'a'", tableFailure("a,b,label\n1,2,0\n", CsvReadOptions(header = false)).message)
    }

    @Test
    fun `NaN, Inf, overflow, hexadecimal, NUL and empty fields are refused with line and column in both readers`() {
        val cases = mapOf(
            "NaN" to "'NaN' (missing or non-finite values are not supported: fill or drop them first)",
            "Inf" to "'Inf' (missing or non-finite values are not supported: fill or drop them first)",
            "-Infinity" to "'-Infinity' (missing or non-finite values are not supported: fill or drop them first)",
            "1e400" to "'1e400' (beyond the range of a double, about ±1.8e308: rescale this column)",
            "-1e400" to "'-1e400' (beyond the range of a double, about ±1.8e308: rescale this column)",
            "0x1p3" to "'0x1p3' (hexadecimal numbers are not read: write it in decimal)",
            "1\u00002" to "'1\\u00002' (a control character: is this a text file of numbers?)",
            "" to "an empty field (missing values are not supported: fill or drop them first)",
            "1f" to "'1f'",
        )
        for ((value, got) in cases) {
            assertEquals(
                "data.csv:3: column 2 ('b'): expected a number, got $got",
                tableFailure("a,b,label\n1,2,0\n3,$value,1\n").message,
                value,
            )
            assertEquals(
                "in.csv:2: column 2: expected a number, got $got",
                featureFailure("1,2\n3,$value\n", CsvFeatureOptions(2)).message,
                value,
            )
        }
    }

    @Test
    fun `features without recorded names read every row of a headerless file`() {
        val x = features("\uFEFF1,2\n\n 3 , 4 \n", CsvFeatureOptions(2))
        assertArrayEquals(doubleArrayOf(1.0, 2.0, 3.0, 4.0), x.data())
    }

    @Test
    fun `features without recorded names take a first line of words for data unless told it is a header`() {
        assertEquals(
            "in.csv:1: column 1: expected a number, got 'x0' " +
                "(line 1 is read as data because the model records no column names; if it is a header, use --header)",
            featureFailure("x0,x1\n1,2\n", CsvFeatureOptions(2, headerSwitch = predictWords)).message,
        )
        assertArrayEquals(doubleArrayOf(1.0, 2.0), features("x0,x1\n1,2\n", CsvFeatureOptions(2, header = true)).data())
        assertEquals(
            "in.csv:1: the header has 3 columns, expected 2 (one per feature): remove the other columns (the model records no column names to choose by)",
            featureFailure("x0,x1,label\n1,2,0\n", CsvFeatureOptions(2, header = true)).message,
        )
    }

    @Test
    fun `a header with the recorded names is recognised, and extra columns and another order are fine`() {
        val names = listOf("a", "b")
        assertArrayEquals(doubleArrayOf(1.0, 2.0, 3.0, 4.0), features("\uFEFFa,b\n1,2\n3,4\n", CsvFeatureOptions(2, names)).data())
        assertArrayEquals(doubleArrayOf(2.0, 1.0, 4.0, 3.0), features("label,b,a\n0,1,2\n1,3,4\n", CsvFeatureOptions(2, names)).data())
    }

    @Test
    fun `with recorded names a first line that is not their header is data and reported with the names`() {
        val names = listOf("a", "b")
        assertEquals(
            "in.csv:1: column 1: expected a number, got 'a' (line 1 is read as data because it does not hold the column names a, b; " +
                "if it is a header, use --header)",
            featureFailure("a,c\n1,2\n", CsvFeatureOptions(2, names, headerSwitch = predictWords)).message,
        )
        assertEquals(
            "in.csv:1: the header has no column 'b'; expected the columns a, b (got a, c): rename the header's columns to these names",
            featureFailure("a,c\n1,2\n", CsvFeatureOptions(2, names, header = true)).message,
        )
        assertEquals(
            "in.csv:1: the header names 2 columns 'a' (columns 1 and 3): keep one of them",
            featureFailure("a,b,a\n1,2,3\n", CsvFeatureOptions(2, names)).message,
        )
    }

    @Test
    fun `a data row that holds numeric names is still data, and no-header forces data`() {
        assertArrayEquals(doubleArrayOf(1.0, 0.0, 0.0, 1.0), features("1,0\n0,1\n", CsvFeatureOptions(2, listOf("0", "1"))).data())
        assertEquals(
            "in.csv:1: column 1: expected a number, got 'a'",
            featureFailure("a,b\n1,2\n", CsvFeatureOptions(2, listOf("a", "b"), header = false)).message,
        )
        assertEquals(
            "in.csv:1: a header line was asked for (--header), but line 1 holds only numbers, so it is a data row: " +
                "use --no-header to read it as data, or add a line of column names",
            featureFailure("1,2\n", CsvFeatureOptions(2, header = true, headerSwitch = predictWords)).message,
        )
    }

    @Test
    fun `wrong column counts name the line and both counts`() {
        assertEquals(
            "in.csv:2: expected 2 columns (one per feature), got 3: check for a missing or extra ','",
            featureFailure("1,2\n1,2,3\n", CsvFeatureOptions(2)).message,
        )
        assertEquals(
            "in.csv:3: expected 3 columns (as in the header on line 1), got 2: check for a missing or extra ','",
            featureFailure("label,a,b\n0,1,2\n1,2\n", CsvFeatureOptions(2, listOf("a", "b"))).message,
        )
        assertEquals(
            "in.csv:1: expected 2 columns (one per feature), got 3: check for a missing or extra ',' " +
                "(line 1 is read as data because the model records no column names; if it is a header, use header = true)",
            featureFailure("1,2,3\n", CsvFeatureOptions(2)).message,
        )
    }

    @Test
    fun `an empty feature file and a header without rows are clear errors`() {
        assertEquals("in.csv: the file is empty: expected rows of 2 numbers (one per feature)", featureFailure("\n \n", CsvFeatureOptions(2)).message)
        assertEquals(
            "in.csv: the file has a header line but no data rows: expected rows of 2 numbers (one per feature)",
            featureFailure("a,b\n", CsvFeatureOptions(2, listOf("a", "b"))).message,
        )
    }

    @Test
    fun `a gzip-compressed feature file is read and a missing one is named`() {
        val file = folder.resolve("in.csv.gz")
        GZIPOutputStream(Files.newOutputStream(file)).bufferedWriter().use { it.write("a,b\n1,2\n") }
        assertArrayEquals(doubleArrayOf(1.0, 2.0), CsvLoader.loadFeatures(file, CsvFeatureOptions(2, listOf("a", "b"))).data())
        val missing = folder.resolve("none.csv")
        assertEquals(
            "$missing: no such file (looked for ${missing.toAbsolutePath()}): check the path",
            assertThrows<CsvFormatException> { CsvLoader.loadFeatures(missing, CsvFeatureOptions(2)) }.message,
        )
    }

    @Test
    fun `a damaged gzip file is named as such, not as bad quoting`() {
        val notGzip = folder.resolve("plain.csv.gz")
        Files.writeString(notGzip, "1,2\n")
        assertEquals(
            "$notGzip: not a gzip file (Not in GZIP format), but its name ends in .gz: compress it with gzip, or drop .gz from its name",
            assertThrows<CsvFormatException> { CsvLoader.loadFeatures(notGzip, CsvFeatureOptions(2)) }.message,
        )
        val cut = folder.resolve("cut.csv.gz")
        val whole = java.io.ByteArrayOutputStream().also { bytes ->
            GZIPOutputStream(bytes).bufferedWriter().use { w -> repeat(2000) { w.write("$it,${it * 2},0\n") } }
        }.toByteArray()
        Files.write(cut, whole.copyOf(whole.size / 2))
        val error = assertThrows<CsvFormatException> { CsvLoader.load(cut) }
        assertEquals("$cut: cannot read the file: not a complete gzip file (Unexpected end of ZLIB input stream): check the download or gunzip it", error.message)
    }
}
