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
     * [rule] is one of [RULES]: `keras` (the default, as above) or `sklearn`, scikit-learn's
     * `_update_no_improvement_count`: an epoch not better than the best by more than [minDelta] (its `tol`)
     * adds one to a count and any other sets it to 0, the best moves on any strict improvement, and the run
     * stops when the count exceeds [patience] (its `n_iter_no_change`).
     */
    @OptIn(kotlinx.serialization.ExperimentalSerializationApi::class)
    @Serializable
    @SerialName("earlyStopping")
    data class EarlyStopping @JvmOverloads constructor(
        val monitor: String = "val_loss",
        val mode: String = "auto",
        @ValidRange(min = 1.0, fix = "the epochs without improvement before stopping, e.g. 10") val patience: Int = 10,
        @ValidRange(min = 0.0, fix = "the smallest change that counts as an improvement, e.g. 0 or 0.0001") val minDelta: Double = 0.0,
        val restoreBest: Boolean = true,
        @kotlinx.serialization.EncodeDefault(kotlinx.serialization.EncodeDefault.Mode.NEVER) val rule: String = KERAS,
    ) : CallbackSpec {
        companion object {
            /** Keras' rule: improve by more than minDelta or wait; stop after patience epochs of waiting. */
            const val KERAS: String = "keras"

            /** scikit-learn's rule (`_update_no_improvement_count`, minDelta as its `tol`, patience as `n_iter_no_change`). */
            const val SKLEARN: String = "sklearn"

            /** The rules early stopping can follow. */
            @JvmField val RULES: List<String> = listOf(KERAS, SKLEARN)
        }
    }

    /** Writes a checkpoint (weights, optimiser and RNG states, epoch, history) every [every] epochs. */
    @Serializable
    @SerialName("checkpoint")
    data class Checkpoint(@ValidRange(min = 1.0, fix = "the epochs between checkpoints, e.g. 1") val every: Int = 1) : CallbackSpec
}
