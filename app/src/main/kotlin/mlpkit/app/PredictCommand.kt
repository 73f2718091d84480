package mlpkit.app

import mlpkit.app.ModelArgument.allowDivergedOption
import mlpkit.app.ModelArgument.modelArgument

import com.github.ajalt.clikt.core.CliktCommand
import com.github.ajalt.clikt.core.Context
import com.github.ajalt.clikt.parameters.arguments.argument
import com.github.ajalt.clikt.parameters.options.flag
import com.github.ajalt.clikt.parameters.options.option
import com.github.ajalt.clikt.parameters.options.switch
import com.github.ajalt.clikt.parameters.types.path
import java.io.PrintStream
import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.csv.CsvFeatureOptions
import mlpkit.data.csv.CsvHeaderSwitch
import mlpkit.data.csv.CsvLoader
import mlpkit.data.csv.formatSeventeenDigits
import mlpkit.data.table.TableReader
import mlpkit.dsl.model.writeAtomically

/**
 * `mlp predict MODEL INPUT.csv [--proba] [--out FILE] [--header|--no-header] [--allow-diverged]`: one output
 * line per input row — the predicted class (its name where the model knows class names), or with `--proba` one
 * probability per class; regression models print their outputs in the targets' own units (a target scaling the
 * model was trained with is undone), one column per output, under a header of the target names when the data set
 * named its targets (linnerud: Weight,Waist,Pulse). The model's stored scaler is applied to the raw input. MODEL is a model.json or a run directory ([ModelArgument]); a model from a run that diverged is refused
 * unless `--allow-diverged`, and `--proba` on a regression model is refused before anything is read from INPUT.csv.
 *
 * A model trained on a table (text columns, missing values; docs/tabular.md) reads INPUT.csv as a table with a header,
 * chooses its columns by name (the target column may be absent) and applies the model's column pipeline: missing values
 * imputed as in training, categories one-hot, an unknown category an error naming column, value and line (or all zeros
 * when the column was trained with "unknown": "ignore"). Class names are printed as the training file wrote them.
 *
 * INPUT.csv is read by data's CSV reader with the training rules (finite decimal numbers only, blank
 * lines skipped, a byte order mark dropped, `.gz` read). Its first line is a header only when it holds
 * the column names the model recorded from its training file, or when `--header` says so
 * (`--no-header`: every line is data); a header with the model's names chooses the features by name, so
 * the training file itself (with its label column) can be predicted. A first line that is neither is
 * data, and a non-number in it is an error naming the line and column — never a silently dropped row.
 */
class PredictCommand(private val out: PrintStream) : CliktCommand(name = "predict") {
    private val modelFile by modelArgument()
    private val input by argument(
        name = "INPUT.csv",
        help = "rows of raw features; a first line with the model's column names is a header (its columns are chosen by name)",
    ).path()
    private val header by option(
        help = "the first line of INPUT.csv is a header (--header) or data (--no-header); default: a header only when it holds " +
            "the column names the model recorded",
    ).switch("--header" to true, "--no-header" to false)
    private val proba by option("--proba", help = "print class probabilities instead of classes").flag()
    private val output by option("--out", metavar = "FILE", help = "write here (atomically) instead of stdout").path()
    private val allowDiverged by allowDivergedOption("use")

    override fun help(context: Context) = "Predict with a saved model: classes, probabilities (--proba) or regression outputs."

    override fun run() = asInvalidInput("predict") {
        val model = ModelArgument.load(modelFile, "predict", allowDiverged, then = "predict with its model")
        if (proba && !model.isClassifier) {
            throw InvalidInput(
                "mlp predict: $modelFile was trained for regression (real-valued outputs), so it has no class probabilities: drop --proba",
            )
        }
        val features = if (model.readsTables) {
            if (header == false) {
                throw InvalidInput("mlp predict: $modelFile was trained on a table, whose columns are chosen by name: INPUT.csv needs its header line; drop --no-header")
            }
            // Text fields through the model's column pipeline: imputed, scaled and one-hot as in training.
            model.features(TableReader.read(input))
        } else {
            CsvLoader.loadFeatures(input, CsvFeatureOptions(model.inputSize, model.file.featureNames, header, headerSwitch = HEADER_SWITCH))
        }
        val text = StringBuilder()
        when {
            proba -> {
                val p = model.predictProba(features)
                val names = model.classNames ?: List(p.columnDimension) { it.toString() }
                text.append(names.joinToString(",") { "p_$it" }).append('\n')
                appendRows(text, p)
            }
            model.isClassifier -> {
                val names = model.classNames
                model.predictClasses(features).forEach { text.append(names?.getOrNull(it) ?: it.toString()).append('\n') }
            }
            else -> {
                model.file.targetNames?.let { names -> text.append(names.joinToString(",") { csvField(it) }).append('\n') }
                appendRows(text, model.predict(features))
            }
        }
        val target = output
        if (target == null) out.print(text) else writeAtomically(target, text.toString())
    }

    private fun appendRows(text: StringBuilder, m: DenseMatrix) {
        for (i in 0 until m.rowDimension) {
            text.append((0 until m.columnDimension).joinToString(",") { formatSeventeenDigits(m.getEntry(i, it)) }).append('\n')
        }
    }

    /** A CSV field, quoted when it holds a comma, a quote or a line break. */
    private fun csvField(value: String): String =
        if (value.any { it == ',' || it == '"' || it == '\n' || it == '\r' }) "\"" + value.replace("\"", "\"\"") + "\"" else value

    private companion object {
        /** The options that say whether INPUT.csv starts with a header, for the advice in CSV errors. */
        val HEADER_SWITCH = CsvHeaderSwitch("--header", "--no-header")
    }
}
