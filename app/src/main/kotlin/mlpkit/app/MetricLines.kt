package mlpkit.app

import java.util.Locale

/**
 * Final metrics as the console shows them, one `  name value` line each in the order measured, names padded to
 * one column: the summary of `mlp run` (every part's metrics; `mlp evaluate` prints its report's [MetricTable]).
 */
internal object MetricLines {
    fun of(metrics: Map<String, Double>): List<String> {
        val width = maxOf(22, metrics.keys.maxOfOrNull { it.length } ?: 0)
        return metrics.map { (name, value) -> String.format(Locale.ROOT, "  %-${width}s %.6f", name, value) }
    }
}
