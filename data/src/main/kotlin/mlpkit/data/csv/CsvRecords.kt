package mlpkit.data.csv

import org.apache.commons.csv.CSVException
import org.apache.commons.csv.CSVFormat
import org.apache.commons.csv.CSVParser
import org.apache.commons.csv.CSVRecord
import java.io.IOException
import java.io.InputStream
import java.io.Reader
import java.io.UncheckedIOException
import java.nio.file.Files
import java.nio.file.Path
import java.util.zip.GZIPInputStream

/**
 * The CSV rules every reader of mlpkit shares (data sets for training, features for `predict`): Apache
 * Commons CSV with quoted fields and the given delimiter, spaces around fields ignored, blank lines
 * (also lines of spaces) skipped, a UTF-8 byte order mark removed from the first field, `.gz` files
 * decompressed, and each record's 1-based first line (blank lines and line breaks inside quotes count).
 */
internal object CsvRecords {
    /** A file that is missing is reported as such, with the absolute path looked at. */
    fun requireFile(path: Path) {
        if (!Files.isRegularFile(path)) {
            val source = path.toString()
            throw CsvFormatException("$source: no such file (looked for ${path.toAbsolutePath()}): check the path", source, null)
        }
    }

    /** [path] as UTF-8 text, gunzipped when its name ends in `.gz`; an I/O error names the file. */
    fun openText(path: Path): Reader {
        val bytes: InputStream = try {
            Files.newInputStream(path)
        } catch (e: IOException) {
            throw unreadable(path.toString(), e)
        }
        val stream = if (path.fileName.toString().endsWith(".gz")) {
            try {
                GZIPInputStream(bytes)
            } catch (e: IOException) {
                bytes.close()
                // GZIPInputStream reads the gzip header at once: a file named .gz that is not gzip fails here.
                if (e !is java.util.zip.ZipException) throw unreadable(path.toString(), e)
                throw CsvFormatException(
                    "$path: not a gzip file (${e.message}), but its name ends in .gz: compress it with gzip, or drop .gz from its name",
                    path.toString(),
                    null,
                    e,
                )
            }
        } else {
            bytes
        }
        return stream.bufferedReader(Charsets.UTF_8)
    }

    private fun unreadable(source: String, e: IOException): CsvFormatException {
        val what = when (e) {
            is java.util.zip.ZipException, is java.io.EOFException -> "not a complete gzip file (${e.message ?: "cut short"}): check the download or gunzip it"
            is java.nio.file.AccessDeniedException -> "permission denied: check the file's permissions"
            else -> e.message ?: e.javaClass.simpleName
        }
        return CsvFormatException("$source: cannot read the file: $what", source, null, e)
    }

    /** Calls [row] with the fields and first line of every non-blank record of [reader], in order. */
    fun forEach(reader: Reader, source: String, delimiter: Char, row: (fields: List<String>, line: Long) -> Unit) {
        val format = CSVFormat.DEFAULT.builder()
            .setDelimiter(delimiter)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get()
        val parser = try {
            CSVParser.parse(reader, format)
        } catch (e: IOException) {
            throw unreadable(source, e)
        }
        parser.use {
            val records = parser.iterator()
            var first = true
            while (true) {
                val record = try {
                    if (!records.hasNext()) break
                    records.next()
                } catch (e: UncheckedIOException) {
                    // The parser reports bad quoting as a CSVException; anything else is the file or its gzip stream.
                    val cause = e.cause
                    if (cause !is CSVException) throw unreadable(source, cause ?: IOException(e.message))
                    val line = parser.currentLineNumber
                    throw CsvFormatException(
                        "$source:$line: not valid CSV (${cause.message}): check the quotes on this line and the lines before it",
                        source,
                        line,
                        e,
                    )
                }
                var fields = record.toList()
                if (first) {
                    first = false
                    // Editors on Windows start UTF-8 files with U+FEFF; it belongs to no field.
                    if (fields.isNotEmpty() && fields[0].startsWith(BYTE_ORDER_MARK)) {
                        fields = listOf(fields[0].removePrefix(BYTE_ORDER_MARK).trim()) + fields.drop(1)
                    }
                }
                if (isBlank(fields)) continue
                row(fields, startLine(parser, record))
            }
        }
    }

    /** A line of spaces is one empty field to the parser; it is as blank as an empty line. */
    private fun isBlank(fields: List<String>) = fields.size == 1 && fields[0].isEmpty()

    /** The parser counts lines up to the end of the record; a quoted field with line breaks started earlier. */
    private fun startLine(parser: CSVParser, record: CSVRecord): Long {
        var breaks = 0
        for (value in record) breaks += value.count { it == '\n' }
        return parser.currentLineNumber - breaks
    }

    private const val BYTE_ORDER_MARK = "\uFEFF"
}
