package mlpkit.app.report

/**
 * The elbow of a sweep curve: the point after which a larger value buys little more.
 *
 * Defined as Kneedle's knee (Satopää, Albrecht, Irwin & Raghavan, "Finding a 'Kneedle' in a Haystack",
 * 2011) without its smoothing step: both axes are normalised to [0, 1] (x by its range, the metric by its
 * range, turned round first when smaller is better, so "up" always means "better"); the chord joins the
 * first point (smallest x) to the last (largest x); the elbow is the point that lies furthest above that
 * chord. For a fixed chord the vertical gap orders points exactly as their perpendicular distance does.
 *
 * No elbow (null) for fewer than three distinct x values, a flat metric, or a curve with no point above
 * its chord (one that keeps improving faster and faster has no point of diminishing returns).
 */
internal object Elbow {
    /**
     * The index in [x] / [y] of the elbow, or null (see the class comment). [higherIsBetter] is true for
     * accuracy and AUC, false for losses. Non-finite values are ignored.
     */
    fun of(x: DoubleArray, y: DoubleArray, higherIsBetter: Boolean): Int? {
        require(x.size == y.size) { "x has ${x.size} values but y has ${y.size}: one metric value per swept value" }
        val order = x.indices.filter { x[it].isFinite() && y[it].isFinite() }.sortedBy { x[it] }
        if (order.map { x[it] }.distinct().size < 3) return null
        val gain = DoubleArray(x.size) { if (higherIsBetter) y[it] else -y[it] }
        val xLow = x[order.first()]
        val xHigh = x[order.last()]
        val gLow = order.minOf { gain[it] }
        val gHigh = order.maxOf { gain[it] }
        if (gHigh <= gLow) return null
        fun nx(i: Int) = (x[i] - xLow) / (xHigh - xLow)
        fun ny(i: Int) = (gain[i] - gLow) / (gHigh - gLow)
        val start = ny(order.first())
        val end = ny(order.last())
        var best: Int? = null
        var bestGap = 0.0
        for (i in order.drop(1).dropLast(1)) {
            val gap = ny(i) - (start + (end - start) * nx(i))
            if (gap > bestGap) {
                bestGap = gap
                best = i
            }
        }
        return best
    }
}
