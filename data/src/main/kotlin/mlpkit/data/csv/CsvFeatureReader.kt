package mlpkit.data.csv

import mlpkit.core.matrix.DenseMatrix
import java.io.Reader

/**
 * One pass over one CSV text of features (see [CsvFeatureOptions]): the header decided by
 * [CsvHeaderRule], the feature columns chosen by name when both the header and the expected names are
 * there (else every column, in order), then each row's numbers into a growing array.
 */
internal class CsvFeatureReader(private val source: String, private val options: CsvFeatureOptions) {
    private val headerRule = CsvHeaderRule(options.header, source, options.headerSwitch, CsvHeaderRule.Expected(options.names))
    private var header: List<String>? = null
    private var width = 0
    private var firstLine = 0L
    private lateinit var columns: IntArray
    private var values = DoubleArray(INITIAL_CAPACITY)
    private var rows = 0

    fun read(reader: Reader): DenseMatrix {
        CsvRecords.forEach(reader, source, options.delimiter) { fields, line ->
            if (width == 0) {
                firstLine = line
                if (headerRule.isHeader(fields, line)) {
                    start(fields, line)
                    return@forEach
                }
                width = options.features
                columns = IntArray(width) { it }
            }
            addRow(fields, line)
        }
        if (rows == 0) {
            val problem = if (header != null) "has a header line but no data rows" else "is empty"
            throw CsvFormatException(
                "$source: the file $problem: expected rows of ${options.features} numbers (one per feature)",
                source,
                null,
            )
        }
        return DenseMatrix(rows, options.features, values.copyOf(rows * options.features))
    }

    /** A header: the features are its columns of the expected names, or all of its columns when no names are expected. */
    private fun start(fields: List<String>, line: Long) {
        header = fields
        width = fields.size
        val names = options.names
        columns = if (names == null) {
            if (width != options.features) {
                throw CsvFormatException(
                    "$source:$line: the header has $width columns, expected ${options.features} (one per feature): " +
                        "remove the other columns (the model records no column names to choose by)",
                    source,
                    line,
                )
            }
            IntArray(width) { it }
        } else {
            IntArray(names.size) { f -> column(fields, names, names[f], line) }
        }
    }

    private fun column(fields: List<String>, names: List<String>, name: String, line: Long): Int {
        val matches = fields.indices.filter { fields[it] == name }
        return when (matches.size) {
            1 -> matches[0]
            0 -> throw CsvFormatException(
                "$source:$line: the header has no column '$name'; expected the columns ${names.joinToString(", ")} " +
                    "(got ${fields.joinToString(", ")}): rename the header's columns to these names",
                source,
                line,
            )
            else -> throw CsvFormatException(
                "$source:$line: the header names ${matches.size} columns '$name' " +
                    "(columns ${matches.joinToString(" and ") { (it + 1).toString() }}): keep one of them",
                source,
                line,
            )
        }
    }

    private fun addRow(fields: List<String>, line: Long) {
        val advice = if (line == firstLine) headerRule.firstLineAdvice(line) else ""
        if (fields.size != width) {
            val reference = if (header != null) "as in the header on line $firstLine" else "one per feature"
            throw CsvFormatException(
                "$source:$line: expected $width columns ($reference), got ${fields.size}: check for a missing or extra '${options.delimiter}'$advice",
                source,
                line,
            )
        }
        val features = options.features
        if ((rows + 1) * features > values.size) values = values.copyOf(maxOf(values.size * 2, (rows + 1) * features))
        val base = rows * features
        for (f in 0 until features) values[base + f] = CsvNumber.parse(fields[columns[f]], source, line, describe(columns[f]), advice)
        rows++
    }

    /** `column 3 ('petal_width')`, or `column 3` without a header: 1-based, as editors count. */
    private fun describe(column: Int): String {
        val name = header?.get(column)
        return if (name == null) "column ${column + 1}" else "column ${column + 1} ('$name')"
    }

    private companion object {
        const val INITIAL_CAPACITY = 4096
    }
}
