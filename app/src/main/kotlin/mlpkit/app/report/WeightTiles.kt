package mlpkit.app.report

import java.awt.Color
import java.awt.Font
import java.awt.RenderingHints
import java.awt.image.BufferedImage
import java.util.Locale
import kotlin.math.abs
import kotlin.math.ceil
import kotlin.math.roundToInt
import kotlin.math.sqrt

/**
 * The first layer's weights as image tiles, one per hidden unit: the weights from each input pixel to
 * that unit, laid out as the image (row-major, [side] × [side]) and coloured with a diverging map,
 * red for positive, blue for negative, white for zero. What a unit "looks for" shows as a stroke pattern.
 *
 * One colour scale for all tiles, ±[limit], so tiles can be compared: the limit is the 99th percentile of
 * |w| over the tiles shown (a handful of extreme weights would otherwise wash every tile out to white);
 * larger weights are drawn at full colour. Each weight is a [scale] × [scale] block of pixels, so a
 * 28 × 28 tile is 84 pixels wide and an 8 × 8 tile 88. At most [MAX_TILES] units are shown.
 */
internal class WeightTiles private constructor(
    val image: BufferedImage,
    val side: Int,
    val scale: Int,
    val columns: Int,
    val rows: Int,
    val units: Int,
    val shown: Int,
    val limit: Double,
) {
    /** The top-left pixel of unit [unit]'s tile. */
    fun tileOrigin(unit: Int): Pair<Int, Int> =
        Pair(MARGIN + (unit % columns) * (tilePixels + GAP), HEADER + (unit / columns) * (tilePixels + GAP))

    private val tilePixels: Int get() = side * scale

    companion object {
        const val MAX_TILES = 256
        private const val TARGET_TILE_PIXELS = 88.0
        private const val GAP = 4
        private const val MARGIN = 16
        private const val HEADER = 48
        private const val FOOTER = 84
        private const val MIN_WIDTH = 520

        /** The side of a square image with [inputs] pixels, or null when [inputs] is not a square of at least 8 × 8. */
        fun squareSide(inputs: Int): Int? {
            val side = sqrt(inputs.toDouble()).roundToInt()
            return side.takeIf { it >= 8 && it * it == inputs }
        }

        /**
         * The tiles of a weight matrix W (rows = [inputs], columns = [units]) stored row-major in
         * [parameters] from [offset], as core's `ParameterTensor` lays it out; null when [inputs] is not a
         * square image (see [squareSide]).
         */
        fun draw(parameters: DoubleArray, offset: Int, inputs: Int, units: Int): WeightTiles? {
            val side = squareSide(inputs) ?: return null
            val shown = minOf(units, MAX_TILES)
            val scale = maxOf(1, (TARGET_TILE_PIXELS / side).roundToInt())
            val columns = columnsFor(shown)
            val rows = ceil(shown / columns.toDouble()).toInt()
            val tile = side * scale
            val width = maxOf(MIN_WIDTH, 2 * MARGIN + columns * tile + (columns - 1) * GAP)
            val height = HEADER + rows * tile + (rows - 1) * GAP + FOOTER
            val limit = percentileOfMagnitudes(parameters, offset, inputs, units, shown, 0.99)
            val tiles = WeightTiles(BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), side, scale, columns, rows, units, shown, limit)
            tiles.paint { input, unit -> parameters[offset + input * units + unit] }
            return tiles
        }

        /**
         * Tiles per row: between √n and √(3n) (a landscape grid that fits a report), the count that leaves
         * the fewest empty places in the last row (128 units: 16 × 8; 64: 8 × 8; 10: 5 × 2).
         */
        fun columnsFor(n: Int): Int {
            val low = ceil(sqrt(n.toDouble())).toInt()
            val high = maxOf(low, ceil(sqrt(3.0 * n)).toInt())
            return (low..high).minBy { columns -> (columns - n % columns) % columns }.coerceIn(1, maxOf(1, n))
        }

        private fun percentileOfMagnitudes(parameters: DoubleArray, offset: Int, inputs: Int, units: Int, shown: Int, q: Double): Double {
            val magnitudes = DoubleArray(inputs * shown)
            var n = 0
            for (i in 0 until inputs) for (j in 0 until shown) {
                val w = parameters[offset + i * units + j]
                if (w.isFinite()) magnitudes[n++] = abs(w)
            }
            if (n == 0) return 1.0
            val sorted = magnitudes.copyOf(n).also { it.sort() }
            val value = sorted[((n - 1) * q).roundToInt()]
            return if (value > 0) value else sorted.last().takeIf { it > 0 } ?: 1.0
        }
    }

    private fun paint(weight: (input: Int, unit: Int) -> Double) {
        val g = image.createGraphics()
        try {
            g.color = Color.WHITE
            g.fillRect(0, 0, image.width, image.height)
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON)
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON)
            g.color = Color(0x222222)
            g.font = Font(Font.SANS_SERIF, Font.BOLD, 17)
            val what = if (shown < units) "the first $shown of $units units" else "$units units"
            g.drawString("First layer weights: $what, one $side × $side tile each", MARGIN, 30)
            for (unit in 0 until shown) {
                val (x0, y0) = tileOrigin(unit)
                for (r in 0 until side) for (c in 0 until side) {
                    g.color = Palette.diverging(weight(r * side + c, unit) / limit)
                    g.fillRect(x0 + c * scale, y0 + r * scale, scale, scale)
                }
                g.color = Color(0xbbbbbb)
                g.drawRect(x0 - 1, y0 - 1, tilePixels + 1, tilePixels + 1)
            }
            paintColourBar(g)
        } finally {
            g.dispose()
        }
    }

    /** A horizontal colour bar under the tiles, labelled −limit, 0, +limit. */
    private fun paintColourBar(g: java.awt.Graphics2D) {
        val barWidth = minOf(360, image.width - 2 * MARGIN)
        val x0 = (image.width - barWidth) / 2
        val y0 = image.height - FOOTER + 16
        for (i in 0 until barWidth) {
            g.color = Palette.diverging(2.0 * i / (barWidth - 1) - 1.0)
            g.fillRect(x0 + i, y0, 1, 14)
        }
        g.color = Color(0x999999)
        g.drawRect(x0 - 1, y0 - 1, barWidth + 1, 15)
        g.color = Color(0x222222)
        g.font = Font(Font.SANS_SERIF, Font.PLAIN, 14)
        val metrics = g.fontMetrics
        val low = String.format(Locale.ROOT, "−%.3g", limit)
        val high = String.format(Locale.ROOT, "+%.3g", limit)
        val baseline = y0 + 14 + metrics.ascent + 4
        g.drawString(low, x0 - metrics.stringWidth(low) / 2, baseline)
        g.drawString("0", x0 + barWidth / 2 - metrics.stringWidth("0") / 2, baseline)
        g.drawString(high, x0 + barWidth - metrics.stringWidth(high) / 2, baseline)
        g.font = Font(Font.SANS_SERIF, Font.PLAIN, 12)
        val note = "weight (colour scale ±99th percentile of |w|; larger weights clipped)"
        g.color = Color(0x555555)
        g.drawString(note, (image.width - g.fontMetrics.stringWidth(note)) / 2, baseline + 18)
    }
}
