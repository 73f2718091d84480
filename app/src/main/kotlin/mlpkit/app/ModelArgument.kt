package mlpkit.app

import java.nio.file.Files
import java.nio.file.Path
import mlpkit.dsl.model.DivergedModelException
import mlpkit.dsl.model.Model
import mlpkit.dsl.run.RunDirectory

/**
 * The MODEL of `mlp predict`, `evaluate` and `summary`: a model.json, or a run directory (`runs/<name>-<time>/`), which stands for the
 * model.json its run wrote when it ended. A run directory without one (a run still going, or killed before
 * it ended) is an [InvalidInput] naming the directory and what is missing, and pointing at the checkpoint
 * (and `mlp run --resume`) when there is one.
 */
internal object ModelArgument {
    /**
     * The model [model] names, read for `mlp [command]`; a model from a run that diverged is refused, naming the
     * `--allow-diverged` flag, unless [allowDiverged].
     */
    fun load(model: Path, command: String, allowDiverged: Boolean): Model = try {
        Model.load(modelFile(model, command), allowDiverged = allowDiverged)
    } catch (e: DivergedModelException) {
        throw InvalidInput(
            "mlp $command: ${e.source}: the run that wrote this model diverged (${e.divergence}), so its predictions are not to be trusted: " +
                "retrain with a smaller learning rate; pass --allow-diverged to use it anyway",
        )
    }

    /** The model file [model] names: itself, or the model.json of the run directory it is. */
    fun modelFile(model: Path, command: String = "predict"): Path {
        if (!Files.isDirectory(model)) return model
        val run = RunDirectory.open(model)
        if (Files.isRegularFile(run.modelFile)) return run.modelFile
        val missing = run.modelFile.fileName
        val advice = when {
            Files.isRegularFile(run.checkpointFile) ->
                "the run is still going or was stopped before it ended; it has a checkpoint (${run.checkpointFile}): " +
                    "continue it with 'mlp run FILE --resume $model', then predict with its model"
            Files.isRegularFile(run.specFile) ->
                "the run is still going or was stopped before it ended, and it has no checkpoint to resume from: run it again"
            else -> "give a $missing written by mlp run, or a run directory (runs/<name>-<time>/) that holds one"
        }
        throw InvalidInput("mlp $command: $model: a directory without $missing: $advice")
    }
}
