package mlpkit.app

import mlpkit.data.csv.formatSeventeenDigits
import mlpkit.dsl.sweep.SweepRow

/**
 * The sweep's rows as CSV, one per variation in sweep order, whatever became of it: variation, network,
 * `status` (`ok`, `diverged`, `failed`, `interrupted`, `not run`), `stopped` (as the run's metrics.json
 * says it; empty when it did not run to an end), `reason` (one line for a row that is not ok), then every
 * metric any variation reported (empty where a variation has none).
 */
internal fun sweepSummary(rows: List<SweepRow>): String = buildString {
    val metrics = rows.flatMap { it.metrics.keys }.distinct()
    appendLine((listOf("variation", "network", "status", "stopped", "reason") + metrics).joinToString(","))
    for (row in rows) {
        val cells = listOf(csvCell(row.name), csvCell(row.notation), row.status.label, row.stopped ?: "", csvCell(row.message ?: "")) +
            metrics.map { name -> row.metrics[name]?.let(::formatSeventeenDigits) ?: "" }
        appendLine(cells.joinToString(","))
    }
}

/** [text] as one CSV cell: quoted (with quotes doubled) when it holds a comma, a quote or a line break. */
private fun csvCell(text: String): String =
    if (text.any { it == ',' || it == '"' || it == '\n' || it == '\r' }) "\"" + text.replace("\"", "\"\"") + "\"" else text
