package mlpkit.dsl.train

/** Why a training run ended. */
sealed interface StopReason {
    /** Every epoch of the spec ran. */
    data object Completed : StopReason

    /** Early stopping ended the run after [epoch]: its monitor was best at [bestEpoch]. */
    data class EarlyStopped(val epoch: Int, val bestEpoch: Int) : StopReason

    /**
     * The loss became NaN or infinite in batch [batch] (1-based) of [epoch]; [layer] names the first
     * place holding a non-finite value (a tensor such as `layer 0 dense(16, relu) W[2×16]`, or a layer
     * whose outputs overflowed). [message] says all of it and what to change.
     */
    data class NonFinite(val message: String, val epoch: Int, val batch: Int, val layer: String) : StopReason

    /** A [StopSignal] asked the run to stop; it ended after the batch it was in. */
    data object Cancelled : StopReason
}
