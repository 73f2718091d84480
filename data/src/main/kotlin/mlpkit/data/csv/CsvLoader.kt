package mlpkit.data.csv

import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.Dataset
import mlpkit.data.DenseFeatures
import mlpkit.data.RegressionTargets
import mlpkit.data.Targets
import org.apache.commons.csv.CSVFormat
import org.apache.commons.csv.CSVParser
import org.apache.commons.csv.CSVRecord
import java.io.IOException
import java.io.InputStream
import java.io.Reader
import java.io.UncheckedIOException
import java.nio.file.Files
import java.nio.file.Path
import java.util.zip.GZIPInputStream

/**
 * Reads numeric CSV files (parsed by Apache Commons CSV: quoted fields, any delimiter) into data sets.
 *
 * Every column that is not a target is a feature and must hold a finite decimal number on every row.
 * Blank lines are skipped; spaces around fields are ignored; a `.gz` file is decompressed. Problems
 * are [CsvFormatException]s naming the file, the line and the column, e.g.
 * `data.csv:17: column 3 ('petal_width'): expected a number, got 'abc'`.
 */
object CsvLoader {
    /** Reads [path] (gzip-compressed when its name ends in `.gz`). */
    @JvmStatic
    @JvmOverloads
    fun load(path: Path, options: CsvReadOptions = CsvReadOptions()): Dataset {
        val source = path.toString()
        if (!Files.isRegularFile(path)) {
            throw CsvFormatException(
                "$source: no such file (looked for ${path.toAbsolutePath()}): check the path",
                source,
                null,
            )
        }
        val name = options.name ?: defaultName(path.fileName.toString())
        return openText(path).use { load(it, source, options.copy(name = name)) }
    }

    /** Reads CSV text from [reader] (not closed); [source] names it in errors and, without a name in [options], names the set. */
    @JvmStatic
    @JvmOverloads
    fun load(reader: Reader, source: String, options: CsvReadOptions = CsvReadOptions()): Dataset =
        CsvTableReader(source, options).read(reader)

    private fun openText(path: Path): Reader {
        val bytes: InputStream = Files.newInputStream(path)
        if (!path.fileName.toString().endsWith(".gz")) return bytes.bufferedReader(Charsets.UTF_8)
        val stream = try {
            GZIPInputStream(bytes)
        } catch (e: IOException) {
            // GZIPInputStream reads the gzip header at once: a file named .gz that is not gzip fails here.
            bytes.close()
            throw CsvFormatException(
                "$path: not a gzip file (${e.message}), but its name ends in .gz: compress it with gzip, or drop .gz from its name",
                path.toString(),
                null,
                e,
            )
        }
        return stream.bufferedReader(Charsets.UTF_8)
    }

    /** `iris.csv.gz` → `iris`. */
    internal fun defaultName(fileName: String): String =
        fileName.removeSuffix(".gz").substringBeforeLast('.').ifEmpty { fileName }
}

/** One pass over one CSV text: header, target columns, then rows into growing arrays. */
private class CsvTableReader(private val source: String, private val options: CsvReadOptions) {
    private var header: List<String>? = null
    private var width = 0
    private var firstLine = 0L
    private lateinit var targetColumns: IntArray
    private lateinit var featureColumns: IntArray
    private lateinit var isTarget: BooleanArray
    private var features = DoubleArray(INITIAL_CAPACITY)
    private var regression = DoubleArray(INITIAL_CAPACITY)
    private var labels: ClassLabelColumn? = null
    private var rows = 0

    fun read(reader: Reader): Dataset {
        val format = CSVFormat.DEFAULT.builder()
            .setDelimiter(options.delimiter)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get()
        val parser = try {
            CSVParser.parse(reader, format)
        } catch (e: IOException) {
            throw CsvFormatException("$source: cannot read the file: ${e.message}", source, null, e)
        }
        parser.use {
            val records = parser.iterator()
            var first = true
            while (true) {
                val record = try {
                    if (!records.hasNext()) break
                    records.next()
                } catch (e: UncheckedIOException) {
                    val line = parser.currentLineNumber
                    throw CsvFormatException(
                        "$source:$line: not valid CSV (${e.cause?.message ?: e.message}): check the quotes on this line and the lines before it",
                        source,
                        line,
                        e,
                    )
                }
                if (isBlank(record)) continue
                val line = startLine(parser, record)
                if (first) {
                    first = false
                    start(record, line)
                    if (options.header) continue
                }
                addRow(record, line)
            }
        }
        if (width == 0) {
            val expected = if (options.header) "a header line, then rows of numbers" else "rows of numbers"
            throw CsvFormatException("$source: the file is empty: expected $expected", source, null)
        }
        if (rows == 0) {
            throw CsvFormatException("$source: the file has a header line but no data rows: expected rows of numbers after it", source, null)
        }
        return Dataset(options.name ?: CsvLoader.defaultName(source.substringAfterLast('/')), featureMatrix(), targets())
    }

    /** A line of spaces is one empty field to the parser; it is as blank as an empty line. */
    private fun isBlank(record: CSVRecord) = record.size() == 1 && record[0].isEmpty()

    /** The parser counts lines up to the end of the record; a quoted field with line breaks started earlier. */
    private fun startLine(parser: CSVParser, record: CSVRecord): Long {
        var breaks = 0
        for (value in record) breaks += value.count { it == '\n' }
        return parser.currentLineNumber - breaks
    }

    /** The first record fixes the width and, with a header, the column names; then targets are resolved. */
    private fun start(record: CSVRecord, line: Long) {
        width = record.size()
        firstLine = line
        if (options.header) header = record.toList().mapIndexed { i, name -> if (i == 0) name.removePrefix("\uFEFF") else name }
        val target = options.target
        targetColumns = when (target) {
            is CsvTarget.ClassLabel -> intArrayOf(resolve(target.column, line))
            is CsvTarget.Regression -> target.columns.map { resolve(it, line) }.toIntArray()
        }
        targetColumns.groupBy { it }.values.firstOrNull { it.size > 1 }?.let { twice ->
            throw CsvFormatException("$source: ${describe(twice[0])} is chosen as a target more than once: list each target column once", source, null)
        }
        isTarget = BooleanArray(width).also { flags -> targetColumns.forEach { flags[it] = true } }
        featureColumns = (0 until width).filter { !isTarget[it] }.toIntArray()
        if (featureColumns.isEmpty()) {
            throw CsvFormatException(
                "$source:$line: every one of the $width columns is a target, so there are no features: " +
                    "a data set needs at least one feature column",
                source,
                line,
            )
        }
        if (target is CsvTarget.ClassLabel) labels = ClassLabelColumn(source, describe(targetColumns[0]))
    }

    private fun resolve(column: CsvColumn, line: Long): Int = when (column) {
        is CsvColumn.At -> {
            if (column.index !in -width until width) {
                throw CsvFormatException(
                    "$source:$line: column index ${column.index} is outside the $width columns of the file: " +
                        "use 0..${width - 1} from the left or -$width..-1 from the right",
                    source,
                    line,
                )
            }
            if (column.index < 0) width + column.index else column.index
        }
        is CsvColumn.Named -> {
            val names = header ?: throw CsvFormatException(
                "$source: the column '${column.name}' is chosen by name, which needs a header line, but the file is read " +
                    "without one: read it with header = true, or choose the column by index",
                source,
                null,
            )
            val matches = names.indices.filter { names[it] == column.name }
            when {
                matches.isEmpty() -> throw CsvFormatException(
                    "$source:$line: no column is named '${column.name}'; the header has ${names.joinToString(", ") { "'$it'" }}",
                    source,
                    line,
                )
                matches.size > 1 -> throw CsvFormatException(
                    "$source:$line: the header names ${matches.size} columns '${column.name}' " +
                        "(columns ${matches.joinToString(" and ") { (it + 1).toString() }}): rename them or choose the column by index",
                    source,
                    line,
                )
                else -> matches[0]
            }
        }
    }

    /** `column 3 ('petal_width')`, or `column 3` without a header: 1-based, as editors count. */
    private fun describe(column: Int): String {
        val name = header?.get(column)
        return if (name == null) "column ${column + 1}" else "column ${column + 1} ('$name')"
    }

    private fun addRow(record: CSVRecord, line: Long) {
        if (record.size() != width) {
            val reference = if (options.header) "the header on line $firstLine" else "line $firstLine"
            throw CsvFormatException(
                "$source:$line: expected $width columns (as in $reference), got ${record.size()}: check for a missing or extra '${options.delimiter}'",
                source,
                line,
            )
        }
        val featureCount = featureColumns.size
        if ((rows + 1) * featureCount > features.size) features = features.copyOf(maxOf(features.size * 2, (rows + 1) * featureCount))
        val base = rows * featureCount
        for (f in 0 until featureCount) features[base + f] = number(record, featureColumns[f], line)

        val classLabels = labels
        if (classLabels != null) {
            classLabels.add(record[targetColumns[0]], line)
        } else {
            val outputs = targetColumns.size
            if ((rows + 1) * outputs > regression.size) regression = regression.copyOf(maxOf(regression.size * 2, (rows + 1) * outputs))
            for (t in 0 until outputs) regression[rows * outputs + t] = number(record, targetColumns[t], line)
        }
        rows++
    }

    private fun number(record: CSVRecord, column: Int, line: Long): Double {
        val text = record[column]
        return parseDecimalOrNull(text) ?: throw CsvFormatException(
            "$source:$line: ${describe(column)}: expected a number, got " + when {
                text.isEmpty() -> "an empty field (missing values are not supported: fill or drop them first)"
                text.lowercase() in MISSING_MARKERS -> "'$text' (missing or non-finite values are not supported: fill or drop them first)"
                else -> "'$text'"
            },
            source,
            line,
        )
    }

    private fun featureMatrix(): DenseFeatures =
        DenseFeatures(DenseMatrix(rows, featureColumns.size, features.copyOf(rows * featureColumns.size)))

    private fun targets(): Targets {
        val classLabels = labels
        if (classLabels != null) return classLabels.toClassLabels((options.target as CsvTarget.ClassLabel).classNames)
        return RegressionTargets(DenseMatrix(rows, targetColumns.size, regression.copyOf(rows * targetColumns.size)))
    }

    private companion object {
        const val INITIAL_CAPACITY = 4096
        val MISSING_MARKERS = setOf("nan", "na", "n/a", "null", "none", "?", "inf", "-inf", "+inf", "infinity", "-infinity")
    }
}
