package mlpkit.data.generators

/**
 * The kinds of value a generator parameter takes on the command line, each with its raw syntax
 * ([syntax], shown in help) and its parser. Lists are comma-separated (`0.5,0.3,0.2`), matrix rows
 * separated by `;` (`0,0;4,4`), booleans `true|false`, and sklearn's None is `none`.
 *
 * Parsed values are: [INT] Int, [OPTIONAL_INT] Int?, [FLOAT] Double, [OPTIONAL_FLOAT] Double?,
 * [BOOLEAN] Boolean, [SEED] Long?, [INT_OR_PAIR] Int or Pair<Int, Int>, [INT_OR_INT_LIST] Int or
 * IntArray, [CENTERS] Int, Array<DoubleArray> or null, [FLOAT_OR_LIST] Double or DoubleArray,
 * [FLOAT_OR_LIST_OR_NONE] Double, DoubleArray or null, [FLOAT_LIST_OR_NONE] DoubleArray or null,
 * [FLOAT_PAIR] Pair<Double, Double>.
 */
enum class ParameterType(val syntax: String) {
    INT("integer"),
    OPTIONAL_INT("integer or none"),
    FLOAT("number"),
    OPTIONAL_FLOAT("number or none"),
    BOOLEAN("true|false"),
    SEED("integer 0..4294967295 or none"),
    INT_OR_PAIR("integer, or two comma-separated integers"),
    INT_OR_INT_LIST("integer, or comma-separated integers"),
    CENTERS("integer, rows of numbers like 0,0;4,4, or none"),
    FLOAT_OR_LIST("number, or comma-separated numbers"),
    FLOAT_OR_LIST_OR_NONE("number, comma-separated numbers, or none"),
    FLOAT_LIST_OR_NONE("comma-separated numbers or none"),
    FLOAT_PAIR("two comma-separated numbers");

    /**
     * Parses [raw] as given for the parameter [name]; a malformed value is an
     * [IllegalArgumentException] like `--weights: expected comma-separated numbers, got 'a,b'`.
     */
    fun parse(name: String, raw: String): Any? {
        val text = raw.trim()
        fun fail(expected: String): Nothing = throw IllegalArgumentException("--$name: expected $expected, got '$raw'")
        fun integer(s: String, expected: String): Int = s.trim().toIntOrNull() ?: fail(expected)
        fun number(s: String, expected: String): Double = s.trim().toDoubleOrNull() ?: fail(expected)
        fun numbers(s: String, expected: String): DoubleArray =
            s.split(',').map { number(it, expected) }.toDoubleArray()
        val none = text.equals("none", ignoreCase = true) || text.equals("null", ignoreCase = true)
        return when (this) {
            INT -> integer(text, "an integer")
            OPTIONAL_INT -> if (none) null else integer(text, "an integer or none")
            FLOAT -> number(text, "a number")
            OPTIONAL_FLOAT -> if (none) null else number(text, "a number or none")
            BOOLEAN -> when (text.lowercase()) {
                "true" -> true
                "false" -> false
                else -> fail("true or false")
            }
            SEED -> if (none) null else text.toLongOrNull() ?: fail("an integer seed (0..4294967295) or none")
            INT_OR_PAIR -> if (',' in text) {
                val parts = text.split(',')
                if (parts.size != 2) fail("an integer or two comma-separated integers")
                integer(parts[0], "an integer or two comma-separated integers") to
                    integer(parts[1], "an integer or two comma-separated integers")
            } else {
                integer(text, "an integer or two comma-separated integers")
            }
            INT_OR_INT_LIST -> if (',' in text) {
                text.split(',').map { integer(it, "an integer or comma-separated integers") }.toIntArray()
            } else {
                integer(text, "an integer or comma-separated integers")
            }
            CENTERS -> when {
                none -> null
                ',' in text || ';' in text -> {
                    val expected = "rows of comma-separated numbers separated by ';' (like 0,0;4,4)"
                    val rows = text.split(';').map { numbers(it, expected) }
                    if (rows.any { it.size != rows[0].size }) fail("$expected, every row of the same length")
                    rows.toTypedArray()
                }
                else -> integer(text, "an integer, rows of numbers like 0,0;4,4, or none")
            }
            FLOAT_OR_LIST -> if (',' in text) {
                numbers(text, "a number or comma-separated numbers")
            } else {
                number(text, "a number or comma-separated numbers")
            }
            FLOAT_OR_LIST_OR_NONE -> when {
                none -> null
                ',' in text -> numbers(text, "a number, comma-separated numbers, or none")
                else -> number(text, "a number, comma-separated numbers, or none")
            }
            FLOAT_LIST_OR_NONE -> if (none) null else numbers(text, "comma-separated numbers")
            FLOAT_PAIR -> {
                val values = numbers(text, "two comma-separated numbers")
                if (values.size != 2) fail("two comma-separated numbers")
                values[0] to values[1]
            }
        }
    }
}
