package mlpkit.dsl.run

import mlpkit.dsl.model.HistoryRow

/**
 * A training history as CSV: `epoch,learning_rate,<metrics…>,duration_ms`, one line per epoch. The metric
 * columns are every metric of the history in order of first appearance (`train_loss`, `train_accuracy`,
 * `validation_loss`, …); a metric an epoch lacks is an empty field. Numbers are written so that they
 * read back to the same doubles.
 */
object HistoryCsv {
    fun format(history: List<HistoryRow>): String {
        val metricNames = columns(history)
        return buildString {
            append("epoch,learning_rate")
            for (name in metricNames) append(',').append(name)
            append(",duration_ms\n")
            for (row in history) line(row, metricNames)
        }
    }

    /** The metric columns of [history]: every metric in order of first appearance. */
    fun columns(history: List<HistoryRow>): Set<String> {
        val metricNames = LinkedHashSet<String>()
        for (row in history) metricNames += row.metrics.keys
        return metricNames
    }

    /** The lines of [rows] under a header of [metricNames] (rows appended to a file of those columns). */
    fun lines(rows: List<HistoryRow>, metricNames: Set<String>): String = buildString { for (row in rows) line(row, metricNames) }

    private fun StringBuilder.line(row: HistoryRow, metricNames: Set<String>) {
        append(row.epoch).append(',').append(row.learningRate)
        for (name in metricNames) {
            append(',')
            row.metrics[name]?.let { append(it) }
        }
        append(',').append(row.durationMillis).append('\n')
    }
}
