package mlpkit.dsl.train

import mlpkit.core.concept.Registry
import mlpkit.core.distributed.RowScores
import mlpkit.core.metrics.Accuracy
import mlpkit.core.metrics.MaxError
import mlpkit.core.metrics.MeanAbsoluteError
import mlpkit.core.metrics.MeanLoss
import mlpkit.core.metrics.Metric
import mlpkit.core.metrics.R2
import mlpkit.core.metrics.RootMeanSquaredError
import kotlin.math.sqrt

/**
 * The metrics of a part scored on an engine's workers ([RowScores]: sums and a confusion matrix added up on the
 * driver). Only metrics that are functions of those sums can be reported: [FROM_SUMS]; the others (AUC needs every
 * row's score, explained variance the residuals' variance) are left out with a [note].
 */
internal class ScoreMetrics(
    /** The metrics this part reports, in report order (the loss first). */
    val metrics: List<Metric>,
    /** The metrics a local run would also report here that cannot be computed from sums. */
    val leftOut: List<Metric>,
) {
    /** `<part>_<metric>` of [scores] into [into]. */
    fun write(part: String, scores: RowScores, into: MutableMap<String, Double>) {
        for (metric in metrics) {
            val value = FROM_SUMS.getValue(metric.concept().name())(scores)
            if (!value.isNaN()) into[MetricNames.of(part, metric.concept().name())] = value
        }
    }

    /** The names [write] writes for [part]. */
    fun names(part: String): List<String> = metrics.map { MetricNames.of(part, it.concept().name()) }

    /** Why [leftOut] are missing, for the run summary; null when none are. */
    fun note(): String? = leftOut.takeIf { it.isNotEmpty() }?.let { missing ->
        "${missing.joinToString(", ") { it.concept().name() }} left out: the engine scores rows as sums on its workers " +
            "(${FROM_SUMS.keys.joinToString(", ")}), and ${if (missing.size == 1) "this metric needs" else "these need"} every row's prediction"
    }

    companion object {
        /** Each metric that is a function of [RowScores], by its concept's name. */
        val FROM_SUMS: Map<String, (RowScores) -> Double> = linkedMapOf(
            MeanLoss.CONCEPT.name() to RowScores::meanLoss,
            Accuracy.CONCEPT.name() to RowScores::accuracy,
            MeanAbsoluteError.CONCEPT.name() to RowScores::meanAbsoluteError,
            RootMeanSquaredError.CONCEPT.name() to { s -> s.squaredErrors().sumOf { sqrt(it / s.rows()) } / s.squaredErrors().size },
            R2.CONCEPT.name() to RowScores::r2,
            MaxError.CONCEPT.name() to RowScores::maxError,
        )

        /**
         * The metrics of [registry] a part with [classes] classes (null: [outputs] real-valued targets) reports, as
         * a local run chooses them ([PartMetrics]): their needs met and [reported] true.
         */
        fun of(registry: Registry, classes: Int?, outputs: Int, reported: (Metric) -> Boolean): ScoreMetrics {
            val all = registry.of(Metric.KIND).all()
                .sortedWith(compareBy({ it.name() != MeanLoss.CONCEPT.name() }, { it.name() }))
                .map { it.create() }
                .filter(reported)
                .filter { metric ->
                    when (metric.needs()!!) {
                        Metric.Needs.ANY -> true
                        Metric.Needs.CLASSES -> classes != null
                        Metric.Needs.TWO_CLASSES -> classes == 2
                        Metric.Needs.VALUES -> classes == null
                        Metric.Needs.ONE_VALUE -> classes == null && outputs == 1
                    }
                }
            val (summed, leftOut) = all.partition { it.concept().name() in FROM_SUMS }
            return ScoreMetrics(summed, leftOut)
        }
    }
}
