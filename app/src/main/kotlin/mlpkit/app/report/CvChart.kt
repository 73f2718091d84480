package mlpkit.app.report

import mlpkit.dsl.cv.CvResult
import mlpkit.dsl.train.MetricNames
import org.knowm.xchart.XYChart
import org.knowm.xchart.style.Styler
import org.knowm.xchart.style.markers.SeriesMarkers

/**
 * A cross-validation's held-out score per fold: [metric] of every fold (points, fold 1 … k·r), the folds' mean
 * (a solid line) and mean ± the population standard deviation (dashed lines).
 */
internal class CvChart(val metric: String, val values: DoubleArray, val mean: Double, val std: Double) {
    fun chart(name: String): XYChart {
        val chart = ChartStyle.xyChart("Cross-validation $name: $metric", "fold", metric)
        val x = DoubleArray(values.size) { it + 1.0 }
        val folds = chart.addSeries("$metric per fold", x, values)
        folds.setMarker(SeriesMarkers.CIRCLE)
        folds.setMarkerColor(Palette.train)
        folds.setLineColor(Palette.train)
        folds.setLineStyle(ChartStyle.lineStroke)
        fun level(label: String, y: Double, dashed: Boolean, inLegend: Boolean = true) {
            val series = chart.addSeries(label, doubleArrayOf(0.75, values.size + 0.25), doubleArrayOf(y, y))
            series.setMarker(SeriesMarkers.NONE)
            series.setLineColor(Palette.highlight)
            series.setLineStyle(if (dashed) ChartStyle.dashedStroke else ChartStyle.lineStroke)
            series.setShowInLegend(inLegend)
        }
        level(String.format(java.util.Locale.ROOT, "mean %.4f", mean), mean, dashed = false)
        level(String.format(java.util.Locale.ROOT, "mean ± std (%.4f)", std), mean + std, dashed = true)
        level("mean − std", mean - std, dashed = true, inLegend = false)
        chart.styler.setMarkerSize(10)
        chart.styler.setLegendPosition(if (MetricNames.isMaximised(metric)) Styler.LegendPosition.InsideSE else Styler.LegendPosition.InsideNE)
        chart.styler.setXAxisTickLabelsFormattingFunction { v -> if (v == Math.floor(v)) v.toLong().toString() else "" }
        return chart
    }

    companion object {
        /** The held-out metrics a chart prefers, best first: ranking quality, accuracy, R², then loss. */
        private val PREFERRED = listOf("validation_auc", "validation_accuracy", "validation_r2", "validation_loss")

        /** The chart of [result]'s first preferred metric measured finite in every fold, or null. */
        fun of(result: CvResult): CvChart? {
            val metric = PREFERRED.firstOrNull { name -> name in result.metricNames && result.values(name).all { it.isFinite() } } ?: return null
            return CvChart(metric, result.values(metric), result.mean(metric), result.std(metric))
        }
    }
}
