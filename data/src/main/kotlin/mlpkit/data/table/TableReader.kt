package mlpkit.data.table

import mlpkit.data.csv.CsvFormatException
import mlpkit.data.csv.CsvRecords
import java.io.Reader
import java.nio.file.Path

/**
 * Reads a CSV file whose fields may be text into a [RawTable], by mlpkit's CSV rules ([CsvRecords]: quoted
 * fields, spaces around fields dropped, blank lines skipped, a byte order mark removed, `.gz` decompressed).
 * The first line must be a header of distinct column names (columns are chosen and configured by name);
 * every row must have the header's number of fields.
 */
object TableReader {
    /** Reads [path]. */
    @JvmStatic
    @JvmOverloads
    fun read(path: Path, delimiter: Char = ','): RawTable {
        CsvRecords.requireFile(path)
        return CsvRecords.openText(path).use { read(it, path.toString(), delimiter) }
    }

    /** Reads CSV text from [reader] (not closed); [source] names it in messages. */
    @JvmStatic
    @JvmOverloads
    fun read(reader: Reader, source: String, delimiter: Char = ','): RawTable {
        var names: List<String>? = null
        var headerLine = 0L
        val rows = ArrayList<List<String>>()
        val lines = ArrayList<Long>()
        CsvRecords.forEach(reader, source, delimiter) { fields, line ->
            val header = names
            if (header == null) {
                checkHeader(fields, line, source)
                names = fields
                headerLine = line
            } else {
                if (fields.size != header.size) {
                    throw CsvFormatException(
                        "$source:$line: expected ${header.size} columns (as in the header on line $headerLine), got ${fields.size}: " +
                            "check for a missing or extra '$delimiter'",
                        source,
                        line,
                    )
                }
                rows += fields
                lines += line
            }
        }
        val header = names ?: throw CsvFormatException("$source: the file is empty: expected a header line of column names, then rows", source, null)
        if (rows.isEmpty()) throw CsvFormatException("$source: the file has a header line but no data rows: expected rows after it", source, null)
        return RawTable(source, header, rows, lines.toLongArray())
    }

    private fun checkHeader(fields: List<String>, line: Long, source: String) {
        val empty = fields.indexOfFirst { it.isEmpty() }
        if (empty >= 0) {
            throw CsvFormatException(
                "$source:$line: column ${empty + 1} of the header has no name: expected a header line naming every column",
                source,
                line,
            )
        }
        val twice = fields.firstOrNull { name -> fields.count { it == name } > 1 }
        if (twice != null) {
            throw CsvFormatException("$source:$line: the header names two columns '$twice': expected distinct column names; rename one", source, line)
        }
    }
}
