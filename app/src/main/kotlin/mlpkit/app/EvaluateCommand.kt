package mlpkit.app

import mlpkit.app.ModelArgument.allowDivergedOption
import mlpkit.app.ModelArgument.modelArgument

import com.github.ajalt.clikt.core.CliktCommand
import com.github.ajalt.clikt.core.Context
import com.github.ajalt.clikt.parameters.arguments.argument
import com.github.ajalt.clikt.parameters.types.path
import java.io.PrintStream
import mlpkit.dsl.model.Model

/**
 * `mlp evaluate MODEL DATA [--allow-diverged]`: every metric the model's run reports for a part of its data, measured
 * on the labelled rows of DATA ([Model.evaluate]: the run's own evaluation code), printed as the run's summary prints
 * them, then the classification report for class targets. DATA is a CSV file read by the rules of the training data
 * (features then the label, or a table with a header for a model trained on one; see `LabelledFile`). A file without
 * labels, with the wrong number of columns or with an unknown class is one line on stderr and exit status 2.
 */
class EvaluateCommand(private val out: PrintStream) : CliktCommand(name = "evaluate") {
    private val model by modelArgument()
    private val data by argument(
        name = "DATA",
        help = "a CSV file of labelled rows: the features, then the label (a table with a header for a model trained on a table)",
    ).path()
    private val allowDiverged by allowDivergedOption("use")

    override fun help(context: Context) =
        "Evaluate a saved model on new labelled data: every metric of its run (loss, accuracy, AUC, R², …) and the classification report."

    override fun run() = asInvalidInput("evaluate") {
        val evaluation = ModelArgument.load(model, "evaluate", allowDiverged, then = "evaluate its model").evaluate(data)
        out.println("evaluated on $data (${evaluation.rows} rows):")
        MetricLines.of(evaluation.metrics).forEach(out::println)
        val report = evaluation.report ?: return@asInvalidInput
        out.println()
        out.println(report.trimEnd())
    }
}
