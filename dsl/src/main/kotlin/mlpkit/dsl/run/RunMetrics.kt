package mlpkit.dsl.run

import kotlinx.serialization.Serializable
import mlpkit.dsl.train.StopReason
import mlpkit.dsl.train.TrainingResult

/**
 * The `metrics.json` of a run: how it ended ([stopReason] `completed`, `early-stopped`, `non-finite`,
 * `diverged` or `cancelled`, with [stopMessage] for a non-finite or diverged loss), the epochs it completed, the epoch whose
 * weights were restored, the final metrics in inference mode (`train_accuracy`, `test_auc`, …) and the
 * classification report of each part.
 */
@Serializable
data class RunMetrics(
    val name: String,
    val notation: String,
    val stopReason: String,
    val stopMessage: String? = null,
    val epochs: Int,
    val bestEpoch: Int? = null,
    val restoredEpoch: Int? = null,
    val metrics: Map<String, Double>,
    val reports: Map<String, String> = emptyMap(),
) {
    companion object {
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
                },
                stopMessage = reason.divergence,
                epochs = result.epochs,
                bestEpoch = (reason as? StopReason.EarlyStopped)?.bestEpoch,
                restoredEpoch = result.restoredEpoch,
                metrics = result.metrics,
                reports = result.reports,
            )
        }
    }
}
