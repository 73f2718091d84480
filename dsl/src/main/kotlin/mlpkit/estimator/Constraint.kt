package mlpkit.estimator

/**
 * What values one estimator parameter accepts, as scikit-learn's `_parameter_constraints` say it: [accept] turns a
 * value a caller passed (a Java boxed number, a string, an array …) into the parameter's own representation, or
 * null when the value is not allowed; [description] is scikit-learn's "must be …" wording.
 */
class Constraint<T : Any>(val description: String, val accept: (Any?) -> T?) {
    /** Also accepts [other]'s values (scikit-learn's lists of constraints: "… or …"). */
    infix fun or(other: Constraint<T>): Constraint<T> =
        Constraint("$description or ${other.description}") { value -> accept(value) ?: other.accept(value) }

    companion object {
        /** A real number in [low, high] with the ends closed or open as said: "a float in the range [0, inf)". */
        fun real(low: Double, high: Double = Double.POSITIVE_INFINITY, lowClosed: Boolean = true, highClosed: Boolean = false) =
            Constraint("a float in the range ${interval(low, high, lowClosed, highClosed)}") { value ->
                val number = (value as? Number)?.toDouble()?.takeIf { value !is Boolean }
                number?.takeIf {
                    (if (lowClosed) it >= low else it > low) && (if (highClosed) it <= high else it < high)
                }
            }

        /** An integer at least [low] (and at most [high]): "an int in the range [1, inf)". */
        fun integer(low: Long, high: Long = Long.MAX_VALUE) =
            Constraint("an int in the range ${interval(low.toDouble(), if (high == Long.MAX_VALUE) Double.POSITIVE_INFINITY else high.toDouble(), true, high != Long.MAX_VALUE)}") { value ->
                wholeNumber(value)?.takeIf { it in low..high }
            }

        /** One of [options] given as their names: "a str among {'adam', 'lbfgs', 'sgd'}" (sorted, as a set prints). */
        fun <E : Enum<E>> among(options: List<E>) =
            Constraint("a str among {${options.map { it.name }.sorted().joinToString(", ") { "'$it'" }}}") { value ->
                when (value) {
                    is Enum<*> -> options.firstOrNull { it === value }
                    is String -> options.firstOrNull { it.name == value }
                    else -> null
                }
            }

        /** Exactly [text]: "a str among {'auto'}". */
        fun literal(text: String) = Constraint<Any>("a str among {'$text'}") { value -> text.takeIf { value == text } }

        /** A boolean. */
        val boolean = Constraint("an instance of 'bool'") { value -> value as? Boolean }

        /** None (Kotlin's and Java's null), as for `random_state`. */
        val none = Constraint<Any>("None") { value -> if (value == null) NONE else null }

        /** What [none] accepts a null as (a constraint never accepts to null). */
        val NONE = Any()

        /** A Java or Kotlin whole number (never a boolean, never a double). */
        fun wholeNumber(value: Any?): Long? = when (value) {
            is Int -> value.toLong()
            is Long -> value
            is Short -> value.toLong()
            is Byte -> value.toLong()
            else -> null
        }

        private fun interval(low: Double, high: Double, lowClosed: Boolean, highClosed: Boolean): String =
            "${if (lowClosed) "[" else "("}${bound(low)}, ${bound(high)}${if (highClosed) "]" else ")"}"

        private fun bound(value: Double): String = when {
            value == Double.POSITIVE_INFINITY -> "inf"
            value == Double.NEGATIVE_INFINITY -> "-inf"
            value == Math.rint(value) && Math.abs(value) < 1e15 -> value.toLong().toString()
            else -> value.toString()
        }
    }
}
