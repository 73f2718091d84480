package mlpkit.app

import java.util.Locale
import mlpkit.dsl.cv.CvResult

/**
 * The console's table of a cross-validation: one row per fold with its held-out metrics (`validation_…`, and
 * `test_…` when a test part is held out of all folds), then their mean and (population) standard deviation.
 * Every metric of every fold is in `cv.json`.
 */
internal object CvTable {
    fun text(result: CvResult): String {
        val metrics = result.metricNames.filter { it.startsWith("validation_") || it.startsWith("test_") }.ifEmpty { result.metricNames }
        val widths = metrics.map { maxOf(it.length, 10) }
        val label = 8
        return buildString {
            append("fold".padEnd(label))
            metrics.forEachIndexed { i, name -> append("  ").append(name.padStart(widths[i])) }
            append('\n')
            fun row(name: String, value: (String) -> Double) {
                append(name.padEnd(label))
                metrics.forEachIndexed { i, metric -> append("  ").append(String.format(Locale.ROOT, "%.6f", value(metric)).padStart(widths[i])) }
                append('\n')
            }
            for (fold in result.folds) {
                val name = if (result.repeats > 1) "${fold.repeat + 1}.${fold.number % result.cv + 1}" else "${fold.number + 1}"
                row(name) { fold.metrics.getValue(it) }
            }
            row("mean") { result.mean(it) }
            row("std") { result.std(it) }
        }
    }
}
