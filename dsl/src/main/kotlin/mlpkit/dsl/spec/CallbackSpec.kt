package mlpkit.dsl.spec

import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable

/** A callback of the training loop, as configured (user `suspend` hooks are added in code, not in JSON). */
@Serializable
sealed interface CallbackSpec {
    /**
     * Stops when [monitor] (e.g. `val_loss`, `val_accuracy`, `train_loss`) has not improved by more than
     * [minDelta] for [patience] epochs; [mode] is one of core's `Monitor.MODES`: `auto` asks the metric
     * (losses are minimised, accuracy and AUC maximised), `min` or `max`.
     * With [restoreBest], the best epoch's weights are restored when training ends (also after the last epoch).
     */
    @Serializable
    @SerialName("earlyStopping")
    data class EarlyStopping(
        val monitor: String = "val_loss",
        val mode: String = "auto",
        val patience: Int = 10,
        val minDelta: Double = 0.0,
        val restoreBest: Boolean = true,
    ) : CallbackSpec

    /** Writes a checkpoint (weights, optimiser and RNG states, epoch, history) every [every] epochs. */
    @Serializable
    @SerialName("checkpoint")
    data class Checkpoint(val every: Int = 1) : CallbackSpec
}
