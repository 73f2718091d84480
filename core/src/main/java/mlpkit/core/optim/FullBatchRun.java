package mlpkit.core.optim;

/**
 * One run of a full-batch method (L-BFGS) over a whole training objective, driven one iteration at a time by
 * the training loop, which makes each iteration an "epoch" (scikit-learn's {@code n_iter_}): after each
 * {@link #iterate()} it reads the point, records metrics, runs hooks and may stop the run.
 * Made by {@link OptimizerSpec#startFullBatch}.
 */
public interface FullBatchRun {
    /**
     * Makes one iteration unless the run has already stopped.
     *
     * @return whether an iteration was made (the point moved); false when the run had stopped or this attempt
     *         found no step (then {@link #stopped()} is true and {@link #stopReason()} says why)
     */
    boolean iterate();

    /** Whether the run is over (a stop test held after the last iteration, or no step was found). */
    boolean stopped();

    /** The current point (the last accepted one), a buffer the next iteration overwrites. */
    double[] parameters();

    /** The minimised objective at the current point (mean loss plus any penalty). */
    double loss();

    /** The largest absolute entry of the objective's gradient at the current point. */
    double gradientNorm();

    /** The step length α the last iteration accepted (0 before the first). */
    double step();

    /** Iterations made so far. */
    int iterations();

    /** Evaluations of loss and gradient so far, including the first. */
    int evaluations();

    /** Why the run stopped, in scipy's words (e.g. {@code CONVERGENCE: REL_REDUCTION_OF_F_<=_FACTR*EPSMCH}); null while it goes on. */
    String stopReason();

    /** The stop reason in words, null while the run goes on. */
    String stopWords();

    /** Whether the run stopped on a convergence test (scipy's {@code success}). */
    boolean converged();
}
