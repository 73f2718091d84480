package mlpkit.app

import com.github.ajalt.clikt.core.CliktCommand
import com.github.ajalt.clikt.parameters.arguments.argument
import com.github.ajalt.clikt.parameters.options.flag
import com.github.ajalt.clikt.parameters.options.option
import com.github.ajalt.clikt.parameters.types.path
import java.nio.file.Files
import java.nio.file.Path
import mlpkit.dsl.model.DivergedModelException
import mlpkit.dsl.model.Model
import mlpkit.dsl.run.RunDirectory

/**
 * The MODEL of `mlp predict`, `evaluate`, `summary` and `export`: a model.json, or a run directory (`runs/<name>-<time>/`), which stands for the
 * model.json its run wrote when it ended. A run directory without one (a run still going, or killed before
 * it ended) is an [InvalidInput] naming the directory and what is missing, and pointing at the checkpoint
 * (and `mlp run --resume`) when there is one.
 */
internal object ModelArgument {
    /** The MODEL argument of a command: a model.json or a run directory. */
    fun CliktCommand.modelArgument() = argument(name = "MODEL", help = "a model.json written by mlp run, or its run directory").path()

    /** `--allow-diverged`: [verb] (e.g. "use", "export") a model whose run diverged. */
    fun CliktCommand.allowDivergedOption(verb: String) = option(
        "--allow-diverged",
        help = "$verb a model whose run diverged (its file is marked \"diverged\"); its answers are not to be trusted",
    ).flag()

    /**
     * The model [model] names, read for `mlp [command]` ([then]: what to do once its run has ended, for the message
     * about an unfinished run); a model from a run that diverged is refused, naming the `--allow-diverged` flag,
     * unless [allowDiverged].
     */
    fun load(model: Path, command: String, allowDiverged: Boolean, then: String): Model = try {
        Model.load(modelFile(model, command, then), allowDiverged = allowDiverged)
    } catch (e: DivergedModelException) {
        throw InvalidInput(
            "mlp $command: ${e.source}: the run that wrote this model diverged (${e.divergence}), so its predictions are not to be trusted: " +
                "retrain with a smaller learning rate; pass --allow-diverged to use it anyway",
        )
    }

    /**
     * The model file [model] names: itself, or the model.json of the run directory it is; [command] names the verb in
     * errors and [then] what to do with the model once its run has ended.
     */
    fun modelFile(model: Path, command: String = "predict", then: String = "predict with its model"): Path {
        if (!Files.isDirectory(model)) return model
        val run = RunDirectory.open(model)
        if (Files.isRegularFile(run.modelFile)) return run.modelFile
        val missing = run.modelFile.fileName
        val advice = when {
            Files.isRegularFile(model.resolve("cv.json")) -> {
                val refits = Files.list(model).use { s -> s.filter { it.fileName.toString().startsWith("refit-") && Files.isRegularFile(it.resolve(missing)) }.sorted().toList() }
                if (refits.isEmpty()) {
                    "it is a cross-validation's directory, whose folds keep no model: run 'mlp cv FILE --refit', which trains one on all the rows into refit-<time>/"
                } else {
                    "it is a cross-validation's directory, whose folds keep no model: give its refit run, ${refits.last()}"
                }
            }
            Files.isRegularFile(run.checkpointFile) ->
                "the run is still going or was stopped before it ended; it has a checkpoint (${run.checkpointFile}): " +
                    "continue it with 'mlp run FILE --resume $model', then $then"
            Files.isRegularFile(run.specFile) ->
                "the run is still going or was stopped before it ended, and it has no checkpoint to resume from: run it again"
            else -> "give a $missing written by mlp run, or a run directory (runs/<name>-<time>/) that holds one"
        }
        throw InvalidInput("mlp $command: $model: a directory without $missing: $advice")
    }
}
