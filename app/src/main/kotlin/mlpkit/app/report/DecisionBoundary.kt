package mlpkit.app.report

import java.awt.Color
import java.awt.RenderingHints
import java.awt.image.BufferedImage
import kotlin.math.roundToInt
import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.ClassLabels
import mlpkit.data.Dataset
import mlpkit.dsl.model.Model
import org.knowm.xchart.XYChart
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle
import org.knowm.xchart.style.Styler
import org.knowm.xchart.style.markers.SeriesMarkers

/**
 * The decision regions of a classifier with two inputs, with the samples on top, in the inputs' own
 * units (raw, before any scaling the model applies).
 *
 * Every plot cell of [CELL] × [CELL] pixels is painted with a tint of the class the model predicts at
 * the cell's centre: the more confident the prediction (largest probability from 1/k up to 1), the
 * stronger the tint, so the boundary shows as a pale band where the classes meet. The samples are drawn
 * in their true class's full colour: a dot whose colour differs from its background is misclassified.
 *
 * The chart (axes, ticks, legend, samples) is drawn by XChart with a transparent background; the regions
 * are painted underneath it, into the plot area the chart reports for the axis ranges fixed here.
 */
internal class DecisionBoundary private constructor(
    val image: BufferedImage,
    private val xMin: Double,
    private val xMax: Double,
    private val yMin: Double,
    private val yMax: Double,
    private val plotLeft: Double,
    private val plotRight: Double,
    private val plotTop: Double,
    private val plotBottom: Double,
) {
    /** The pixel (column, row) where the data point ([x], [y]) is drawn. */
    fun pixelOf(x: Double, y: Double): Pair<Int, Int> = Pair(
        (plotLeft + (x - xMin) / (xMax - xMin) * (plotRight - plotLeft)).roundToInt(),
        (plotBottom - (y - yMin) / (yMax - yMin) * (plotBottom - plotTop)).roundToInt(),
    )

    companion object {
        /** Side of one predicted cell in pixels: fine enough for a smooth boundary, ~50 000 predictions. */
        const val CELL = 2

        /** How much of the range is added on each side, so no sample sits on the frame. */
        private const val MARGIN = 0.08

        /** The tint of a region predicted as [classIndex] with [strength] 0 (a coin toss) … 1 (certain). */
        fun regionColor(classIndex: Int, strength: Double): Color =
            Palette.blend(Color.WHITE, Palette.classColor(classIndex), 0.14 + 0.36 * strength.coerceIn(0.0, 1.0))

        /**
         * The picture for [model] and the raw [parts] (name to data set, e.g. train and test), or null when
         * the model does not take exactly two inputs or is not a classifier.
         */
        fun draw(model: Model, parts: List<Pair<String, Dataset>>, width: Int = ChartStyle.WIDTH, height: Int = 640): DecisionBoundary? {
            if (model.inputSize != 2 || !model.isClassifier || parts.isEmpty()) return null
            val classNames = model.classNames ?: (parts.first().second.targets as? ClassLabels)?.classNames ?: return null
            val points = parts.map { (name, data) -> Triple(name, data.features.toMatrix(), (data.targets as ClassLabels).labels) }
            val xs = points.flatMap { (_, m, _) -> (0 until m.rowDimension).map { m.getEntry(it, 0) } }
            val ys = points.flatMap { (_, m, _) -> (0 until m.rowDimension).map { m.getEntry(it, 1) } }
            val (xMin, xMax) = paddedRange(xs.min(), xs.max())
            val (yMin, yMax) = paddedRange(ys.min(), ys.max())

            val chart = ChartStyle.xyChart("Decision regions and samples", "x0", "x1", width, height)
            with(chart.styler) {
                setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Scatter)
                setChartBackgroundColor(Color(0, 0, 0, 0))
                setPlotBackgroundColor(Color(0, 0, 0, 0))
                setPlotGridLinesVisible(false)
                // The data range fills the plot frame, so the regions reach the frame on every side.
                setPlotContentSize(1.0)
                setPlotMargin(0)
                setXAxisMin(xMin)
                setXAxisMax(xMax)
                setYAxisMin(yMin)
                setYAxisMax(yMax)
                setLegendPosition(Styler.LegendPosition.OutsideE)
                setMarkerSize(8)
            }
            val markers = listOf(SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP)
            points.forEachIndexed { partIndex, (partName, matrix, labels) ->
                for (k in classNames.indices) {
                    val rows = labels.indices.filter { labels[it] == k }
                    if (rows.isEmpty()) continue
                    val label = if (points.size > 1) "$partName: ${classNames[k]}" else "class ${classNames[k]}"
                    val series = chart.addSeries(
                        label,
                        DoubleArray(rows.size) { matrix.getEntry(rows[it], 0) },
                        DoubleArray(rows.size) { matrix.getEntry(rows[it], 1) },
                    )
                    series.setMarker(markers[partIndex % markers.size])
                    series.setMarkerColor(Palette.classColor(k))
                }
            }
            // Painted into an image with an alpha channel, so everything but the chart's own marks stays see-through.
            val overlay = BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB)
            overlay.createGraphics().also { chart.paint(it, width, height) }.dispose()
            val picture = DecisionBoundary(
                BufferedImage(width, height, BufferedImage.TYPE_INT_RGB),
                xMin, xMax, yMin, yMax,
                chart.getScreenXFromChart(xMin), chart.getScreenXFromChart(xMax),
                chart.getScreenYFromChart(yMax), chart.getScreenYFromChart(yMin),
            )
            picture.paint(model, classNames.size, overlay)
            return picture
        }

        private fun paddedRange(min: Double, max: Double): Pair<Double, Double> {
            val span = (max - min).takeIf { it > 0 } ?: 1.0
            return Pair(min - MARGIN * span, max + MARGIN * span)
        }
    }

    /** White background, the predicted regions inside the plot area, then the chart on top. */
    private fun paint(model: Model, classCount: Int, overlay: BufferedImage) {
        val g = image.createGraphics()
        try {
            g.color = Color.WHITE
            g.fillRect(0, 0, image.width, image.height)
            val left = plotLeft.roundToInt()
            val top = plotTop.roundToInt()
            val columns = ((plotRight - plotLeft) / CELL).toInt() + 1
            val rows = ((plotBottom - plotTop) / CELL).toInt() + 1
            val grid = DenseMatrix(columns * rows, 2)
            for (r in 0 until rows) {
                for (c in 0 until columns) {
                    val px = left + c * CELL + CELL / 2.0
                    val py = top + r * CELL + CELL / 2.0
                    grid.setEntry(r * columns + c, 0, xMin + (px - plotLeft) / (plotRight - plotLeft) * (xMax - xMin))
                    grid.setEntry(r * columns + c, 1, yMax - (py - plotTop) / (plotBottom - plotTop) * (yMax - yMin))
                }
            }
            val probabilities = model.predictProba(grid)
            val chance = 1.0 / classCount
            for (r in 0 until rows) {
                for (c in 0 until columns) {
                    val i = r * columns + c
                    var best = 0
                    for (j in 1 until probabilities.columnDimension) if (probabilities.getEntry(i, j) > probabilities.getEntry(i, best)) best = j
                    val strength = (probabilities.getEntry(i, best) - chance) / (1.0 - chance)
                    g.color = regionColor(best, if (strength.isFinite()) strength else 0.0)
                    g.fillRect(left + c * CELL, top + r * CELL, CELL, CELL)
                }
            }
            // The regions stop at the plot frame; the chart's frame, ticks and samples go on top.
            g.color = Color.WHITE
            g.fillRect(0, 0, image.width, top)
            g.fillRect(0, 0, left, image.height)
            g.fillRect(plotRight.roundToInt() + 1, 0, image.width, image.height)
            g.fillRect(0, plotBottom.roundToInt() + 1, image.width, image.height)
            g.setRenderingHint(RenderingHints.KEY_ALPHA_INTERPOLATION, RenderingHints.VALUE_ALPHA_INTERPOLATION_QUALITY)
            g.drawImage(overlay, 0, 0, null)
        } finally {
            g.dispose()
        }
    }
}
