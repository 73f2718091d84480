package mlpkit.dsl.resolve

import mlpkit.data.Targets
import mlpkit.data.table.ColumnOptions
import mlpkit.data.table.MissingValues
import mlpkit.data.table.RawTable

/**
 * A table source read, before anything is fitted: the [table] of rows that have a target (rows without one are
 * already left out, [notes] says how many), their [targets], the [features] columns in order, the user's column
 * [options], the [missing] value tokens, and a [test] file's rows and targets when the source has one. What
 * [DataResolver.fitTable] fits a column pipeline on, once per run or once per cross-validation fold. [weights] are the
 * rows' sample weights when the source names a weight column (`data.source.sampleWeight`), else null.
 */
class LoadedTable(
    val name: String,
    val table: RawTable,
    val targets: Targets,
    val features: List<String>,
    val options: Map<String, ColumnOptions>,
    val missing: MissingValues,
    val test: Part?,
    val notes: List<String>,
    val targetNames: List<String>?,
    val weights: DoubleArray? = null,
) {
    /** The rows of a separate test file and their targets. */
    class Part(val table: RawTable, val targets: Targets)

    /** The number of rows (with a target). */
    val rows: Int get() = table.rowCount
}
