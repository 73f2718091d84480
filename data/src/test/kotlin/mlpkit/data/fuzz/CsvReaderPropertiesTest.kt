package mlpkit.data.fuzz

import mlpkit.core.fuzz.PropertyRun
import mlpkit.data.ClassLabels
import mlpkit.data.Dataset
import mlpkit.data.RegressionTargets
import mlpkit.data.csv.CsvColumn
import mlpkit.data.csv.CsvFormatException
import mlpkit.data.csv.CsvLoader
import mlpkit.data.csv.CsvReadOptions
import mlpkit.data.csv.CsvTarget
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Files
import java.nio.file.Path
import java.util.Random

/**
 * The CSV reader over random input ([PropertyRun]; `-Pfuzz` runs the tagged variants with many more tries).
 *
 * - A valid file (random width, rows, number spellings, header or not, class or regression targets, plain
 *   or gzip) reads back to exactly the rows and values written.
 * - The same file after random damage (cuts, bit flips, stray and missing bytes, a field replaced by a huge,
 *   non-finite, hex or other non-decimal spelling, random bytes, damaged gzip) either reads, with every
 *   feature and regression target finite, or fails with a [CsvFormatException] whose message starts with
 *   the file's path. Never another exception.
 */
class CsvReaderPropertiesTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `a random valid CSV file reads back to exactly the rows and values written`() =
        PropertyRun.withSeed(15101, 300) { validFileReadsBack(it) }

    @Test
    @Tag("fuzz")
    fun `a random valid CSV file reads back exactly (fuzz)`() = PropertyRun.fuzz(20_000) { validFileReadsBack(it) }

    @Test
    fun `a damaged CSV file reads with finite values or fails with a CsvFormatException naming the file`() =
        PropertyRun.withSeed(15102, 1500) { damagedFileReadsOrNamesTheFile(it) }

    @Test
    @Tag("fuzz")
    fun `a damaged CSV file reads with finite values or fails naming the file (fuzz)`() =
        PropertyRun.fuzz(100_000) { damagedFileReadsOrNamesTheFile(it) }

    @Test
    fun `a file named csv-gz that is not gzip is a CsvFormatException naming the file`() {
        // Found by the damaged-file property: GZIPInputStream's ZipException escaped.
        val path = dir.resolve("plain.csv.gz").also { Files.writeString(it, "x,y\n1,0\n") }
        val error = assertThrows<CsvFormatException> { CsvLoader.load(path) }
        assertEquals(
            "$path: not a gzip file (Not in GZIP format), but its name ends in .gz: compress it with gzip, or drop .gz from its name",
            error.message,
        )
    }

    /** A valid table, its text and the options that read it. */
    private class Table(val features: List<DoubleArray>, val targets: List<String>, val regression: Boolean, val text: String, val options: CsvReadOptions)

    private fun table(random: Random): Table {
        val featureCount = 1 + random.nextInt(4)
        val rowCount = 1 + random.nextInt(25)
        val regression = random.nextBoolean()
        val header = random.nextBoolean()
        val delimiter = if (random.nextInt(4) == 0) ';' else ','
        val features = List(rowCount) { DoubleArray(featureCount) { number(random) } }
        val classes = listOf("a", "b", "setosa", "1", "0", "x y")
        val targets = List(rowCount) { if (regression) number(random).toString() else classes[random.nextInt(classes.size)] }
        val text = StringBuilder()
        if (header) text.append((List(featureCount) { "f$it" } + "target").joinToString(delimiter.toString())).append('\n')
        for (r in 0 until rowCount) {
            val fields = features[r].map { spelled(it, random) } + targets[r]
            text.append(fields.joinToString(delimiter.toString())).append(if (random.nextInt(5) == 0) "\r\n" else "\n")
        }
        val target = if (regression) CsvTarget.Regression(listOf(CsvColumn.At(featureCount))) else CsvTarget.ClassLabel()
        return Table(features, targets, regression, text.toString(), CsvReadOptions(header = header, delimiter = delimiter, target = target))
    }

    private fun number(random: Random): Double = when (random.nextInt(4)) {
        0 -> (random.nextInt(2001) - 1000).toDouble()
        1 -> random.nextGaussian()
        2 -> random.nextDouble() * Math.pow(10.0, (random.nextInt(40) - 20).toDouble())
        else -> -random.nextDouble()
    }

    /** The number as people write it: Kotlin's shortest form, or with spaces around it. */
    private fun spelled(value: Double, random: Random): String = when (random.nextInt(4)) {
        0 -> " $value "
        1 -> if (value == Math.rint(value) && Math.abs(value) < 1e15) value.toLong().toString() else value.toString()
        else -> value.toString()
    }

    private fun write(table: Table, random: Random, bytes: ByteArray = table.text.toByteArray()): Path {
        val gzip = random.nextInt(4) == 0
        val path = dir.resolve("t${random.nextInt(1_000_000)}.csv" + if (gzip) ".gz" else "")
        Files.write(path, if (gzip) ByteMutations.gzip(bytes) else bytes)
        return path
    }

    private fun validFileReadsBack(random: Random) {
        val table = table(random)
        val path = write(table, random)
        val data = CsvLoader.load(path, table.options)
        assertEquals(table.features.size, data.size, table.text)
        for (r in table.features.indices) assertArrayEquals(table.features[r], data.features.row(r), 0.0, table.text)
        if (table.regression) {
            val values = (data.targets as RegressionTargets).values
            for (r in table.targets.indices) assertEquals(table.targets[r].toDouble(), values.getEntry(r, 0), 0.0)
        } else {
            val labels = data.targets as ClassLabels
            for (r in table.targets.indices) assertEquals(table.targets[r], labels.classNames[labels.labels[r]], table.text)
        }
    }

    private fun damagedFileReadsOrNamesTheFile(random: Random) {
        val table = table(random)
        val text = if (random.nextBoolean()) replaceAField(table.text, random) else table.text
        val damaged = if (random.nextInt(4) == 0 && text != table.text) text.toByteArray() else ByteMutations.mutate(text.toByteArray(), random)
        val gzip = random.nextInt(4) == 0
        val path = dir.resolve("d${random.nextInt(1_000_000)}.csv" + if (gzip) ".gz" else "")
        // A gzip file is damaged before or after compression (a bad download damages the compressed bytes).
        Files.write(path, if (!gzip) damaged else if (random.nextBoolean()) ByteMutations.gzip(damaged) else ByteMutations.mutate(ByteMutations.gzip(text.toByteArray()), random))
        val data: Dataset = try {
            CsvLoader.load(path, table.options)
        } catch (e: CsvFormatException) {
            assertTrue(e.message!!.startsWith("$path"), "names the file: ${e.message}")
            assertEquals(path.toString(), e.source)
            return
        } catch (e: Exception) {
            throw AssertionError("$path (${Files.size(path)} bytes) threw $e instead of a CsvFormatException", e)
        }
        assertTrue(data.size >= 1)
        val features = data.features.toMatrix()
        for (r in 0 until features.rowDimension) for (c in 0 until features.columnDimension) {
            assertTrue(features.getEntry(r, c).isFinite(), "row $r column $c read as ${features.getEntry(r, c)}")
        }
        (data.targets as? RegressionTargets)?.values?.data()?.forEach { assertTrue(it.isFinite(), "a target read as $it") }
    }

    /** One field replaced by a spelling a number must not be read from. */
    private fun replaceAField(text: String, random: Random): String {
        val fields = Regex("[^,;\\n\\r]+").findAll(text).toList()
        if (fields.isEmpty()) return text
        val field = fields[random.nextInt(fields.size)]
        val spellings = listOf(
            "1e400", "-1e400", "NaN", "nan", "Infinity", "-Infinity", "inf", "0x1A", "0x1p3", "1_000", "1,5", "١٢",
            "\u0000", "", "\"", "\"1\"", "1e", "--1", "+", ".", "1d", "1f", "9".repeat(400), "0.${"0".repeat(400)}1", "\uFEFF1",
            "${Long.MAX_VALUE}", "4.9e-325", "1e-400",
        )
        return text.replaceRange(field.range, spellings[random.nextInt(spellings.size)])
    }
}
