package mlpkit.data.csv

import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.ClassLabels
import mlpkit.data.Dataset
import mlpkit.data.RegressionTargets
import mlpkit.data.io.writeAtomically
import org.apache.commons.csv.CSVFormat
import java.nio.file.Path
import java.util.zip.GZIPOutputStream

/**
 * Writes data sets as CSV that [CsvLoader] reads back to the same numbers: one line per sample, the
 * features, then the label or target columns; numbers with 17 significant digits
 * ([formatSeventeenDigits], as numpy's `savetxt(fmt="%.17g")`); `\n` line ends.
 */
object CsvWriter {
    /**
     * Writes [dataset] to [path] (gzip-compressed when the name ends in `.gz`), creating missing parent
     * folders. The text goes to a temporary file beside [path] that replaces it only when complete, so
     * a failure never leaves a half-written or damaged file behind.
     */
    @JvmStatic
    @JvmOverloads
    fun write(dataset: Dataset, path: Path, options: CsvWriteOptions = CsvWriteOptions()) {
        writeAtomically(path) { bytes ->
            val stream = if (path.fileName.toString().endsWith(".gz")) GZIPOutputStream(bytes) else bytes
            stream.bufferedWriter(Charsets.UTF_8).use { write(dataset, it, options) }
        }
    }

    /** Writes [dataset] as CSV text to [out] (not closed). */
    @JvmStatic
    @JvmOverloads
    fun write(dataset: Dataset, out: Appendable, options: CsvWriteOptions = CsvWriteOptions()) {
        val features = dataset.features
        val cols = features.cols
        val targets = dataset.targets
        val targetCount = when (targets) {
            is ClassLabels -> 1
            is RegressionTargets -> targets.outputs
        }
        val format = CSVFormat.DEFAULT.builder().setDelimiter(options.delimiter).setRecordSeparator("\n").get()
        val printer = format.print(out)
        if (options.header) {
            val featureNames = options.featureNames ?: List(cols) { "x$it" }
            val targetNames = options.targetNames ?: when {
                targets is ClassLabels -> listOf("label")
                targetCount == 1 -> listOf("y")
                else -> List(targetCount) { "y$it" }
            }
            require(featureNames.size == cols) {
                "'${dataset.name}' has $cols features but ${featureNames.size} feature names were given: give one name per feature"
            }
            require(targetNames.size == targetCount) {
                "'${dataset.name}' has $targetCount target column(s) but ${targetNames.size} target names were given: give one name per target column"
            }
            printer.printRecord(featureNames + targetNames)
        }
        // Rows are read through the Features interface in chunks, so any storage (bytes, views) can be written.
        val chunk = DenseMatrix(minOf(CHUNK_ROWS, maxOf(dataset.size, 1)), cols)
        val order = IntArray(dataset.size) { it }
        var start = 0
        while (start < dataset.size) {
            val count = minOf(chunk.rowDimension, dataset.size - start)
            features.copyRows(order, start, count, chunk)
            for (r in 0 until count) {
                val row = start + r
                for (j in 0 until cols) printer.print(number(dataset, chunk.data()[r * cols + j], row, j))
                when (targets) {
                    is ClassLabels -> printer.print(
                        if (options.classNamesAsLabels) targets.classNames[targets.labels[row]] else targets.labels[row].toString(),
                    )
                    is RegressionTargets -> for (t in 0 until targetCount) {
                        printer.print(number(dataset, targets.values.getEntry(row, t), row, cols + t))
                    }
                }
                printer.println()
            }
            start += count
        }
        printer.flush()
    }

    private fun number(dataset: Dataset, value: Double, row: Int, column: Int): String {
        require(value.isFinite()) {
            "cannot write '${dataset.name}' as CSV: row ${row + 1}, column ${column + 1} holds $value, which a CSV of numbers " +
                "cannot hold (CsvLoader would reject it): fill or drop non-finite values first"
        }
        return formatSeventeenDigits(value)
    }

    private const val CHUNK_ROWS = 256
}
