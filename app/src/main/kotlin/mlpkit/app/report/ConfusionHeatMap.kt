package mlpkit.app.report

import java.awt.Color
import java.awt.Font
import java.util.Locale
import mlpkit.core.metrics.ConfusionMatrix
import org.knowm.xchart.HeatMapChart
import org.knowm.xchart.HeatMapChartBuilder

/**
 * The confusion matrix of one part as a heat map: true classes down the side (first class at the top,
 * as scikit-learn prints it), predicted classes along the bottom, the count written in every cell.
 * Colours run from white (0) to a mid blue (the largest count), light enough that black counts stay
 * readable in every cell.
 */
internal object ConfusionHeatMap {
    private val low = Color(0xffffff)
    private val high = Color(0x4f9bd9)

    fun of(predictions: PartPredictions): HeatMapChart {
        val names = predictions.classNames
        val k = names.size
        val matrix = ConfusionMatrix.of(predictions.labels, predictions.predicted, k)
        val size = (380 + 52 * k).coerceIn(600, 1000)
        val chart = HeatMapChartBuilder()
            .width(size + 130)
            .height(size)
            .title(
                String.format(
                    Locale.ROOT,
                    "Confusion matrix (%s part, %d samples, %.1f %% correct)",
                    predictions.part, predictions.size, 100.0 * matrix.correctCount() / matrix.total(),
                ),
            )
            .xAxisTitle("predicted class")
            .yAxisTitle("true class")
            .build()
        ChartStyle.apply(chart.styler)
        chart.styler.setChartTitleFont(ChartStyle.titleFont.deriveFont(17f))
        var largest = 1
        val cells = ArrayList<Array<Number>>(k * k)
        for (t in 0 until k) {
            for (p in 0 until k) {
                val count = matrix.count(t, p)
                largest = maxOf(largest, count)
                // y index 0 is the bottom row: the first true class goes to the top.
                cells += arrayOf<Number>(p, k - 1 - t, count)
            }
        }
        chart.addSeries("count", names, names.reversed(), cells)
        with(chart.styler) {
            setRangeColors(arrayOf(low, high))
            setMin(0.0)
            setMax(largest.toDouble())
            setShowValue(true)
            setValueFont(Font(Font.SANS_SERIF, Font.PLAIN, if (k <= 10) 15 else 11))
            setValueFontColor(Color.BLACK)
            setHeatMapValueDecimalPattern("0")
            setDrawBorder(true)
            // Cells fill the frame (XChart shifts the rows of a smaller content area off the frame).
            setPlotContentSize(1.0)
            setChartTitlePadding(12)
            // Every class named on both axes, however many there are.
            setYAxisTickMarkSpacingHint(8)
            setXAxisTickMarkSpacingHint(8)
            setPlotGridLinesVisible(false)
            // The counts are written in the cells; XChart's colour bar would only repeat them as "50.0".
            setLegendVisible(false)
            if (names.any { it.length > 4 }) setXAxisLabelRotation(35)
        }
        return chart
    }
}
