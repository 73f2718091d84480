package mlpkit.dsl.run

import kotlinx.serialization.EncodeDefault
import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.Serializable
import mlpkit.dsl.train.StopReason
import mlpkit.dsl.train.TrainingResult

/**
 * The `metrics.json` of a run: how it ended ([stopReason] `completed`, `early-stopped`, `non-finite`,
 * `diverged`, `cancelled`, or for L-BFGS `converged` / `solver-stopped`, with [stopMessage] for a non-finite or
 * diverged loss and scipy's message for L-BFGS and [stopped] for a run a
 * [mlpkit.dsl.train.StopSignal] stopped, e.g. Ctrl-C: `interrupted at epoch N`), the epochs it completed, the
 * epoch whose weights were restored, the final metrics in inference mode (`train_accuracy`, `test_auc`, …)
 * and the classification report of each part; for a weighted run, which weights it trained with ([weights], and
 * [classWeights] by class name).
 */
@Serializable
data class RunMetrics(
    val name: String,
    val notation: String,
    val stopReason: String,
    val stopMessage: String? = null,
    // Absent unless a run was stopped: the metrics.json of every other run stays as it was.
    @OptIn(ExperimentalSerializationApi::class)
    @EncodeDefault(EncodeDefault.Mode.NEVER)
    val stopped: String? = null,
    val epochs: Int,
    val bestEpoch: Int? = null,
    val restoredEpoch: Int? = null,
    val metrics: Map<String, Double>,
    val reports: Map<String, String> = emptyMap(),
    // Absent for an unweighted run (every run before weights existed keeps its bytes): what the run weighed.
    @OptIn(ExperimentalSerializationApi::class)
    @EncodeDefault(EncodeDefault.Mode.NEVER)
    val weights: String? = null,
    @OptIn(ExperimentalSerializationApi::class)
    @EncodeDefault(EncodeDefault.Mode.NEVER)
    val classWeights: Map<String, Double>? = null,
    // Absent for a run trained here: what trained a distributed run (engine, master, strategy, partitions).
    @OptIn(ExperimentalSerializationApi::class)
    @EncodeDefault(EncodeDefault.Mode.NEVER)
    val trainedOn: String? = null,
) {
    companion object {
        /**
         * `interrupted at epoch N` for a run a stop signal ended inside epoch N (its weights include that
         * epoch's batches up to the stop; its history ends with epoch N − 1), null for any other ending.
         */
        fun interruption(result: TrainingResult): String? =
            if (result.reason == StopReason.Cancelled) "interrupted at epoch ${result.epochs + 1}" else null

        fun of(result: TrainingResult): RunMetrics {
            val reason = result.reason
            return RunMetrics(
                name = result.model.file.spec.name,
                notation = result.model.notation,
                stopReason = when (reason) {
                    StopReason.Completed -> "completed"
                    is StopReason.EarlyStopped -> "early-stopped"
                    is StopReason.NonFinite -> "non-finite"
                    is StopReason.Diverged -> "diverged"
                    StopReason.Cancelled -> "cancelled"
                    is StopReason.SolverStopped -> if (reason.converged) "converged" else "solver-stopped"
                },
                stopMessage = (reason as? StopReason.NonFinite)?.message ?: (reason as? StopReason.Diverged)?.message
                    ?: (reason as? StopReason.SolverStopped)?.scipyText,
                stopped = interruption(result),
                epochs = result.epochs,
                bestEpoch = (reason as? StopReason.EarlyStopped)?.bestEpoch,
                restoredEpoch = result.restoredEpoch,
                metrics = result.metrics,
                reports = result.reports,
                weights = result.weights?.describe(result.model.file.spec.training.classWeight),
                classWeights = result.weights?.perClass,
                trainedOn = result.trainedOn,
            )
        }
    }
}
