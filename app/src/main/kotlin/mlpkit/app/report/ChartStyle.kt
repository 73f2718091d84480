package mlpkit.app.report

import java.awt.BasicStroke
import java.awt.Color
import java.awt.Font
import java.awt.image.BufferedImage
import java.util.Locale
import org.knowm.xchart.BitmapEncoder
import org.knowm.xchart.XYChart
import org.knowm.xchart.XYChartBuilder
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle
import org.knowm.xchart.internal.chartpart.IChart
import org.knowm.xchart.style.AxesChartStyler
import org.knowm.xchart.style.Styler
import org.knowm.xchart.style.markers.SeriesMarkers

/**
 * One look for every chart: white background, light grid, fonts large enough to read when the PNG is
 * shown at half size in the report, and number formats that do not depend on the machine's locale
 * (a German machine must not write 0,5 on one axis and 0.5 in the report).
 */
internal object ChartStyle {
    const val WIDTH = 900
    const val HEIGHT = 560

    private const val FAMILY = Font.SANS_SERIF
    val titleFont = Font(FAMILY, Font.BOLD, 19)
    val axisTitleFont = Font(FAMILY, Font.PLAIN, 16)
    val tickFont = Font(FAMILY, Font.PLAIN, 14)
    val legendFont = Font(FAMILY, Font.PLAIN, 15)
    val lineStroke = BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
    val dashedStroke = BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, floatArrayOf(7f, 5f), 0f)

    /** An XY line chart with this style. */
    fun xyChart(title: String, xTitle: String, yTitle: String, width: Int = WIDTH, height: Int = HEIGHT): XYChart {
        val chart = XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build()
        apply(chart.styler)
        chart.styler.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line)
        chart.styler.setLegendPosition(Styler.LegendPosition.InsideNE)
        return chart
    }

    /** Fonts, colours, grid and locale of an axes chart (XY or heat map). */
    fun apply(styler: AxesChartStyler) {
        styler.setChartTitleFont(titleFont)
        styler.setChartTitleBoxVisible(false)
        styler.setAxisTitleFont(axisTitleFont)
        styler.setAxisTickLabelsFont(tickFont)
        styler.setLegendFont(legendFont)
        styler.setChartBackgroundColor(Color.WHITE)
        styler.setPlotBackgroundColor(Color.WHITE)
        styler.setPlotBorderColor(Color(0x9a9a9a))
        styler.setPlotGridLinesColor(Color(0xe4e4e4))
        styler.setLegendBorderColor(Color(0xc8c8c8))
        styler.setLegendBackgroundColor(Color(255, 255, 255, 235))
        styler.setChartFontColor(Color(0x222222))
        styler.setAxisTickLabelsColor(Color(0x333333))
        styler.setChartPadding(14)
        styler.setAntiAlias(true)
        styler.setTextAntiAlias(true)
        styler.setLocale(Locale.ROOT)
        styler.setMarkerSize(7)
        styler.setYAxisLabelAlignment(AxesChartStyler.TextAlignment.Right)
    }

    /**
     * Gives [chart] "nice" x ticks (1, 2, 5 × 10ⁿ steps). XChart puts a tick on every k-th data point
     * when all x values are equally spaced (epochs 1, 2, 3, …), which gives ticks such as 1, 13, 25;
     * one invisible point off that grid, at ([x], [y]) inside the data's range, switches that off.
     */
    fun useNiceXTicks(chart: XYChart, x: Double, y: Double) {
        val helper = chart.addSeries(" ", doubleArrayOf(x), doubleArrayOf(y))
        helper.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter)
        helper.setMarker(SeriesMarkers.NONE)
        helper.setShowInLegend(false)
    }

    /** The chart drawn to an image of its own size. */
    fun render(chart: IChart): BufferedImage = BitmapEncoder.getBufferedImage(chart)

    /**
     * The chart with [margin] white pixels added on its right: XChart lays a chart without a legend out to
     * its very right edge, which looks cut off.
     */
    fun renderWithRightMargin(chart: IChart, margin: Int): BufferedImage {
        val chartImage = render(chart)
        val image = BufferedImage(chartImage.width + margin, chartImage.height, BufferedImage.TYPE_INT_RGB)
        val g = image.createGraphics()
        try {
            g.color = Color.WHITE
            g.fillRect(0, 0, image.width, image.height)
            g.drawImage(chartImage, 0, 0, null)
        } finally {
            g.dispose()
        }
        return image
    }
}
