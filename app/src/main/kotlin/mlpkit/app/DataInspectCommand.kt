package mlpkit.app

import com.github.ajalt.clikt.core.CliktCommand
import com.github.ajalt.clikt.core.Context
import com.github.ajalt.clikt.parameters.arguments.argument
import com.github.ajalt.clikt.parameters.options.flag
import com.github.ajalt.clikt.parameters.options.option
import java.io.BufferedInputStream
import java.io.IOException
import java.io.PrintStream
import java.nio.file.Files
import java.nio.file.Path
import java.util.Locale
import java.util.zip.GZIPInputStream
import mlpkit.data.builtin.BuiltInSets
import mlpkit.data.builtin.BuiltInTask
import mlpkit.data.csv.CsvColumn
import mlpkit.data.csv.CsvLoader
import mlpkit.data.csv.CsvReadOptions
import mlpkit.data.csv.CsvTarget
import mlpkit.data.idx.IdxArray
import mlpkit.data.idx.IdxReader
import mlpkit.data.idx.IdxType
import mlpkit.data.idx.PixelScaling
import mlpkit.data.store.DatasetFiles
import mlpkit.data.store.DatasetStore
import mlpkit.data.store.StoreEnvironment

/**
 * `mlp data inspect FILE|SET` (SET one of [BuiltInSets.names]): shape, element type, value range and label
 * counts of a built-in set, an image set in the store, an IDX file or a CSV file.
 */
class DataInspectCommand(private val out: PrintStream) : CliktCommand(name = "inspect") {
    private val source by argument(name = "FILE|SET", help = "a CSV or IDX file (gzipped or not), or a built-in set: ${BuiltInSets.names.joinToString(", ")}")
    private val regression by option("--regression", help = "for CSV: the last column is a real-valued target, not a class label").flag()

    override fun help(context: Context) = """
        Show a data set's shape, element type, value range and label counts.

        IDX files are recognised by their content (raw or gzip), anything else is read as CSV with the label
        in the last column; a first line without numbers is taken as the header (as a training CSV source does). mnist and
        fashion-mnist are read from the data store (see 'mlp data fetch'); nothing is downloaded here.
    """.trimIndent()

    override fun run() = asInvalidInput("data inspect") {
        val set = BuiltInSets.find(source)
        out.println(
            when {
                set == null -> describeFile(Path.of(source))
                !set.inStore -> describeDataset(set.load(), "doubles (${set.description}), shipped in the jar") +
                    (set.featureNames?.let { "\n  feature names: ${it.joinToString(", ")}" } ?: "") +
                    (if (set.task == BuiltInTask.REGRESSION) "\n  target names: ${set.outputs.joinToString(", ")}" else "")
                set.name == "mnist" -> describeImageSet(DatasetFiles.MNIST)
                else -> describeImageSet(DatasetFiles.FASHION_MNIST)
            },
        )
    }

    private fun describeImageSet(set: DatasetFiles): String {
        val store = DatasetStore(StoreEnvironment.ofThisProcess(), downloader = null)
        return listOf(true, false).joinToString("\n") { train ->
            val files = store.find(set, train)
                ?: throw InvalidInput("mlp data inspect: ${set.displayName} is not on this machine: run 'mlp data fetch ${set.id}' " +
                    "or scripts/install-datasets.sh (looked in ${store.searchLocations(set).joinToString(", ") { it.directory.toString() }})")
            val dataset = store.load(set, train, PixelScaling.RAW)
            describeDataset(dataset, "unsigned bytes (IDX 0x08), 28×28 images, one byte per pixel\n  files: ${files.images}, ${files.labels}")
        }
    }

    private fun describeFile(path: Path): String {
        if (!Files.isRegularFile(path)) {
            throw InvalidInput("mlp data inspect: $path: no such file (give a CSV or IDX file, or one of ${BuiltInSets.names.joinToString(", ")})")
        }
        return if (looksLikeIdx(path)) describeIdx(IdxReader.read(path), path) else describeCsv(path)
    }

    private fun describeCsv(path: Path): String {
        // The training rule decides the header: a first line is one only when none of its fields is a number.
        val options = CsvReadOptions(target = if (regression) CsvTarget.Regression(listOf(CsvColumn.Last)) else CsvTarget.ClassLabel())
        val table = CsvLoader.read(path, options)
        return describeDataset(table.dataset, "CSV text, read as doubles" + if (table.featureNames != null) " (first line is a header)" else " (no header)")
    }

    private fun describeIdx(array: IdxArray, path: Path): String = buildString {
        appendLine("$path: IDX ${array.type.description}, shape ${array.shape()} (${array.size} values)")
        var min = Double.POSITIVE_INFINITY
        var max = Double.NEGATIVE_INFINITY
        for (k in 0 until array.size) {
            val v = array.getDouble(k)
            min = minOf(min, v)
            max = maxOf(max, v)
        }
        appendLine("  values: min ${number(min)}, max ${number(max)}")
        val integral = array.type != IdxType.FLOAT && array.type != IdxType.DOUBLE
        if (array.dims.size == 1 && integral && max - min < 256) {
            appendLine("  value counts (a label file):")
            val counts = IntArray((max - min).toInt() + 1)
            for (k in 0 until array.size) counts[(array.getDouble(k) - min).toInt()]++
            counts.forEachIndexed { i, c -> appendLine(String.format(Locale.ROOT, "    %5d  %d", (min + i).toLong(), c)) }
        }
    }.trimEnd()

    /** IDX starts with two zero bytes, a known type code and 1..255 dimensions (after gunzip if gzipped). */
    private fun looksLikeIdx(path: Path): Boolean = try {
        openMaybeGzipped(path).use { input ->
            val head = input.readNBytes(4)
            head.size == 4 && head[0].toInt() == 0 && head[1].toInt() == 0 &&
                IdxType.ofCode(head[2].toInt() and 0xff) != null && (head[3].toInt() and 0xff) > 0
        }
    } catch (e: IOException) {
        false
    }

    private fun openMaybeGzipped(path: Path) = BufferedInputStream(Files.newInputStream(path)).let { input ->
        input.mark(2)
        val magic = input.readNBytes(2)
        input.reset()
        if (magic.size == 2 && magic[0] == 0x1f.toByte() && magic[1] == 0x8b.toByte()) GZIPInputStream(input) else input
    }
}
