package mlpkit.dsl

import mlpkit.dsl.spec.ExperimentSpec

/**
 * An experiment ready to run: its serialisable [spec] and the user's code [hooks] (suspend functions
 * called after every epoch), which exist only in Kotlin, not in JSON.
 */
class Experiment @JvmOverloads constructor(val spec: ExperimentSpec, val hooks: List<EpochHook> = emptyList()) {
    override fun toString(): String = "experiment ${spec.name}: ${spec.network.notation()}"
}

/** User code run at the end of each epoch with the epoch's report; it may suspend. */
fun interface EpochHook {
    suspend fun onEpochEnd(epoch: EpochReport)
}

/** What a hook sees after an epoch: its number (1-based), the training loss and the metrics by name. */
data class EpochReport(val epoch: Int, val trainLoss: Double, val metrics: Map<String, Double>)
