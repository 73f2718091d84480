package mlpkit.app.report

import java.util.Locale
import mlpkit.core.metrics.RocCurve
import org.knowm.xchart.XYChart
import org.knowm.xchart.style.Styler
import org.knowm.xchart.style.markers.SeriesMarkers

/**
 * The ROC curve of a binary classifier on one part, with its AUC in the legend (computed by core's
 * [RocCurve], ties as scikit-learn's `roc_auc_score`) and the chance diagonal for comparison.
 */
internal object RocChart {
    fun of(predictions: PartPredictions): XYChart? {
        if (!predictions.hasRoc) return null
        val curve = RocCurve.of(predictions.labels, predictions.scores!!)
        val chart = ChartStyle.xyChart(
            "ROC curve, ${predictions.part} part (${predictions.size} samples)",
            "false positive rate",
            "true positive rate",
            width = 720,
            height = 660,
        )
        val model = chart.addSeries(String.format(Locale.ROOT, "network (AUC = %.4f)", curve.area()), curve.falsePositiveRates(), curve.truePositiveRates())
        model.setLineColor(Palette.train)
        model.setLineStyle(ChartStyle.lineStroke)
        model.setMarker(SeriesMarkers.NONE)
        val chance = chart.addSeries("chance (AUC = 0.5)", doubleArrayOf(0.0, 1.0), doubleArrayOf(0.0, 1.0))
        chance.setLineColor(Palette.chance)
        chance.setLineStyle(ChartStyle.dashedStroke)
        chance.setMarker(SeriesMarkers.NONE)
        // A few distinct rates (a small part) are equally spaced; the helper point keeps the ticks at 0.1 steps.
        ChartStyle.useNiceXTicks(chart, 0.37, 0.37)
        with(chart.styler) {
            setXAxisMin(0.0)
            setXAxisMax(1.0)
            setYAxisMin(0.0)
            setYAxisMax(1.0)
            setXAxisDecimalPattern("0.0")
            setYAxisDecimalPattern("0.0")
            setLegendPosition(Styler.LegendPosition.InsideSE)
        }
        return chart
    }
}
