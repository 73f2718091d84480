package mlpkit.app.report

import java.awt.Color
import kotlin.math.roundToInt

/**
 * The colours every picture shares, so that class 1 is the same orange in the decision boundary, the
 * ROC curve and the report, and a weight of +0.1 is the same red in every tile.
 */
internal object Palette {
    /**
     * matplotlib's `tab10` (the colours most readers already associate with classes 0…9); beyond ten
     * classes, hues spaced by the golden angle so neighbours never look alike.
     */
    private val classColors = intArrayOf(
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf,
    ).map(::Color)

    /** ColorBrewer's RdBu with 5 stops: blue for negative, near white at zero, red for positive. */
    private val divergingStops = intArrayOf(0x2166ac, 0x67a9cf, 0xf7f7f7, 0xef8a62, 0xb2182b).map(::Color)

    val train: Color = classColors[0]
    val validation: Color = classColors[1]
    val chance: Color = Color(0x888888)
    val highlight: Color = Color(0xd62728)

    fun classColor(index: Int): Color =
        classColors.getOrNull(index) ?: Color.getHSBColor(((index * 0.618034) % 1.0).toFloat(), 0.65f, 0.8f)

    /**
     * The diverging colour of [t], a value already divided by the colour scale's limit: −1 is dark
     * blue, 0 near white, +1 dark red; values beyond ±1 are clipped and NaN is drawn as mid grey.
     */
    fun diverging(t: Double): Color {
        if (t.isNaN()) return Color(0x808080)
        val position = (t.coerceIn(-1.0, 1.0) + 1.0) / 2.0 * (divergingStops.size - 1)
        val lower = position.toInt().coerceAtMost(divergingStops.size - 2)
        return blend(divergingStops[lower], divergingStops[lower + 1], position - lower)
    }

    /** The colour [fraction] of the way from [from] to [to] (0 is [from], 1 is [to]), per RGB channel. */
    fun blend(from: Color, to: Color, fraction: Double): Color {
        val f = fraction.coerceIn(0.0, 1.0)
        fun channel(a: Int, b: Int) = (a + (b - a) * f).roundToInt().coerceIn(0, 255)
        return Color(channel(from.red, to.red), channel(from.green, to.green), channel(from.blue, to.blue))
    }
}
