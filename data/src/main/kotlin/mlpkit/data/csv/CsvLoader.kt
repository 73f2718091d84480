package mlpkit.data.csv

import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.Dataset
import java.io.Reader
import java.nio.file.Path

/**
 * Reads numeric CSV files (parsed by Apache Commons CSV: quoted fields, any delimiter) into data sets.
 *
 * Every column that is not a target is a feature and must hold a finite decimal number on every row
 * ([CsvNumber]). Blank lines are skipped; spaces around fields are ignored; a byte order mark is
 * removed; a `.gz` file is decompressed ([CsvRecords]); whether the first line is a header follows
 * [CsvHeaderRule], which never takes a data row for a header. Problems are [CsvFormatException]s
 * naming the file, the line and the column, e.g.
 * `data.csv:17: column 3 ('petal_width'): expected a number, got 'abc'`.
 */
object CsvLoader {
    /** Reads [path] (gzip-compressed when its name ends in `.gz`). */
    @JvmStatic
    @JvmOverloads
    fun load(path: Path, options: CsvReadOptions = CsvReadOptions()): Dataset = read(path, options).dataset

    /** Reads CSV text from [reader] (not closed); [source] names it in errors and, without a name in [options], names the set. */
    @JvmStatic
    @JvmOverloads
    fun load(reader: Reader, source: String, options: CsvReadOptions = CsvReadOptions()): Dataset = read(reader, source, options).dataset

    /** Reads [path] as [load] does, keeping the header's names of the feature columns. */
    @JvmStatic
    @JvmOverloads
    fun read(path: Path, options: CsvReadOptions = CsvReadOptions()): CsvTable {
        CsvRecords.requireFile(path)
        val name = options.name ?: defaultName(path.fileName.toString())
        return CsvRecords.openText(path).use { read(it, path.toString(), options.copy(name = name)) }
    }

    /** Reads CSV text from [reader] (not closed) as [load] does, keeping the header's names of the feature columns. */
    @JvmStatic
    @JvmOverloads
    fun read(reader: Reader, source: String, options: CsvReadOptions = CsvReadOptions()): CsvTable =
        CsvTableReader(source, options).read(reader)

    /**
     * Reads a CSV file of features only, one row per sample (the input of a trained model), by the same
     * rules as [load]: see [CsvFeatureOptions] for the header and the choice of columns by name.
     */
    @JvmStatic
    fun loadFeatures(path: Path, options: CsvFeatureOptions): DenseMatrix {
        CsvRecords.requireFile(path)
        return CsvRecords.openText(path).use { loadFeatures(it, path.toString(), options) }
    }

    /** Reads CSV text of features from [reader] (not closed) as the other [loadFeatures] does; [source] names it in errors. */
    @JvmStatic
    fun loadFeatures(reader: Reader, source: String, options: CsvFeatureOptions): DenseMatrix =
        CsvFeatureReader(source, options).read(reader)

    /** `iris.csv.gz` → `iris`. */
    internal fun defaultName(fileName: String): String =
        fileName.removeSuffix(".gz").substringBeforeLast('.').ifEmpty { fileName }
}
