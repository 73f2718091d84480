package mlpkit.app

import com.github.ajalt.clikt.core.CliktCommand
import com.github.ajalt.clikt.core.Context
import com.github.ajalt.clikt.parameters.arguments.argument
import com.github.ajalt.clikt.parameters.options.flag
import com.github.ajalt.clikt.parameters.options.option
import com.github.ajalt.clikt.parameters.types.path
import java.io.PrintStream
import java.nio.file.Files
import java.nio.file.Path
import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.csv.formatSeventeenDigits
import mlpkit.dsl.model.DivergedModelException
import mlpkit.dsl.model.Model
import mlpkit.dsl.model.writeAtomically
import org.apache.commons.csv.CSVFormat

/**
 * `mlp predict MODEL INPUT.csv [--proba] [--out FILE] [--allow-diverged]`: one output line per input row — the
 * predicted class (its name where the model knows class names), or with `--proba` one probability per class;
 * regression models print their outputs. The model's stored scaler is applied to the raw input. MODEL is a
 * model.json or a run directory ([ModelArgument]); a model from a run that diverged is refused unless
 * `--allow-diverged`, and `--proba` on a regression model is refused before anything is read from INPUT.csv.
 */
class PredictCommand(private val out: PrintStream) : CliktCommand(name = "predict") {
    private val modelFile by argument(name = "MODEL", help = "a model.json written by mlp run, or its run directory").path()
    private val input by argument(name = "INPUT.csv", help = "rows of raw features (a header line is recognised and skipped)").path()
    private val proba by option("--proba", help = "print class probabilities instead of classes").flag()
    private val output by option("--out", metavar = "FILE", help = "write here (atomically) instead of stdout").path()
    private val allowDiverged by option(
        "--allow-diverged",
        help = "use a model whose run diverged (its file is marked \"diverged\"); its answers are not to be trusted",
    ).flag()

    override fun help(context: Context) = "Predict with a saved model: classes, probabilities (--proba) or regression outputs."

    override fun run() = asInvalidInput("predict") {
        val model = loadModel(ModelArgument.modelFile(modelFile))
        if (proba && !model.isClassifier) {
            throw InvalidInput(
                "mlp predict: $modelFile was trained for regression (real-valued outputs), so it has no class probabilities: drop --proba",
            )
        }
        val features = readFeatures(input, model.inputSize)
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
            else -> appendRows(text, model.predict(features))
        }
        val target = output
        if (target == null) out.print(text) else writeAtomically(target, text.toString())
    }

    /** The model, with a diverged run's model refused in the words of this command (its flag). */
    private fun loadModel(file: Path): Model = try {
        Model.load(file, allowDiverged = allowDiverged)
    } catch (e: DivergedModelException) {
        throw InvalidInput(
            "mlp predict: ${e.source}: the run that wrote this model diverged (${e.divergence}), so its predictions are not to be trusted: " +
                "retrain with a smaller learning rate; pass --allow-diverged to use it anyway",
        )
    }

    private fun appendRows(text: StringBuilder, m: DenseMatrix) {
        for (i in 0 until m.rowDimension) {
            text.append((0 until m.columnDimension).joinToString(",") { formatSeventeenDigits(m.getEntry(i, it)) }).append('\n')
        }
    }

    /** Every row must hold exactly [inputs] numbers; a first row with a non-number is a header. */
    private fun readFeatures(path: Path, inputs: Int): DenseMatrix {
        require(Files.isRegularFile(path)) { "$path: no such file" }
        val rows = mutableListOf<DoubleArray>()
        Files.newBufferedReader(path).use { reader ->
            val records = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get().parse(reader)
            for (record in records) {
                val fields = record.toList()
                if (rows.isEmpty() && record.recordNumber == 1L && fields.any { it.toDoubleOrNull() == null }) continue
                require(fields.size == inputs) {
                    "$path:${record.parser.currentLineNumber}: expected $inputs features (the model's inputs), got ${fields.size} columns"
                }
                rows += DoubleArray(inputs) { j ->
                    fields[j].toDoubleOrNull() ?: throw IllegalArgumentException(
                        "$path:${record.parser.currentLineNumber}: column ${j + 1}: expected a number, got '${fields[j]}'",
                    )
                }
            }
        }
        require(rows.isNotEmpty()) { "$path: no rows to predict" }
        return DenseMatrix.of(rows.toTypedArray())
    }
}
