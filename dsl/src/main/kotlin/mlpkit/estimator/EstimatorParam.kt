package mlpkit.estimator

/**
 * One parameter of an estimator, declared once: its [name] as scikit-learn writes it (`hidden_layer_sizes`), the
 * Kotlin/Java name derived from it ([camelName], `hiddenLayerSizes`), its [default] (scikit-learn 1.2.1's), the
 * [constraint] on its values (scikit-learn's `_parameter_constraints`), and one line of [doc]. [checked] turns a
 * caller's value into the parameter's own type or fails in scikit-learn's words; [exported] is the value as
 * `getParams()` shows it (scikit-learn's representation: `int[]` for the layer sizes, `inf`, a string for a choice).
 */
class EstimatorParam<T>(
    val name: String,
    val default: T,
    val doc: String,
    val constraint: Constraint<*>,
    private val convert: (Any) -> T,
    private val export: (T) -> Any? = { it },
    private val extraCheck: (T) -> String? = { null },
) {
    /** The camelCase name of Kotlin properties and constructor arguments: `n_iter_no_change` → `nIterNoChange`, `beta_1` → `beta1`. */
    val camelName: String = name.split('_').let { parts ->
        parts.first() + parts.drop(1).joinToString("") { it.replaceFirstChar(Char::uppercaseChar) }
    }

    /** [value] as this parameter's type, or an [InvalidParameterException] naming [estimator], the valid values and what was got. */
    fun checked(value: Any?, estimator: String): T {
        val accepted = constraint.accept(value)
            ?: throw InvalidParameterException(
                "The '$name' parameter of $estimator must be ${constraint.description}. Got ${pythonRepr(value)} instead.",
            )
        @Suppress("UNCHECKED_CAST")
        val converted = if (accepted === Constraint.NONE) null as T else convert(accepted)
        extraCheck(converted)?.let { throw InvalidParameterException(it) }
        return converted
    }

    /** [value] as `getParams()` shows it. */
    fun exported(value: T): Any? = export(value)

    override fun toString(): String = "$name ($camelName, default ${pythonRepr(exported(default))}): $doc"

    companion object {
        /** A value written as Python's `repr` would write it, as scikit-learn's messages show values. */
        fun pythonRepr(value: Any?): String = when (value) {
            null -> "None"
            is String -> "'$value'"
            is Boolean -> if (value) "True" else "False"
            is Double -> when {
                value == Double.POSITIVE_INFINITY -> "inf"
                value == Double.NEGATIVE_INFINITY -> "-inf"
                value.isNaN() -> "nan"
                value == Math.rint(value) && Math.abs(value) < 1e16 -> "${value.toLong()}.0"
                else -> pythonFloat(value)
            }
            is Float -> pythonRepr(value.toDouble())
            is Enum<*> -> "'${value.name}'"
            is IntArray -> value.joinToString(", ", "[", "]")
            is DoubleArray -> value.joinToString(", ", "[", "]") { pythonRepr(it) }
            is Array<*> -> value.joinToString(", ", "[", "]") { pythonRepr(it) }
            is Collection<*> -> value.joinToString(", ", "[", "]") { pythonRepr(it) }
            is Map<*, *> -> value.entries.joinToString(", ", "{", "}") { "${pythonRepr(it.key)}: ${pythonRepr(it.value)}" }
            else -> value.toString()
        }

        /** Python's `repr` of a non-integral finite float: positional for exponents −4 to 15, else `1e-05` style. */
        private fun pythonFloat(value: Double): String {
            val shortest = java.math.BigDecimal(value.toString())
            val exponent = shortest.precision() - shortest.scale() - 1
            if (exponent in -4..15) return shortest.stripTrailingZeros().toPlainString()
            val digits = shortest.unscaledValue().abs().toString().trimEnd('0').ifEmpty { "0" }
            val mantissa = if (digits.length == 1) digits else digits[0] + "." + digits.substring(1)
            val sign = if (value < 0) "-" else ""
            val exp = if (exponent < 0) "-" + (-exponent).toString().padStart(2, '0') else "+" + exponent.toString().padStart(2, '0')
            return "$sign${mantissa}e$exp"
        }
    }
}
