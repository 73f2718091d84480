package mlpkit.data.csv

import mlpkit.data.ClassLabels
import mlpkit.data.Dataset
import mlpkit.data.RegressionTargets
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

class CsvLoaderTest {
    @TempDir
    lateinit var folder: Path

    private fun load(text: String, options: CsvReadOptions = CsvReadOptions(), source: String = "data.csv"): Dataset =
        CsvLoader.load(StringReader(text), source, options)

    private fun failure(text: String, options: CsvReadOptions = CsvReadOptions()): CsvFormatException =
        assertThrows { load(text, options) }

    private fun Dataset.featureRows(): List<List<Double>> = List(size) { features.row(it).toList() }

    private val iris = """
        sepal_length,sepal_width,petal_width,species
        5.1,3.5,0.2,setosa
        7.0,3.2,1.4,versicolor
        6.3,3.3,2.5,virginica
        4.9,3.0,0.2,setosa
    """.trimIndent()

    @Test
    fun `a file with a header gives features from every column but the last and labels from the last`() {
        val data = load("a,b,label\n1,2,0\n3.5,-4e-1,1\n0,0,1\n")
        assertEquals(listOf(listOf(1.0, 2.0), listOf(3.5, -0.4), listOf(0.0, 0.0)), data.featureRows())
        assertArrayEquals(intArrayOf(0, 1, 1), data.classLabels.labels)
        assertEquals(listOf("0", "1"), data.classLabels.classNames)
        assertEquals("data", data.name)
    }

    @Test
    fun `a file without a header reads its first line as data`() {
        val data = load("1,2,0\n3,4,2\n", CsvReadOptions(header = false))
        assertEquals(listOf(listOf(1.0, 2.0), listOf(3.0, 4.0)), data.featureRows())
        assertArrayEquals(intArrayOf(0, 2), data.classLabels.labels)
        assertEquals(listOf("0", "1", "2"), data.classLabels.classNames)
    }

    @Test
    fun `the label column can be chosen by name and the other columns stay in file order`() {
        val data = load("x,label,y,z\n1,1,2,3\n4,0,5,6\n", CsvReadOptions(target = CsvTarget.ClassLabel(CsvColumn.named("label"))))
        assertEquals(listOf(listOf(1.0, 2.0, 3.0), listOf(4.0, 5.0, 6.0)), data.featureRows())
        assertArrayEquals(intArrayOf(1, 0), data.classLabels.labels)
    }

    @Test
    fun `the label column can be chosen by index from the left or from the right`() {
        val text = "1,10,20,30\n0,11,21,31\n"
        val first = load(text, CsvReadOptions(header = false, target = CsvTarget.ClassLabel(CsvColumn.at(0))))
        assertArrayEquals(intArrayOf(1, 0), first.classLabels.labels)
        assertEquals(listOf(listOf(10.0, 20.0, 30.0), listOf(11.0, 21.0, 31.0)), first.featureRows())

        val third = load("5,6,1,7\n8,9,0,10\n", CsvReadOptions(header = false, target = CsvTarget.ClassLabel(CsvColumn.at(-2))))
        assertArrayEquals(intArrayOf(1, 0), third.classLabels.labels)
        assertEquals(listOf(listOf(5.0, 6.0, 7.0), listOf(8.0, 9.0, 10.0)), third.featureRows())
    }

    @Test
    fun `string labels are numbered in sorted order and keep their names`() {
        val data = load(iris, CsvReadOptions(target = CsvTarget.ClassLabel(CsvColumn.named("species"))))
        assertEquals(listOf("setosa", "versicolor", "virginica"), data.classLabels.classNames)
        assertArrayEquals(intArrayOf(0, 1, 2, 0), data.classLabels.labels)
        assertEquals(listOf(6.3, 3.3, 2.5), data.features.row(2).toList())
        assertEquals("iris: 4 samples × 3 features, 3 classes", Dataset("iris", data.features, data.targets).toString())
    }

    @Test
    fun `whole-number labels are class numbers even when a class is absent or written as 2·0`() {
        val data = load("a,label\n1,3\n2,0\n3,3.0\n")
        assertArrayEquals(intArrayOf(3, 0, 3), data.classLabels.labels)
        assertEquals(listOf("0", "1", "2", "3"), data.classLabels.classNames)
    }

    @Test
    fun `negative whole-number labels are numbered by value and keep their text as names`() {
        val data = load("a,label\n1,1\n2,-1\n3,1\n")
        assertEquals(listOf("-1", "1"), data.classLabels.classNames)
        assertArrayEquals(intArrayOf(1, 0, 1), data.classLabels.labels)
    }

    @Test
    fun `given class names fix the numbering of a file that lacks a class`() {
        val names = listOf("setosa", "versicolor", "virginica")
        val data = load("a,species\n1,virginica\n2,virginica\n", CsvReadOptions(target = CsvTarget.ClassLabel(classNames = names)))
        assertArrayEquals(intArrayOf(2, 2), data.classLabels.labels)
        assertEquals(names, data.classLabels.classNames)
    }

    @Test
    fun `a label outside the given class names is reported with its line`() {
        val error = failure("a,species\n1,setosa\n2,virginca\n", CsvReadOptions(target = CsvTarget.ClassLabel(classNames = listOf("setosa", "virginica"))))
        assertEquals("data.csv:3: column 2 ('species'): class 'virginca' is not one of the given class names [setosa, virginica]: add it or correct the label", error.message)
        assertEquals(3L, error.line)
        assertEquals("data.csv", error.source)
    }

    @Test
    fun `fractional labels are refused with a pointer to regression`() {
        assertEquals(
            "data.csv:3: column 2 ('y'): class labels must be whole numbers or names, got '0.5': to read real-valued targets use CsvTarget.Regression",
            failure("a,y\n1,1\n2,0.5\n").message,
        )
    }

    @Test
    fun `an empty label is reported`() {
        assertEquals("data.csv:2: column 2 ('y'): expected a class label, got an empty field", failure("a,y\n1,\n").message)
    }

    @Test
    fun `a huge whole-number label is refused as probably the wrong column`() {
        assertEquals(
            "data.csv:2: column 2 ('id'): label 1234567 would make 1234568 classes (labels are used as class numbers); " +
                "is this the label column? At most 65536 classes are supported",
            failure("a,id\n1,1234567\n").message,
        )
    }

    @Test
    fun `regression reads one target column as real values`() {
        val data = load("x1,x2,price\n1,2,3.25\n4,5,-6.5\n", CsvReadOptions(target = CsvTarget.Regression()))
        val targets = data.targets as RegressionTargets
        assertEquals(1, targets.outputs)
        assertArrayEquals(doubleArrayOf(3.25, -6.5), targets.values.data())
        assertEquals(listOf(listOf(1.0, 2.0), listOf(4.0, 5.0)), data.featureRows())
    }

    @Test
    fun `regression reads several target columns in the order they are given`() {
        val options = CsvReadOptions(target = CsvTarget.Regression(listOf(CsvColumn.named("b"), CsvColumn.at(0))))
        val data = load("a,b,c,d\n1,2,3,4\n5,6,7,8\n", options)
        val targets = data.targets as RegressionTargets
        assertEquals(2, targets.outputs)
        assertArrayEquals(doubleArrayOf(2.0, 1.0, 6.0, 5.0), targets.values.data())
        assertEquals(listOf(listOf(3.0, 4.0), listOf(7.0, 8.0)), data.featureRows())
    }

    @Test
    fun `another delimiter can be chosen`() {
        val semicolons = load("a;b;label\n1.5;2;1\n", CsvReadOptions(delimiter = ';'))
        assertEquals(listOf(listOf(1.5, 2.0)), semicolons.featureRows())
        val tabs = load("a\tb\tlabel\n1\t2\t0\n", CsvReadOptions(delimiter = '\t'))
        assertEquals(listOf(listOf(1.0, 2.0)), tabs.featureRows())
    }

    @Test
    fun `a decimal comma is not guessed`() {
        assertEquals("data.csv:2: column 1 ('a'): expected a number, got '1,5'", failure("a;label\n1,5;1\n", CsvReadOptions(delimiter = ';')).message)
    }

    @Test
    fun `quoted fields may hold the delimiter, quotes and line breaks`() {
        val text = "\"petal, width\",\"b\",species\n\"1.5\",2,\"Iris \"\"setosa\"\"\"\n3,4,\"two\nlines\"\n5,6,\"Iris \"\"setosa\"\"\"\n"
        val data = load(text)
        assertEquals(listOf(listOf(1.5, 2.0), listOf(3.0, 4.0), listOf(5.0, 6.0)), data.featureRows())
        assertEquals(listOf("Iris \"setosa\"", "two\nlines"), data.classLabels.classNames)
        assertArrayEquals(intArrayOf(0, 1, 0), data.classLabels.labels)
    }

    @Test
    fun `a column name with the delimiter in quotes can be chosen by name`() {
        val data = load("\"petal, width\",b\n1,0\n2,1\n", CsvReadOptions(target = CsvTarget.ClassLabel(CsvColumn.named("petal, width"))))
        assertArrayEquals(intArrayOf(1, 2), data.classLabels.labels)
    }

    @Test
    fun `blank lines and spaces around fields are skipped`() {
        val data = load("\na, b ,label\n\n 1 , 2 ,0\n   \n3,4, 1\n\n")
        assertEquals(listOf(listOf(1.0, 2.0), listOf(3.0, 4.0)), data.featureRows())
        assertArrayEquals(intArrayOf(0, 1), data.classLabels.labels)
    }

    @Test
    fun `a byte order mark does not become part of the first column name`() {
        val data = load("\uFEFFlabel,a\n1,2\n", CsvReadOptions(target = CsvTarget.ClassLabel(CsvColumn.named("label"))))
        assertArrayEquals(intArrayOf(1), data.classLabels.labels)
    }

    @Test
    fun `a non-numeric value is reported with file, line, column number and name`() {
        val rows = (1..14).joinToString("") { "5.$it,3.0,0.$it,setosa\n" }
        val text = "sepal_length,sepal_width,petal_width,species\n$rows\n4.9,3.1,abc,setosa\n"
        val error = failure(text)
        assertEquals("data.csv:17: column 3 ('petal_width'): expected a number, got 'abc'", error.message)
        assertEquals(17L, error.line)
    }

    @Test
    fun `the line of a non-numeric value counts blank lines and line breaks inside quotes`() {
        val text = "a,b,label\n1,2,\"x\ny\"\n\n\n3,oops,z\n"
        assertEquals("data.csv:6: column 2 ('b'): expected a number, got 'oops'", failure(text).message)
    }

    @Test
    fun `a non-numeric value without a header is reported with the column number only`() {
        assertEquals("data.csv:2: column 1: expected a number, got '1f'", failure("1,0\n1f,1\n", CsvReadOptions(header = false)).message)
    }

    @Test
    fun `a missing value is reported as such`() {
        assertEquals(
            "data.csv:3: column 1 ('a'): expected a number, got an empty field (missing values are not supported: fill or drop them first)",
            failure("a,b,label\n1,2,0\n,2,0\n").message,
        )
    }

    @Test
    fun `NaN and infinity are refused as missing or non-finite values`() {
        assertEquals(
            "data.csv:2: column 2 ('b'): expected a number, got 'NaN' (missing or non-finite values are not supported: fill or drop them first)",
            failure("a,b,label\n1,NaN,0\n").message,
        )
        assertEquals(
            "data.csv:2: column 1 ('a'): expected a number, got '1e999' (beyond the range of a double, about ±1.8e308: rescale this column)",
            failure("a,b,label\n1e999,1,0\n").message,
        )
    }

    @Test
    fun `a regression target that is not a number is reported with its column`() {
        val error = failure("a,price\n1,cheap\n", CsvReadOptions(target = CsvTarget.Regression()))
        assertEquals("data.csv:2: column 2 ('price'): expected a number, got 'cheap'", error.message)
    }

    @Test
    fun `a ragged row is reported with its line and the expected and actual column counts`() {
        assertEquals(
            "data.csv:4: expected 3 columns (as in the header on line 1), got 2: check for a missing or extra ','",
            failure("a,b,label\n1,2,0\n3,4,1\n5,6\n").message,
        )
        assertEquals(
            "data.csv:3: expected 2 columns (as in line 2), got 3: check for a missing or extra ';'",
            failure("\n1;0\n1;2;0\n", CsvReadOptions(header = false, delimiter = ';')).message,
        )
    }

    @Test
    fun `an empty file is a clear error`() {
        val error = failure("", CsvReadOptions(header = true))
        assertEquals("data.csv: the file is empty: expected a header line, then rows of numbers", error.message)
        assertEquals("data.csv: the file is empty: expected rows of numbers, with or without a header line first", failure("").message)
        assertNull(error.line)
        assertEquals("data.csv: the file is empty: expected rows of numbers", failure("\n\n  \n", CsvReadOptions(header = false)).message)
    }

    @Test
    fun `a header without rows is a clear error`() {
        assertEquals("data.csv: the file has a header line but no data rows: expected rows of numbers after it", failure("a,b,label\n\n").message)
    }

    @Test
    fun `a label column name that is not in the header lists the names there are`() {
        assertEquals(
            "data.csv:1: no column is named 'specis'; the header has 'sepal_length', 'sepal_width', 'petal_width', 'species'",
            failure(iris, CsvReadOptions(target = CsvTarget.ClassLabel(CsvColumn.named("specis")))).message,
        )
    }

    @Test
    fun `choosing a column by name without a header is a clear error`() {
        assertEquals(
            "data.csv: the column 'species' is chosen by name, which needs a header line, but the file is read without one: " +
                "read it with header = true, or choose the column by index",
            failure("1,2\n", CsvReadOptions(header = false, target = CsvTarget.ClassLabel(CsvColumn.named("species")))).message,
        )
    }

    @Test
    fun `a column name that appears twice cannot choose a column`() {
        assertEquals(
            "data.csv:1: the header names 2 columns 'x' (columns 1 and 3): rename them or choose the column by index",
            failure("x,y,x\n1,2,3\n", CsvReadOptions(target = CsvTarget.ClassLabel(CsvColumn.named("x")))).message,
        )
    }

    @Test
    fun `a column index outside the file is a clear error`() {
        assertEquals(
            "data.csv:1: column index 3 is outside the 3 columns of the file: use 0..2 from the left or -3..-1 from the right",
            failure("a,b,c\n1,2,3\n", CsvReadOptions(target = CsvTarget.ClassLabel(CsvColumn.at(3)))).message,
        )
        assertEquals(
            "data.csv:1: column index -4 is outside the 3 columns of the file: use 0..2 from the left or -3..-1 from the right",
            failure("a,b,c\n1,2,3\n", CsvReadOptions(target = CsvTarget.ClassLabel(CsvColumn.at(-4)))).message,
        )
    }

    @Test
    fun `targets must leave at least one feature and name each column once`() {
        assertEquals(
            "data.csv:1: every one of the 2 columns is a target, so there are no features: a data set needs at least one feature column",
            failure("a,b\n1,2\n", CsvReadOptions(target = CsvTarget.Regression(listOf(CsvColumn.at(0), CsvColumn.at(1))))).message,
        )
        assertEquals(
            "data.csv: column 3 ('c') is chosen as a target more than once: list each target column once",
            failure("a,b,c\n1,2,3\n", CsvReadOptions(target = CsvTarget.Regression(listOf(CsvColumn.named("c"), CsvColumn.at(-1))))).message,
        )
    }

    @Test
    fun `an unterminated quote is reported as invalid CSV with the file name`() {
        assertEquals(
            "data.csv:2: not valid CSV ((startline 2) EOF reached before encapsulated token finished): check the quotes on this line and the lines before it",
            failure("a,b\n1,\"2\n").message,
        )
    }

    @Test
    fun `a missing file is a clear error`() {
        val missing = folder.resolve("nowhere.csv")
        val error = assertThrows<CsvFormatException> { CsvLoader.load(missing) }
        assertEquals("$missing: no such file (looked for ${missing.toAbsolutePath()}): check the path", error.message)
    }

    @Test
    fun `a gzip-compressed file is read and the set is named after the file`() {
        val file = folder.resolve("iris.csv.gz")
        GZIPOutputStream(Files.newOutputStream(file)).bufferedWriter().use { it.write(iris) }
        val data = CsvLoader.load(file, CsvReadOptions(target = CsvTarget.ClassLabel(CsvColumn.named("species"))))
        assertEquals("iris", data.name)
        assertEquals(4, data.size)
        assertEquals(3, (data.targets as ClassLabels).classCount)
    }

    @Test
    fun `errors from a file name the file by its path`() {
        val file = folder.resolve("bad.csv")
        Files.writeString(file, "a,label\n1,0\nx,1\n")
        assertEquals("$file:3: column 1 ('a'): expected a number, got 'x'", assertThrows<CsvFormatException> { CsvLoader.load(file) }.message)
    }
}
