package mlpkit.app

/**
 * The exit statuses of `mlp`, the same for every command, so scripts and CI can tell a failed check
 * from a mistyped command line.
 */
object ExitCode {
    /** The command did what was asked and its check (if any) passed. */
    const val OK = 0

    /**
     * The command ran, but what it checked did not hold or a run went wrong: a gradient check above the
     * tolerance, an `expect` figure `verify` did not reach, a run stopped because its loss diverged (the
     * divergence guard, or a loss that was not finite), or a sweep in which a variation diverged or failed
     * (its `summary.csv` still has every row, the good ones with their results).
     */
    const val CHECK_FAILED = 1

    /**
     * The request could not be carried out as given: a usage error (unknown or missing option, bad
     * value), a network notation that does not parse, or a loss that does not fit the network.
     */
    const val INVALID_INPUT = 2

    /** A bug or an environment problem in mlp itself; `MLP_DEBUG=1` prints the stack trace. */
    const val INTERNAL_ERROR = 3

    /**
     * Ctrl-C (SIGINT, 128 + 2, the shell's own convention): a run stopped after its current batch and wrote
     * everything an ended run writes, marked `"stopped": "interrupted at epoch N"`; or, before training
     * started, the command ended at once without a run directory. Not 0, so `mlp run a.json && mlp run b.json`
     * does not start b after the user pressed Ctrl-C.
     */
    const val INTERRUPTED = 130

    /** SIGTERM (128 + 15, e.g. `kill`, a scheduler's time limit): the same as [INTERRUPTED]. */
    const val TERMINATED = 143
}
