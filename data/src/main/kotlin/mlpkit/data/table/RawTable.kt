package mlpkit.data.table

import mlpkit.data.csv.CsvFormatException

/**
 * A CSV table as text: the header's column [names], every data row's fields, and the 1-based line each
 * row starts on (for messages). Read by [TableReader]; nothing is parsed or converted yet.
 */
class RawTable(val source: String, val names: List<String>, private val rows: List<List<String>>, private val lines: LongArray) {
    init {
        require(rows.size == lines.size) { "a table needs one line number per row: ${rows.size} rows, ${lines.size} lines" }
    }

    /** The number of data rows. */
    val rowCount: Int get() = rows.size

    /** The field of row [row] (0-based data row) in column [column] (0-based). */
    fun field(row: Int, column: Int): String = rows[row][column]

    /** The line of the file row [row] starts on. */
    fun line(row: Int): Long = lines[row]

    /** The index of the column named [name], or an error that lists the header's names. */
    fun column(name: String): Int {
        val index = names.indexOf(name)
        if (index < 0) {
            throw CsvFormatException(
                "$source: no column is named '$name'; the header has ${names.joinToString(", ") { "'$it'" }}",
                source,
                null,
            )
        }
        return index
    }

    /** This table with only the rows [keep] (0-based, in that order). */
    fun rows(keep: IntArray): RawTable = RawTable(source, names, keep.map { rows[it] }, LongArray(keep.size) { lines[keep[it]] })
}
