package mlpkit.data.csv

import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.Dataset
import mlpkit.data.DenseFeatures
import mlpkit.data.RegressionTargets
import mlpkit.data.Targets
import java.io.Reader

/** One pass over one CSV text into a data set: header, target columns, then rows into growing arrays. */
internal class CsvTableReader(private val source: String, private val options: CsvReadOptions) {
    private val headerRule = CsvHeaderRule(options.header, source, options.headerSwitch, expectedNames = null)
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

    fun read(reader: Reader): CsvTable {
        CsvRecords.forEach(reader, source, options.delimiter) { fields, line ->
            if (width == 0) {
                val isHeader = headerRule.isHeader(fields, line)
                start(fields, line, isHeader)
                if (!isHeader) addRow(fields, line)
            } else {
                addRow(fields, line)
            }
        }
        if (width == 0) {
            val expected = when (options.header) {
                true -> "a header line, then rows of numbers"
                false -> "rows of numbers"
                null -> "rows of numbers, with or without a header line first"
            }
            throw CsvFormatException("$source: the file is empty: expected $expected", source, null)
        }
        if (rows == 0) {
            throw CsvFormatException("$source: the file has a header line but no data rows: expected rows of numbers after it", source, null)
        }
        val dataset = Dataset(options.name ?: CsvLoader.defaultName(source.substringAfterLast('/')), featureMatrix(), targets())
        return CsvTable(dataset, header?.let { names -> featureColumns.map { names[it] } }, header?.let { names -> targetColumns.map { names[it] } })
    }

    /** The first record fixes the width and, with a header, the column names; then targets are resolved. */
    private fun start(fields: List<String>, line: Long, isHeader: Boolean) {
        width = fields.size
        firstLine = line
        if (isHeader) header = fields
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
                "$source: the column '${column.name}' is chosen by name, which needs a header line, but " + if (options.header == false) {
                    "the file is read without one: read it with ${options.headerSwitch.on}, or choose the column by index"
                } else {
                    "line $firstLine is data (some of its fields are numbers): add a line of column names, or choose the column by index"
                },
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

    private fun addRow(fields: List<String>, line: Long) {
        if (fields.size != width) {
            val reference = if (header != null) "the header on line $firstLine" else "line $firstLine"
            throw CsvFormatException(
                "$source:$line: expected $width columns (as in $reference), got ${fields.size}: check for a missing or extra '${options.delimiter}'",
                source,
                line,
            )
        }
        val advice = if (line == firstLine) headerRule.firstLineAdvice(line) else ""
        val featureCount = featureColumns.size
        if ((rows + 1) * featureCount > features.size) features = features.copyOf(maxOf(features.size * 2, (rows + 1) * featureCount))
        val base = rows * featureCount
        for (f in 0 until featureCount) features[base + f] = number(fields, featureColumns[f], line, advice)

        val classLabels = labels
        if (classLabels != null) {
            classLabels.add(fields[targetColumns[0]], line)
        } else {
            val outputs = targetColumns.size
            if ((rows + 1) * outputs > regression.size) regression = regression.copyOf(maxOf(regression.size * 2, (rows + 1) * outputs))
            for (t in 0 until outputs) regression[rows * outputs + t] = number(fields, targetColumns[t], line, advice)
        }
        rows++
    }

    private fun number(fields: List<String>, column: Int, line: Long, advice: String): Double =
        CsvNumber.parse(fields[column], source, line, describe(column), advice)

    private fun featureMatrix(): DenseFeatures =
        DenseFeatures(DenseMatrix(rows, featureColumns.size, features.copyOf(rows * featureColumns.size)))

    private fun targets(): Targets {
        val classLabels = labels
        if (classLabels != null) return classLabels.toClassLabels((options.target as CsvTarget.ClassLabel).classNames)
        return RegressionTargets(DenseMatrix(rows, targetColumns.size, regression.copyOf(rows * targetColumns.size)))
    }

    private companion object {
        const val INITIAL_CAPACITY = 4096
    }
}
