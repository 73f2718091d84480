package mlpkit.app

/**
 * Final metrics as a table: one row per measure (loss, accuracy, auc, …, in the order measured), one column per part
 * of the data, each value as [ExpectationTable.figure] writes it (blank where a part has no such measure). The run's
 * report shows it with the parts train, validation and test ([ofRun]); `mlp evaluate` prints it as text ([toText]) with
 * one column for the data it measured ([ofPart]).
 */
internal class MetricTable private constructor(val columns: List<String>, val rows: List<Row>) {
    /** A measure and its value in each column, or null where that column has none. */
    class Row(val measure: String, val values: List<Double?>) {
        val cells: List<String> get() = values.map { value -> value?.let(ExpectationTable::figure) ?: "" }
    }

    /** The table as aligned plain text: the header `metric` and the columns, then a line per measure, numbers right-aligned. */
    fun toText(): String {
        val lines = listOf(listOf(HEADER) + columns) + rows.map { listOf(it.measure) + it.cells }
        val widths = lines.first().indices.map { column -> lines.maxOf { it[column].length } }
        return lines.joinToString("\n") { line ->
            line.mapIndexed { column, cell -> if (column == 0) cell.padEnd(widths[0]) else cell.padStart(widths[column]) }.joinToString("  ").trimEnd()
        }
    }

    companion object {
        /** The first column's heading. */
        const val HEADER = "metric"

        /** The parts of a run, in their order. */
        val PARTS = listOf("train", "validation", "test")

        /** A run's metrics (`train_loss`, `test_auc`, …): a column per part that has any. */
        fun ofRun(metrics: Map<String, Double>): MetricTable {
            val parts = PARTS.filter { part -> metrics.keys.any { it.startsWith("${part}_") } }
            val measures = metrics.keys.map { it.substringAfter('_') }.distinct()
            return MetricTable(parts, measures.map { measure -> Row(measure, parts.map { metrics["${it}_$measure"] }) })
        }

        /** The metrics of one part (`loss`, `accuracy`, …, no part prefix), in a column headed [column]. */
        fun ofPart(column: String, metrics: Map<String, Double>): MetricTable =
            MetricTable(listOf(column), metrics.map { (measure, value) -> Row(measure, listOf(value)) })
    }
}
