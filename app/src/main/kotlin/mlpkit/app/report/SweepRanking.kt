package mlpkit.app.report

import java.util.Locale
import mlpkit.core.concept.Registry
import mlpkit.dsl.sweep.SweepRow
import mlpkit.dsl.sweep.SweepStatus
import mlpkit.dsl.cv.CvResult

/**
 * A sweep's variations sorted by a score, best first: the [metric] the sweep curve would draw ([SweepCurve.metricOf]:
 * the first of [SweepCurve.PREFERRED] measured in every variation that ended ok, or for a sweep with `"cv"` the folds'
 * mean of [SweepCurve.CV_PREFERRED], shown ± the folds' std), higher first for accuracy, AUC and R², lower first
 * for a loss. [ranks] are scikit-learn's (`rankdata(method='min')`: equal scores share the smallest rank). Variations
 * that did not end ok are left out of the ranking.
 */
internal class SweepRanking(val metric: String, val rows: List<SweepRow>, val ranks: IntArray) {
    /** The ranking as a plain-text table for the console: rank, score, variation. */
    fun text(): String = buildString {
        appendLine("variations by $metric (best first):")
        val width = maxOf("rank".length, ranks.maxOf { it.toString().length })
        appendLine("${"rank".padStart(width)}  ${metric.padEnd(SCORE_WIDTH)}  variation")
        rows.forEachIndexed { i, row ->
            appendLine("${ranks[i].toString().padStart(width)}  ${score(row).padEnd(SCORE_WIDTH.coerceAtLeast(metric.length))}  ${row.name}")
        }
    }

    /** The row's score as the table prints it, `± std` over the folds for a cross-validated row. */
    fun score(row: SweepRow): String {
        val std = row.metrics[metric + CvResult.STD_SUFFIX]?.takeIf { row.cv != null }
        return String.format(Locale.ROOT, "%.6f", row.metrics.getValue(metric)) + (std?.let { String.format(Locale.ROOT, " ± %.6f", it) } ?: "")
    }

    companion object {
        private const val SCORE_WIDTH = 10

        /** The ranking of the rows that ended ok, or null when none did or no preferred metric is in all of them. */
        fun of(rows: List<SweepRow>, registry: Registry = Registry.builtIns()): SweepRanking? {
            val ok = rows.filter { it.status == SweepStatus.OK }
            if (ok.isEmpty()) return null
            val metric = SweepCurve.metricOf(ok) ?: return null
            val sign = if (SweepCurve.isMaximised(metric, registry)) -1.0 else 1.0
            val sorted = ok.withIndex().sortedWith(compareBy({ sign * it.value.metrics.getValue(metric) }, { it.index })).map { it.value }
            val keys = sorted.map { sign * it.metrics.getValue(metric) }
            val ranks = IntArray(sorted.size) { i -> 1 + keys.count { it < keys[i] } }
            return SweepRanking(metric, sorted, ranks)
        }
    }
}
