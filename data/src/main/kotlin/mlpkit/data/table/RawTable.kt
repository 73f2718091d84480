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

    companion object {
        /** What [of] calls a table it is given in memory, in messages. */
        const val IN_MEMORY = "<table in memory>"

        /**
         * A table from column [names] and [rows] of text fields (each row one field per name), as if read from a CSV
         * file named [source] with the header on line 1 (row i is on line i + 2 in messages). The names must be
         * distinct and non-empty; every row must have one field per name; there must be a row. Java:
         * `RawTable.of(List.of("island", "mass"), List.of(List.of("Biscoe", "3750"), List.of("Dream", "NA")))`.
         */
        @JvmStatic
        @JvmOverloads
        fun of(names: List<String>, rows: List<List<String>>, source: String = IN_MEMORY): RawTable {
            names.indexOfFirst { it.isEmpty() }.takeIf { it >= 0 }?.let {
                throw IllegalArgumentException("$source: column ${it + 1} has no name: expected a non-empty name for every column")
            }
            names.firstOrNull { name -> names.count { it == name } > 1 }?.let {
                throw IllegalArgumentException("$source: two columns are named '$it': expected distinct column names; rename one")
            }
            require(rows.isNotEmpty()) { "$source: the table has column names but no rows: expected at least one row" }
            rows.forEachIndexed { i, row ->
                require(row.size == names.size) {
                    "$source: row $i has ${row.size} fields, but there are ${names.size} column names (${names.joinToString(", ")}): " +
                        "give every row one field per column (an empty string or NA for a missing value)"
                }
            }
            return RawTable(source, names.toList(), rows.map { it.toList() }, LongArray(rows.size) { it + 2L })
        }

        /** [of] for Java arrays: `RawTable.of(new String[] {"island", "mass"}, new String[][] {{"Biscoe", "3750"}})`. */
        @JvmStatic
        fun of(names: Array<String>, rows: Array<Array<String>>): RawTable = of(names.toList(), rows.map { it.toList() })
    }
}
