package mlpkit.data.csv

/**
 * The one rule for a number in a CSV file of mlpkit, for training and `predict` alike: a finite decimal
 * number ([parseDecimalOrNull]); anything else — an empty field, `NaN`, `Inf`, `1e400` (beyond a
 * double's range), hexadecimal `0x1p3`, a NUL byte — is a [CsvFormatException] naming the line and
 * the column and saying why, e.g. `data.csv:17: column 3 ('petal_width'): expected a number, got 'abc'`.
 */
internal object CsvNumber {
    /**
     * [text] as a double, or the error `source:line: column: expected a number, got …` with the reason;
     * [advice] (may be empty) is appended, e.g. why the line was read as data rather than as a header.
     */
    fun parse(text: String, source: String, line: Long, column: String, advice: String = ""): Double =
        parseDecimalOrNull(text) ?: throw CsvFormatException("$source:$line: $column: expected a number, got ${describe(text)}$advice", source, line)

    /** Whether [text] is a number by [parse]'s rule (header detection asks this). */
    fun isNumber(text: String): Boolean = parseDecimalOrNull(text) != null

    /** The field as quoted in a message, with the reason it is not a number when there is a known one. */
    fun describe(text: String): String = when {
        text.isEmpty() -> "an empty field (missing values are not supported: fill or drop them first)"
        text.lowercase() in MISSING_MARKERS -> "${quote(text)} (missing or non-finite values are not supported: fill or drop them first)"
        text.any { it.isISOControl() } -> "${quote(text)} (a control character: is this a text file of numbers?)"
        HEXADECIMAL.matches(text) -> "${quote(text)} (hexadecimal numbers are not read: write it in decimal)"
        DECIMAL.matches(text) -> "${quote(text)} (beyond the range of a double, about ±1.8e308: rescale this column)"
        else -> quote(text)
    }

    /** `'text'` with control characters as `\u0000` and long text cut, so a message stays one readable line. */
    private fun quote(text: String): String {
        val shown = if (text.length > MAX_SHOWN) text.take(MAX_SHOWN) + "…" else text
        return "'" + buildString {
            for (ch in shown) if (ch.isISOControl() || ch == '\uFEFF') append("\\u%04X".format(ch.code)) else append(ch)
        } + "'"
    }

    private const val MAX_SHOWN = 60
    private val MISSING_MARKERS = setOf("nan", "na", "n/a", "null", "none", "?", "inf", "-inf", "+inf", "infinity", "-infinity", "+infinity")
    private val HEXADECIMAL = Regex("[+-]?0[xX][0-9a-fA-F.]*([pP][+-]?\\d+)?[fFdD]?")
    private val DECIMAL = Regex("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")
}
