package mlpkit.app

import mlpkit.data.csv.formatSeventeenDigits
import mlpkit.dsl.sweep.SweepRow

/** The sweep's rows as CSV: variation, network, stop reason, then every metric any variation reported. */
internal fun sweepSummary(rows: List<SweepRow>): String = buildString {
    val metrics = rows.flatMap { it.metrics.keys }.distinct()
    appendLine((listOf("variation", "network", "stopped") + metrics).joinToString(","))
    for (row in rows) {
        val cells = listOf(row.name, "\"${row.notation}\"", row.reason.javaClass.simpleName) +
            metrics.map { name -> row.metrics[name]?.let(::formatSeventeenDigits) ?: "" }
        appendLine(cells.joinToString(","))
    }
}
