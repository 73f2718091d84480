package mlpkit.app

import mlpkit.app.ModelArgument.modelArgument

import com.github.ajalt.clikt.core.CliktCommand
import com.github.ajalt.clikt.core.Context
import java.io.PrintStream
import mlpkit.dsl.model.Model

/**
 * `mlp summary MODEL`: the model's layers, output shapes and parameter counts in Keras' `model.summary()` layout
 * ([Model.summary]). MODEL is a model.json or a run directory ([ModelArgument]); a diverged run's model is
 * summarised too (its structure is sound, only its weights are not).
 */
class SummaryCommand(private val out: PrintStream) : CliktCommand(name = "summary") {
    private val model by modelArgument()

    override fun help(context: Context) =
        "Print a model's layers, output shapes and parameter counts (total, trainable, non-trainable), as Keras' model.summary()."

    override fun run() = asInvalidInput("summary") {
        out.print(ModelArgument.load(model, "summary", allowDiverged = true, then = "summarise its model").summary())
    }
}
