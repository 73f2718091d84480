package mlpkit.app

import mlpkit.app.ModelArgument.allowDivergedOption
import mlpkit.app.ModelArgument.modelArgument

import com.github.ajalt.clikt.core.CliktCommand
import com.github.ajalt.clikt.core.Context
import com.github.ajalt.clikt.parameters.arguments.argument
import com.github.ajalt.clikt.parameters.arguments.optional
import com.github.ajalt.clikt.parameters.options.flag
import com.github.ajalt.clikt.parameters.options.option
import com.github.ajalt.clikt.parameters.types.path
import java.io.PrintStream
import java.nio.file.Path
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import mlpkit.app.report.RunReport
import mlpkit.dsl.model.Evaluation
import mlpkit.dsl.model.Model

/**
 * `mlp evaluate MODEL DATA [--labels LABELS] | --builtin SET [--json] [--allow-diverged]`: every metric the model's run
 * reports for a part of its data, measured on new labelled rows by the run's own evaluation code ([Model.evaluate]),
 * printed as the run's report shows its metrics ([MetricTable], one column headed by the data), then the classification
 * report for class targets; `--json` prints the metrics alone as one JSON object. DATA is a CSV file read by the rules
 * of the training data (see `LabelledFile`), or with `--labels` an IDX image file and its label file (pixels scaled by
 * the model's stored input scaling); `--builtin` evaluates every row of a built-in set shipped in the jar. Data
 * without labels, of the wrong shape or with an unknown class is one line on stderr and exit status 2.
 */
class EvaluateCommand(private val out: PrintStream) : CliktCommand(name = "evaluate") {
    private val model by modelArgument()
    private val data by argument(
        name = "DATA",
        help = "a CSV file of labelled rows: the features, then the label (a table with a header for a model trained on a table); " +
            "with --labels, an IDX image file (raw or .gz)",
    ).path().optional()
    private val labels by option("--labels", metavar = "LABELS", help = "the IDX label file of the IDX images DATA (raw or .gz), one label per image").path()
    private val builtIn by option(
        "--builtin", metavar = "SET",
        help = "evaluate on every row of a built-in set instead of DATA: ${Model.builtInSetsToEvaluate.joinToString(", ")}",
    )
    private val json by option("--json", help = "print the metrics as one JSON object ({\"loss\": …, \"accuracy\": …}), nothing else").flag()
    private val allowDiverged by allowDivergedOption("use")

    override fun help(context: Context) =
        "Evaluate a saved model on new labelled data (a CSV file, IDX images with their labels, or a built-in set): every metric " +
            "of its run (loss, accuracy, AUC, R², …) as its report's table, and the classification report."

    override fun run() = asInvalidInput("evaluate") {
        val measured = measured()
        val evaluation = measured.evaluation
        if (json) {
            out.println(JsonObject(evaluation.metrics.mapValues { JsonPrimitive(it.value) }))
            return@asInvalidInput
        }
        out.println("evaluated on ${measured.data} (${evaluation.rows} rows):")
        out.println(MetricTable.ofPart(measured.column, evaluation.metrics).toText())
        if (measured.scaledTargets) out.println(RunReport.SCALED_TARGETS_NOTE)
        val report = evaluation.report ?: return@asInvalidInput
        out.println()
        out.println(report.trimEnd())
    }

    /** An [evaluation] of the data described as [data] (its table's column headed [column]); [scaledTargets]: the model's targets were scaled. */
    private class Measured(val evaluation: Evaluation, val data: String, val column: String, val scaledTargets: Boolean)

    /** The evaluation the arguments ask for. */
    private fun measured(): Measured {
        val file = data
        val set = builtIn
        if ((file == null) == (set == null)) {
            throw InvalidInput(
                "mlp evaluate: " + (if (file == null) "no data given" else "both DATA ($file) and --builtin $set given") +
                    ": expected a data file (CSV, or IDX images with --labels) or --builtin SET, one of them",
            )
        }
        if (set != null && labels != null) throw InvalidInput("mlp evaluate: --labels goes with IDX images given as DATA, not with --builtin $set: remove --labels")
        val loaded = ModelArgument.load(model, "evaluate", allowDiverged, then = "evaluate its model")
        val scaled = loaded.file.targetScaling != null
        if (set != null) return Measured(loaded.evaluateBuiltIn(set), "the built-in set $set", set, scaled)
        val images = file!!
        val labelFile = labels
        if (labelFile == null && looksLikeIdx(images)) {
            throw InvalidInput("mlp evaluate: $images looks like an IDX image file, which holds no labels: give its label file with --labels LABELS")
        }
        return if (labelFile != null) {
            Measured(loaded.evaluate(images, labelFile), "$images with the labels of $labelFile", images.fileName.toString(), scaled)
        } else {
            Measured(loaded.evaluate(images), images.toString(), images.fileName.toString(), scaled)
        }
    }

    /** Whether [path]'s name is that of an IDX file (MNIST's `…-idx3-ubyte`, `.idx`), gzipped or not. */
    private fun looksLikeIdx(path: Path): Boolean =
        path.fileName.toString().removeSuffix(".gz").let { it.contains("-idx") || it.endsWith(".idx") || it.endsWith("ubyte") }
}
