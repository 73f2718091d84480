package mlpkit.app.report

import java.util.Locale
import kotlin.math.abs
import kotlin.math.ceil
import kotlin.math.floor
import kotlin.math.log10
import mlpkit.dsl.model.HistoryRow
import org.knowm.xchart.XYChart
import org.knowm.xchart.style.markers.SeriesMarkers

/**
 * Loss and accuracy per epoch from a run's history, training and validation side by side.
 *
 * The training values are those the history records: the mean over the epoch's mini-batches while the
 * weights were still changing (as Keras reports them); validation values are measured in inference mode
 * after the epoch. A run without a validation part draws the training curve alone. A curve whose values
 * spread over more than four decades (a diverging run) is drawn as log10 of its values, and says so.
 */
internal object TrainingCurves {
    /** Epochs up to which every epoch gets a marker (with more, markers would hide the line). */
    private const val MARKED_EPOCHS = 40

    /** Largest over smallest value beyond which a curve is drawn as log10 of its values. */
    private const val LOG_SPREAD = 1e4

    /** The loss curve, or null for an empty history. [lossName] labels the axis, e.g. `softmax-ce`. */
    fun loss(history: List<HistoryRow>, lossName: String): XYChart? =
        curve(history, "loss", "Loss per epoch", "loss ($lossName, mean per sample)")

    /** The accuracy curve, or null when the history has no accuracy (regression) or is empty. */
    fun accuracy(history: List<HistoryRow>): XYChart? =
        curve(history, "accuracy", "Accuracy per epoch", "accuracy")

    private fun curve(history: List<HistoryRow>, metric: String, title: String, yTitle: String): XYChart? {
        var parts = listOf("train" to "training", "validation" to "validation")
            .mapNotNull { (part, label) -> series(history, "${part}_$metric")?.let { Triple(part, label, it) } }
        if (parts.isEmpty()) return null
        // A diverging run's loss climbs through hundreds of decades (1e296 before it turns NaN): drawn as it
        // is, every value but the last would sit on the axis, and XChart's tick search would not finish.
        val values = parts.flatMap { it.third.second.asList() }
        val logarithmic = values.min() > 0 && values.max() / values.min() > LOG_SPREAD
        if (logarithmic) parts = parts.map { (part, label, xy) -> Triple(part, label, xy.first to DoubleArray(xy.second.size) { log10(xy.second[it]) }) }
        val chart = ChartStyle.xyChart(title, "epoch", if (logarithmic) "log10 of $yTitle" else yTitle)
        val epochs = history.size
        for ((part, label, points) in parts) {
            val series = chart.addSeries(label, points.first, points.second)
            series.setLineColor(if (part == "train") Palette.train else Palette.validation)
            series.setMarkerColor(if (part == "train") Palette.train else Palette.validation)
            series.setLineStyle(ChartStyle.lineStroke)
            series.setMarker(if (epochs <= MARKED_EPOCHS) SeriesMarkers.CIRCLE else SeriesMarkers.NONE)
        }
        val (firstEpochs, firstValues) = parts.first().third
        if (firstEpochs.size > 2) ChartStyle.useNiceXTicks(chart, (firstEpochs[0] + firstEpochs[1]) / 2, firstValues[0])
        val first = history.first().epoch.toDouble()
        val last = history.last().epoch.toDouble()
        // A one-epoch run still gets an x axis with room on both sides of its single point.
        if (last - first < 2) {
            chart.styler.setXAxisMin(first - 1)
            chart.styler.setXAxisMax(last + 1)
        }
        // Epochs are whole numbers: ticks between them (1.5) get no label rather than a misleading one.
        chart.styler.setXAxisTickLabelsFormattingFunction { x ->
            if (x == floor(x)) String.format(Locale.ROOT, "%,d", x.toLong()) else ""
        }
        fitYAxis(chart, parts.flatMap { it.third.second.asList() }, history.size)
        chart.styler.setLegendVisible(parts.size > 1)
        return chart
    }

    /**
     * Tick labels with as many decimals as the values' spread needs (0.0561, not 0.056123456789012), and
     * for a run of a few epochs a range padded around its few values (XChart would otherwise put the two
     * values on the plot's top and bottom edges and label them in full).
     */
    private fun fitYAxis(chart: XYChart, values: List<Double>, epochs: Int) {
        val low = values.min()
        val high = values.max()
        val spread = (high - low).takeIf { it > 1e-12 } ?: maxOf(abs(high) * 0.1, 1e-3)
        if (epochs <= 3 || high - low <= 1e-12) {
            chart.styler.setYAxisMin(low - 0.2 * spread)
            chart.styler.setYAxisMax(high + 0.2 * spread)
        }
        val decimals = ceil(-log10(spread / 8)).toInt().coerceIn(0, 8)
        chart.styler.setYAxisDecimalPattern(if (decimals == 0) "#,##0" else "0." + "#".repeat(decimals))
    }

    /** Epochs and values of [name] over the rows that have it (finite values only), or null if none do. */
    private fun series(history: List<HistoryRow>, name: String): Pair<DoubleArray, DoubleArray>? {
        val rows = history.filter { it.metrics[name]?.isFinite() == true }
        if (rows.isEmpty()) return null
        return DoubleArray(rows.size) { rows[it].epoch.toDouble() } to DoubleArray(rows.size) { rows[it].metrics.getValue(name) }
    }
}
