package mlpkit.dsl.sweep

import mlpkit.dsl.train.StopReason

/**
 * How a sweep's variation ended, as `summary.csv`'s `status` column writes it ([label]). Only [OK] rows
 * are drawn in the sweep curve; [isFailure] rows make the sweep's exit status say that something failed.
 */
enum class SweepStatus(val label: String, val isFailure: Boolean) {
    /** The run completed or stopped early, as planned. */
    OK("ok", false),

    /** The run stopped because its loss diverged: the divergence guard, or a loss that was not finite. */
    DIVERGED("diverged", true),

    /** The run could not be carried out: its data could not be read, or training threw. */
    FAILED("failed", true),

    /** A stop was requested while the variation was running: it ended after its current batch. */
    INTERRUPTED("interrupted", false),

    /** A stop was requested before the variation started: it was not run. */
    NOT_RUN("not run", false),
    ;

    companion object {
        /** The status of a variation whose run ended with [reason]. */
        fun of(reason: StopReason): SweepStatus = when {
            reason.divergence != null -> DIVERGED
            reason == StopReason.Cancelled -> INTERRUPTED
            else -> OK
        }
    }
}
