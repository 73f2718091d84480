package mlpkit.core.optim.lbfgs;

/**
 * Why an {@link Lbfgs} run stopped: scipy's {@code message} for the same reason ({@link #scipyText()}, as
 * {@code scipy.optimize.minimize(method="L-BFGS-B")} reports it) and ours in words ({@link #words()}).
 */
public enum StopReason {
    /** The loss changed by less than {@code tol} relative to its size. */
    LOSS_CHANGE_BELOW_TOL("CONVERGENCE: REL_REDUCTION_OF_F_<=_FACTR*EPSMCH",
            "the loss changed by less than tol", true),
    /** The gradient's largest absolute entry is at most {@code gtol}. */
    GRADIENT_BELOW_GTOL("CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL",
            "the gradient's largest entry is at most gtol", true),
    /** {@code maxIter} iterations were made. */
    ITERATION_LIMIT("STOP: TOTAL NO. of ITERATIONS REACHED LIMIT",
            "the iteration limit maxIter was reached", false),
    /** The next evaluation would exceed {@code maxFun}. */
    EVALUATION_LIMIT("STOP: TOTAL NO. of f AND g EVALUATIONS EXCEEDS LIMIT",
            "the evaluation limit maxFun was reached", false),
    /** The line search found no acceptable step within its evaluations, even along the steepest descent. */
    LINE_SEARCH_FAILED("ABNORMAL_TERMINATION_IN_LNSRCH",
            "the line search found no acceptable step within maxLineSearch evaluations", false),
    /** The per-iteration callback asked to stop (scipy has no such text; newer versions stop on StopIteration). */
    CALLBACK("STOP: REQUESTED BY CALLBACK",
            "the callback asked to stop", false);

    private final String scipyText;
    private final String words;
    private final boolean converged;

    StopReason(String scipyText, String words, boolean converged) {
        this.scipyText = scipyText;
        this.words = words;
        this.converged = converged;
    }

    /** scipy's message for this reason. */
    public String scipyText() {
        return scipyText;
    }

    /** This reason in words. */
    public String words() {
        return words;
    }

    /** Whether the reason is a convergence test (scipy's {@code success}). */
    public boolean converged() {
        return converged;
    }
}
