package mlpkit.dsl.train

import mlpkit.dsl.spec.ExperimentSpec

/**
 * Where a run keeps its record (the run directory, in `mlpkit.dsl.run`): told when the run starts, at
 * each checkpoint, and with the result. Called on the training coroutine; a failure to write stops
 * the run with that error rather than losing the record silently.
 */
interface RunRecorder {
    fun started(spec: ExperimentSpec)

    fun checkpoint(checkpoint: TrainingCheckpoint)

    fun finished(result: TrainingResult)
}
