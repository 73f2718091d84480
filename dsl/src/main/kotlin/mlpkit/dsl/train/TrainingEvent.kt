package mlpkit.dsl.train

/** What a training run reports as it goes: one [EpochEnd] per epoch, then one [Stopped]. */
sealed interface TrainingEvent {
    /**
     * Epoch [epoch] (1-based) is over. [trainLoss] is the mean per-sample loss over the epoch's batches
     * (as trained: dropout on, weights changing between batches; the same whatever the reduction).
     * [metrics] holds `train_loss`, `train_accuracy` (classification; also measured on the batches as
     * they were trained) and, with a validation part, `validation_loss`, `validation_accuracy` and
     * `validation_auc` (two classes) measured in inference mode after the epoch.
     */
    data class EpochEnd(
        val epoch: Int,
        val trainLoss: Double,
        val metrics: Map<String, Double>,
        val learningRate: Double,
        val durationMillis: Long,
    ) : TrainingEvent

    /** The run ended for [reason]; [result] holds the final model, history and evaluation. */
    data class Stopped(val reason: StopReason, val result: TrainingResult) : TrainingEvent
}
