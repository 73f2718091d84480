package mlpkit.dsl

import mlpkit.core.concept.Registry
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.SpecConcepts

/**
 * An experiment ready to run: its serialisable [spec], the user's code [hooks] (called after every epoch,
 * Kotlin only, not in JSON), and the [registry] of the concepts it uses: the built-in ones and any of the
 * user's own (an activation written in a script), found in the spec itself, so that files written by the
 * run (spec, model, checkpoint) read back with the same concepts.
 */
class Experiment @JvmOverloads constructor(
    val spec: ExperimentSpec,
    val hooks: List<EpochHook> = emptyList(),
    val registry: Registry = SpecConcepts.registryOf(spec),
) {
    /** Trains this experiment to the end on the calling thread (the same as [Experiments.fit]). */
    fun fit(): mlpkit.dsl.train.TrainingResult = Experiments.fit(this)

    override fun toString(): String = "experiment ${spec.name}: ${spec.network.notation()}"
}

/** User code run at the end of each epoch with the epoch's report; it may suspend. Java code uses [TrainingListener]. */
fun interface EpochHook {
    suspend fun onEpochEnd(epoch: EpochReport)
}

/** What a hook sees after an epoch: its number (1-based), the training loss and the metrics by name. */
data class EpochReport(val epoch: Int, val trainLoss: Double, val metrics: Map<String, Double>)
