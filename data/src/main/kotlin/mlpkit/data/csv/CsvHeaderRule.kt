package mlpkit.data.csv

/**
 * Whether the first line of a CSV file is a header, the one rule of mlpkit's readers. It never drops
 * a data row silently:
 * - `header = true`: the first line is a header, unless every field of it is a number — then it is
 *   data, and reading it as names would lose it, so that is an error with the line and the fix;
 * - `header = false`: the first line is data;
 * - not given (auto): for a data set ([CsvLoader.load]), the first line is a header when none of its
 *   fields is a number; for features ([CsvLoader.loadFeatures]), when it holds every one of the
 *   expected column names (a model records those of its training file) and is not all numbers,
 *   and never when there are none to expect. Otherwise it is data, so a typo, a missing value or a stray byte in a headerless
 *   first row is reported by line and column, with this rule and the fix in the message, instead of
 *   vanishing as a "header".
 */
internal class CsvHeaderRule(
    private val header: Boolean?,
    private val source: String,
    private val switch: CsvHeaderSwitch,
    /** Null for a data set (auto: no numbers); the expected names, possibly none, for features. */
    private val expectedNames: Expected?,
) {
    /** The names a feature reader looks for; [names] is null when the model does not know them. */
    class Expected(val names: List<String>?)

    /** Whether [fields], the first non-blank line ([line]), is a header. */
    fun isHeader(fields: List<String>, line: Long): Boolean = when (header) {
        true -> {
            if (fields.all { CsvNumber.isNumber(it) }) {
                throw CsvFormatException(
                    "$source:$line: a header line was asked for (${switch.on}), but line $line holds only numbers, so it is a data row: " +
                        "use ${switch.off} to read it as data, or add a line of column names",
                    source,
                    line,
                )
            }
            true
        }
        false -> false
        null -> when (val expected = expectedNames) {
            null -> fields.none { CsvNumber.isNumber(it) }
            // A line of numbers is data even when the names are numbers too ("0", "1"): a row is never lost.
            else -> expected.names != null && expected.names.all { it in fields } && !fields.all { CsvNumber.isNumber(it) }
        }
    }

    /**
     * Advice appended to a number error on the first line when the auto rule read it as data: why it was
     * data and how to say that it is a header. Empty when the header was given explicitly.
     */
    fun firstLineAdvice(line: Long): String {
        if (header != null) return ""
        val why = when (val expected = expectedNames) {
            null -> "some of its fields are numbers"
            else -> if (expected.names != null) {
                "it does not hold the column names ${expected.names.joinToString(", ")}"
            } else {
                "the model records no column names"
            }
        }
        return " (line $line is read as data because $why; if it is a header, use ${switch.on})"
    }
}
