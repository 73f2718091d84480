package mlpkit.dsl.train

/** Why a training run ended. */
sealed interface StopReason {
    /**
     * What went wrong when the run diverged ([NonFinite], [Diverged]): one line with the epoch and what
     * to change; null for a run that ended normally, early or on request. A model trained by a run that
     * diverged is marked as such.
     */
    val divergence: String? get() = null

    /** Every epoch of the spec ran. */
    data object Completed : StopReason

    /** Early stopping ended the run after [epoch]: its monitor was best at [bestEpoch]. */
    data class EarlyStopped(val epoch: Int, val bestEpoch: Int) : StopReason

    /**
     * The loss became NaN or infinite in batch [batch] (1-based) of [epoch]; [layer] names the first
     * place holding a non-finite value (a tensor such as `layer 0 dense(16, relu) W[2×16]`, or a layer
     * whose outputs overflowed). [message] says all of it and what to change.
     */
    data class NonFinite(val message: String, val epoch: Int, val batch: Int, val layer: String) : StopReason {
        override val divergence: String get() = message
    }

    /**
     * The divergence guard (`training.divergence`) stopped the run after [epoch]: its training loss [loss]
     * was above the guard's factor × [best] (the training loss of [bestEpoch]), or not finite, for the
     * guard's patience in epochs. [message] says all of it and what to change.
     */
    data class Diverged(val message: String, val epoch: Int, val loss: Double, val best: Double, val bestEpoch: Int) : StopReason {
        override val divergence: String get() = message
    }

    /** A [StopSignal] asked the run to stop; it ended after the batch it was in. */
    data object Cancelled : StopReason
}
