package mlpkit.data.csv

/**
 * A CSV file that cannot be read as a data set. The message starts with `source:line:` (or `source:`
 * when no line is to blame) and says what was expected, what was found and what to do. [line] is
 * 1-based (blank lines count), null when the whole file is to blame.
 */
class CsvFormatException(message: String, val source: String, val line: Long?, cause: Throwable? = null) :
    IllegalArgumentException(message, cause)
