package mlpkit.dsl.model

import java.io.BufferedReader
import java.io.InputStreamReader
import java.nio.file.Files
import java.nio.file.Path
import java.util.zip.GZIPInputStream
import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.Targets
import mlpkit.data.csv.CsvColumn
import mlpkit.data.csv.CsvFormatException
import mlpkit.data.csv.CsvLoader
import mlpkit.data.csv.CsvReadOptions
import mlpkit.data.csv.CsvTarget
import mlpkit.data.table.LabelColumn
import mlpkit.data.table.RawTable
import mlpkit.data.table.TableReader
import mlpkit.dsl.spec.DataSource

/** Labelled rows for a model: the raw [features] (as [Model.predict] takes them) and the true [targets]. */
class LabelledRows(val features: DenseMatrix, val targets: Targets)

/**
 * Reads a CSV file of labelled rows for [Model.evaluate], by the rules its training data was read with:
 *
 * - a model trained on a table (a column pipeline) reads the file as a table with a header; its label is the column
 *   the training source named, else the one column that is not one of the model's feature columns; missing values,
 *   categories and scaling as in training;
 * - any other model reads a numeric CSV (a header line is recognised as in training): the features, then the label
 *   (the column the training CSV source named, else the last one; a regression model's k outputs are the last k).
 *
 * Class labels must be among the model's classes. A file without a label column, or whose rows have the wrong number
 * of columns, is an [IllegalArgumentException] that says what the model expects.
 */
internal object LabelledFile {
    fun read(model: Model, path: Path): LabelledRows {
        if (!Files.isRegularFile(path)) throw CsvFormatException("$path: no such file (looked for ${path.toAbsolutePath()}): check the path", path.toString(), null)
        return if (model.readsTables) readTable(model, path) else readNumbers(model, path)
    }

    private fun readTable(model: Model, path: Path): LabelledRows {
        val pipeline = model.file.pipeline!!
        val raw = TableReader.read(path)
        val inputs = pipeline.columns.map { it.name }
        val source = model.file.spec.data.source
        val named = (source as? DataSource.Csv)?.label?.let { label -> label.toIntOrNull()?.let { raw.names.getOrNull(if (it < 0) raw.names.size + it else it) } ?: label }
        val others = raw.names.filter { it !in inputs && it != (source as? DataSource.Csv)?.sampleWeight }
        val label = named?.takeIf { it in raw.names } ?: others.singleOrNull() ?: throw IllegalArgumentException(
            if (others.isEmpty()) {
                "$path has only the model's feature columns (${inputs.joinToString(", ")}), no label column: evaluating needs the true " +
                    "labels${named?.let { " in a column '$it'" } ?: ""}; to predict without them, use predict"
            } else {
                "$path has the columns ${others.joinToString(", ") { "'$it'" }} besides the model's features: expected one label column" +
                    (named?.let { " named '$it'" } ?: "") + "; remove the others"
            },
        )
        return tableRows(model, raw, label)
    }

    /**
     * The rows of [raw] that have a value in its [label] column, through the model's column pipeline (its missing-value
     * tokens, imputations, scaling and categories from training), with their labels among the model's classes.
     */
    fun tableRows(model: Model, raw: RawTable, label: String): LabelledRows {
        val pipeline = model.file.pipeline!!
        val targets = LabelColumn.read(raw, label, regression = !model.isClassifier, missing = pipeline.missing, classNames = model.classNames)
        return LabelledRows(pipeline.transform(raw, targets.kept), targets.targets)
    }

    private fun readNumbers(model: Model, path: Path): LabelledRows {
        val label = (model.file.spec.data.source as? DataSource.Csv)?.label
        val column = label?.let { written -> written.toIntOrNull()?.let { CsvColumn.at(it) } ?: CsvColumn.named(written) }
        val labels = if (model.isClassifier || column != null) 1 else model.outputSize
        val width = firstRowWidth(path)
        val expected = model.inputSize + labels
        val what = if (labels == 1) "the label" else "the $labels targets"
        if (width == model.inputSize) {
            throw IllegalArgumentException(
                "$path has $width columns, the model's $width features and no label: evaluating needs the true labels " +
                    "(expected $expected columns: the features, then $what); to predict without them, use predict",
            )
        }
        require(width == expected) {
            "$path has $width columns, but the model '${model.notation}' takes ${model.inputSize} features: expected $expected columns " +
                "(the features, then $what)"
        }
        val target = when {
            model.isClassifier -> CsvTarget.ClassLabel(column ?: CsvColumn.Last, model.classNames)
            column != null -> CsvTarget.Regression(listOf(column))
            else -> CsvTarget.Regression((-labels..-1).map { CsvColumn.at(it) })
        }
        val dataset = CsvLoader.load(path, CsvReadOptions(target = target))
        return LabelledRows(dataset.features.toMatrix(), dataset.targets)
    }

    /** The number of fields on the first non-blank line of [path] (commas inside double quotes not counted). */
    private fun firstRowWidth(path: Path): Int {
        val bytes = Files.newInputStream(path)
        val stream = if (path.fileName.toString().endsWith(".gz")) GZIPInputStream(bytes) else bytes
        val line = BufferedReader(InputStreamReader(stream, Charsets.UTF_8)).use { reader ->
            generateSequence { reader.readLine() }.firstOrNull { it.isNotBlank() }
        } ?: throw CsvFormatException("$path: the file is empty: expected rows of features, then the label", path.toString(), null)
        var quoted = false
        var fields = 1
        for (c in line) {
            if (c == '"') quoted = !quoted else if (c == ',' && !quoted) fields++
        }
        return fields
    }
}
