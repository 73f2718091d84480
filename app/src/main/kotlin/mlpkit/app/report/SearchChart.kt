package mlpkit.app.report

import java.util.Locale
import kotlin.math.floor
import mlpkit.dsl.cv.CvResult
import org.knowm.xchart.XYChart
import org.knowm.xchart.style.Styler
import org.knowm.xchart.style.markers.SeriesMarkers

/**
 * A grid or random search's result as one picture: the [ranking]'s score of every variation that ended ok, best first
 * (x = its place in the ranking, 1 … n), with ± the folds' population standard deviation as error bars when the
 * sweep cross-validated them ([stds] non-null: the `cv_<metric>_std` of each row).
 */
internal class SearchChart(val ranking: SweepRanking) {
    /** The rows' scores, best first. */
    val scores: DoubleArray = DoubleArray(ranking.rows.size) { ranking.rows[it].metrics.getValue(ranking.metric) }

    /** The rows' standard deviations over the folds, best first, or null when the rows were not cross-validated. */
    val stds: DoubleArray? = ranking.metric.takeIf { m -> ranking.rows.all { it.metrics[m + CvResult.STD_SUFFIX]?.isFinite() == true } }
        ?.let { m -> DoubleArray(ranking.rows.size) { ranking.rows[it].metrics.getValue(m + CvResult.STD_SUFFIX) } }

    /** The picture's caption: what is drawn and the best variation. */
    val caption: String
        get() = String.format(
            Locale.ROOT, "%s of the %d variations that ended ok, best first%s; the best is %s (%.4f).",
            ranking.metric, scores.size, if (stds != null) ", with ± the folds' standard deviation" else "", ranking.rows.first().name, scores.first(),
        )

    fun chart(sweepName: String): XYChart {
        val chart = ChartStyle.xyChart("Search $sweepName: ${ranking.metric}", "variation, best first (rank order)", ranking.metric)
        val x = DoubleArray(scores.size) { it + 1.0 }
        val series = if (stds != null) chart.addSeries(ranking.metric, x, scores, stds) else chart.addSeries(ranking.metric, x, scores)
        series.setMarker(SeriesMarkers.CIRCLE)
        series.setMarkerColor(Palette.train)
        series.setLineColor(Palette.train)
        series.setLineStyle(ChartStyle.lineStroke)
        chart.styler.setErrorBarsColor(Palette.highlight)
        chart.styler.setMarkerSize(10)
        chart.styler.setLegendPosition(if (SweepCurve.isMaximised(ranking.metric)) Styler.LegendPosition.InsideNE else Styler.LegendPosition.InsideSE)
        chart.styler.setXAxisTickLabelsFormattingFunction { v -> if (v == floor(v)) v.toLong().toString() else "" }
        return chart
    }
}
