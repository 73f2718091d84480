package mlpkit.dsl.train

/** Why a training run ended. */
sealed interface StopReason {
    /**
     * Null unless the run stopped because training diverged ([NonFinite], [Diverged]); then what happened
     * and where, e.g. `the loss became non-finite in epoch 3, batch 2 (first in layer 0 dense(16, relu) W[2×16])`.
     * The model file of such a run carries it as its `diverged` marker, so the model never loads silently.
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
        override val divergence: String get() = "the loss became non-finite in epoch $epoch, batch $batch (first in $layer)"
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

    /**
     * A full-batch solver (L-BFGS) stopped after [iterations] iterations (the run's epochs) and [evaluations]
     * evaluations of loss and gradient: [scipyText] is scipy's message (`CONVERGENCE: REL_REDUCTION_OF_F_<=_FACTR*EPSMCH`,
     * `STOP: TOTAL NO. of ITERATIONS REACHED LIMIT`, …), [words] the same in words, [converged] whether it was a
     * convergence test (scipy's `success`), [loss] the minimised objective there (mean training loss plus the L2 penalty,
     * scikit-learn's `loss_`).
     */
    data class SolverStopped(
        val scipyText: String,
        val words: String,
        val converged: Boolean,
        val iterations: Int,
        val evaluations: Int,
        val loss: Double,
    ) : StopReason {
        /** One line for a run summary. */
        val summary: String
            get() = "L-BFGS stopped after $iterations iterations ($evaluations evaluations): $scipyText ($words); objective $loss"
    }
}
