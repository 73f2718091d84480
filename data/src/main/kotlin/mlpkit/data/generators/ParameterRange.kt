package mlpkit.data.generators

/**
 * The numbers a generator parameter accepts: from [min] to [max] (null: unbounded), each bound included or
 * not. Applies to every number of a value (both counts of a pair, every entry of a list); sklearn's None is
 * not a number and always passes. [text] is how messages show it: `≥ 1`, `in [0, 1)`.
 */
data class ParameterRange(
    val min: Double? = null,
    val max: Double? = null,
    val minIncluded: Boolean = true,
    val maxIncluded: Boolean = true,
) {
    /** Whether [value] is inside (NaN never is). */
    operator fun contains(value: Double): Boolean =
        !value.isNaN() &&
            (min == null || value > min || (minIncluded && value == min)) &&
            (max == null || value < max || (maxIncluded && value == max))

    val text: String
        get() = when {
            min != null && max != null -> "in ${if (minIncluded) "[" else "("}${show(min)}, ${show(max)}${if (maxIncluded) "]" else ")"}"
            min != null -> "${if (minIncluded) "≥" else ">"} ${show(min)}"
            max != null -> "${if (maxIncluded) "≤" else "<"} ${show(max)}"
            else -> "any number"
        }

    /** The numbers of a parsed value ([ParameterType.parse]'s result) outside this range. */
    fun outside(value: Any?): List<Double> = numbers(value).filterNot { it in this }

    private fun numbers(value: Any?): List<Double> = when (value) {
        null, is Boolean -> emptyList()
        is Int -> listOf(value.toDouble())
        is Long -> listOf(value.toDouble())
        is Double -> listOf(value)
        is Pair<*, *> -> numbers(value.first) + numbers(value.second)
        is IntArray -> value.map { it.toDouble() }
        is DoubleArray -> value.toList()
        is Array<*> -> value.flatMap { numbers(it) }
        else -> emptyList()
    }

    private fun show(x: Double): String = if (x == Math.rint(x) && kotlin.math.abs(x) < 1e15) x.toLong().toString() else x.toString()

    companion object {
        /** Whole counts from [min] up: `≥ 0` for sample counts, `≥ 1` for features and classes. */
        fun atLeast(min: Int) = ParameterRange(min = min.toDouble())

        /** A standard deviation or another non-negative number. */
        val NON_NEGATIVE = ParameterRange(min = 0.0)

        /** A fraction in [0, 1]. */
        val FRACTION = ParameterRange(0.0, 1.0)
    }
}
