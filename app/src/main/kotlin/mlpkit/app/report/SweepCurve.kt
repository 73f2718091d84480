package mlpkit.app.report

import java.util.Locale
import kotlin.math.floor
import mlpkit.core.concept.Registry
import mlpkit.dsl.cv.CvResult
import mlpkit.dsl.spec.SweepSpec
import mlpkit.dsl.sweep.SweepGrid
import mlpkit.dsl.sweep.SweepRow
import mlpkit.dsl.train.MetricNames
import org.knowm.xchart.AnnotationLine
import org.knowm.xchart.XYChart
import org.knowm.xchart.style.Styler
import org.knowm.xchart.style.markers.SeriesMarkers

/**
 * A sweep's result as one curve: the chosen [metric] of every variation against the varied value
 * ([axis]), with the [Elbow] marked. [elbowIndex] is the variation at the elbow, or null.
 */
internal class SweepCurve(val metric: String, val axis: SweepAxis, val values: DoubleArray, val elbowIndex: Int?) {
    /** A sentence for the report and the console, e.g. `elbow at k = 10 (test_auc 0.9612)`. */
    val elbowText: String
        get() = elbowIndex?.let {
            String.format(Locale.ROOT, "elbow at %s (%s %.4f), variation %s", axisValue(it), metric, values[it], axis.labels[it])
        } ?: "no elbow: the curve has no point above the chord from its first to its last point"

    private fun axisValue(i: Int) = if (axis.numeric) "x = ${plain(axis.values[i])}" else axis.labels[i]

    fun chart(sweepName: String): XYChart {
        val chart = ChartStyle.xyChart("Sweep $sweepName: $metric", if (axis.numeric) axis.title else "variation", metric)
        val order = axis.values.indices.filter { values[it].isFinite() }.sortedBy { axis.values[it] }
        val line = chart.addSeries(metric, DoubleArray(order.size) { axis.values[order[it]] }, DoubleArray(order.size) { values[order[it]] })
        line.setLineColor(Palette.train)
        line.setMarkerColor(Palette.train)
        line.setLineStyle(ChartStyle.lineStroke)
        line.setMarker(SeriesMarkers.CIRCLE)
        if (order.size > 2) ChartStyle.useNiceXTicks(chart, (axis.values[order[0]] + axis.values[order[1]]) / 2, values[order[0]])
        elbowIndex?.let { i ->
            val elbow = chart.addSeries("elbow (Kneedle): ${axisValue(i)}", doubleArrayOf(axis.values[i]), doubleArrayOf(values[i]))
            elbow.setMarker(SeriesMarkers.DIAMOND)
            elbow.setMarkerColor(Palette.highlight)
            elbow.setLineColor(Palette.highlight)
            val vertical = AnnotationLine(axis.values[i], true, false)
            chart.addAnnotation(vertical)
            chart.styler.setAnnotationLineColor(Palette.highlight)
            chart.styler.setAnnotationLineStroke(ChartStyle.dashedStroke)
        }
        chart.styler.setMarkerSize(10)
        chart.styler.setLegendPosition(if (isMaximised(metric)) Styler.LegendPosition.InsideSE else Styler.LegendPosition.InsideNE)
        if (!axis.numeric || axis.values.all { it == floor(it) }) {
            chart.styler.setXAxisTickLabelsFormattingFunction { x ->
                val i = axis.values.indexOfFirst { it == x }
                when {
                    !axis.numeric -> axis.labels.getOrElse((x - 1).toInt()) { "" }.takeIf { x == floor(x) } ?: ""
                    x == floor(x) -> String.format(Locale.ROOT, "%d", x.toLong())
                    i >= 0 -> plain(x)
                    else -> ""
                }
            }
        }
        return chart
    }

    companion object {
        /** The metrics a sweep curve prefers, best first: held-out ranking quality, then accuracy, then loss. */
        internal val PREFERRED = listOf(
            "test_auc", "test_accuracy", "validation_auc", "validation_accuracy", "train_auc", "train_accuracy",
            "test_loss", "validation_loss", "train_loss",
        )

        /**
         * The folds' means a cross-validated sweep prefers, best first: held-out ranking quality, accuracy, R², then loss
         * (`cv_validation_auc`, …).
         */
        internal val CV_PREFERRED = listOf("validation_auc", "validation_accuracy", "validation_r2", "validation_loss", "train_loss")
            .map(CvResult::summaryName)

        /**
         * The metric a sweep is judged by: the first of [CV_PREFERRED] (when every row was cross-validated, a sweep with
         * `"cv"`) or of [PREFERRED] measured finite in every row, or null.
         */
        internal fun metricOf(rows: List<SweepRow>): String? {
            val names = if (rows.isNotEmpty() && rows.all { it.cv != null }) CV_PREFERRED else PREFERRED
            return names.firstOrNull { name -> rows.all { it.metrics[name]?.isFinite() == true } }
        }

        /** Whether higher is better for [metric], a folds' mean (`cv_validation_loss`) as for the fold metric it averages. */
        internal fun isMaximised(metric: String, registry: Registry = Registry.builtIns()): Boolean =
            MetricNames.isMaximised(CvResult.foldMetric(metric) ?: metric, registry)

        /**
         * The curve of [rows] (in the order of [sweep]'s variations, a grid's included: [seed] is the experiment's, which
         * draws a random search's), or null when no preferred metric is in every row.
         */
        fun of(sweep: SweepSpec, rows: List<SweepRow>, seed: Long = 0L): SweepCurve? {
            val metric = metricOf(rows) ?: return null
            val byName = rows.associateBy { it.name }
            val variations = SweepGrid.variations(sweep, seed).filter { it.name in byName }
            if (variations.size < 2) return null
            val axis = SweepAxis.of(variations)
            val values = DoubleArray(variations.size) { byName.getValue(variations[it].name).metrics.getValue(metric) }
            return SweepCurve(metric, axis, values, Elbow.of(axis.values, values, isMaximised(metric)))
        }

        private fun plain(value: Double): String = value.toBigDecimal().stripTrailingZeros().toPlainString()
    }
}
