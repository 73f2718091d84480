package mlpkit.app.report

import mlpkit.core.matrix.DenseMatrix
import org.knowm.xchart.XYChart
import org.knowm.xchart.XYSeries
import org.knowm.xchart.style.markers.SeriesMarkers

/**
 * The pictures of a regression run, one per output, on one part (in the targets' own units): predicted
 * against actual values with the line y = x (where a perfect model's points lie), and residuals
 * (actual − predicted) against predicted values with the line residual = 0.
 */
internal object RegressionCharts {
    /** Predicted against actual for output [column] of [actual] and [predicted] (rows are samples). */
    fun predictedVsActual(part: String, name: String, actual: DenseMatrix, predicted: DenseMatrix, column: Int): XYChart {
        val x = column(actual, column)
        val y = column(predicted, column)
        val chart = ChartStyle.xyChart(title("Predicted vs actual", part, x.size), "actual $name", "predicted $name", 720, 660)
        points(chart, part, x, y)
        val low = minOf(x.min(), y.min())
        val high = maxOf(x.max(), y.max())
        line(chart, "y = x", doubleArrayOf(low, high), doubleArrayOf(low, high))
        return chart
    }

    /** Residuals (actual − predicted) against predicted for output [column]. */
    fun residuals(part: String, name: String, actual: DenseMatrix, predicted: DenseMatrix, column: Int): XYChart {
        val p = column(predicted, column)
        val a = column(actual, column)
        val residuals = DoubleArray(p.size) { a[it] - p[it] }
        val chart = ChartStyle.xyChart(title("Residuals", part, p.size), "predicted $name", "actual − predicted", 720, 660)
        points(chart, part, p, residuals)
        line(chart, "residual = 0", doubleArrayOf(p.min(), p.max()), doubleArrayOf(0.0, 0.0))
        return chart
    }

    /**
     * The chart's title: what, the part and its size. The target's name is on the axes (and in the report's
     * caption), not in the title, which a long name such as diabetes' "disease progression" pushed past the edge.
     */
    fun title(what: String, part: String, samples: Int) = "$what, $part part ($samples samples)"

    private fun column(m: DenseMatrix, c: Int): DoubleArray = DoubleArray(m.rowDimension) { m.getEntry(it, c) }

    private fun points(chart: XYChart, part: String, x: DoubleArray, y: DoubleArray) {
        val series = chart.addSeries(part, x, y)
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter)
        series.setMarker(SeriesMarkers.CIRCLE)
        series.setMarkerColor(Palette.train)
    }

    private fun line(chart: XYChart, name: String, x: DoubleArray, y: DoubleArray) {
        val series = chart.addSeries(name, x, y)
        series.setLineColor(Palette.chance)
        series.setLineStyle(ChartStyle.dashedStroke)
        series.setMarker(SeriesMarkers.NONE)
    }
}
