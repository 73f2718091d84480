package mlpkit.data.table

import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.ClassLabels
import mlpkit.data.RegressionTargets
import mlpkit.data.Targets
import mlpkit.data.csv.CsvFormatException
import mlpkit.data.csv.parseDecimalOrNull

/**
 * The target column of a [RawTable]: the [targets] of the rows [kept] (0-based rows of the table, in order),
 * and how many rows were [dropped] because their target is missing.
 */
class TableTargets(val kept: IntArray, val targets: Targets, val dropped: Int) {
    /** A note for the run, or null when no row was dropped. */
    fun note(column: String): String? =
        if (dropped == 0) null else "$dropped row${if (dropped == 1) "" else "s"} with a missing '$column' left out of training and evaluation"
}

/**
 * Reads a table's target column. Rows whose target is missing are left out (counted in [TableTargets.dropped]),
 * or refused with their line when [refuseMissing]. Class labels are numbered in sorted order, as scikit-learn's
 * `LabelEncoder` does: numerically when every label is a number (written as in the file), as text otherwise; with
 * [classNames] given (a test file read after its training file), by those names. Regression targets are numbers.
 */
object LabelColumn {
    @JvmStatic
    @JvmOverloads
    fun read(
        table: RawTable,
        column: String,
        regression: Boolean = false,
        missing: MissingValues = MissingValues(),
        refuseMissing: Boolean = false,
        classNames: List<String>? = null,
    ): TableTargets {
        val position = table.column(column)
        val kept = ArrayList<Int>()
        for (r in 0 until table.rowCount) {
            val text = table.field(r, position)
            if (!missing.isMissing(text)) {
                kept += r
            } else if (refuseMissing) {
                throw CsvFormatException(
                    "${table.source}:${table.line(r)}: column '$column' (the target): missing value '$text'; expected a value, or set " +
                        "\"missingTarget\": \"drop\" in data.source to leave such rows out",
                    table.source,
                    table.line(r),
                )
            }
        }
        if (kept.isEmpty()) throw CsvFormatException("${table.source}: every row's target '$column' is missing: expected some rows with a target", table.source, null)
        val texts = kept.map { table.field(it, position) }
        val targets: Targets = if (regression) {
            RegressionTargets(DenseMatrix(kept.size, 1, DoubleArray(kept.size) { i ->
                parseDecimalOrNull(texts[i]) ?: throw CsvFormatException(
                    "${table.source}:${table.line(kept[i])}: column '$column' (the target): expected a number for regression, got '${texts[i]}'",
                    table.source,
                    table.line(kept[i]),
                )
            }))
        } else {
            val names = classNames ?: texts.distinct().let { distinct ->
                val numbers = distinct.map { parseDecimalOrNull(it) }
                if (numbers.all { it != null }) distinct.sortedBy { parseDecimalOrNull(it)!! } else distinct.sorted()
            }
            val index = names.withIndex().associate { it.value to it.index }
            ClassLabels(IntArray(kept.size) { i ->
                index[texts[i]] ?: throw CsvFormatException(
                    "${table.source}:${table.line(kept[i])}: column '$column': class '${texts[i]}' is not one of the training classes " +
                        "${names.joinToString(", ")}: correct the label or add rows of that class to the training file",
                    table.source,
                    table.line(kept[i]),
                )
            }, names)
        }
        return TableTargets(kept.toIntArray(), targets, table.rowCount - kept.size)
    }
}
