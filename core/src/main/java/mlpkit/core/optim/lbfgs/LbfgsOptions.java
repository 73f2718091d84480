package mlpkit.core.optim.lbfgs;

import mlpkit.core.concept.Param;

/**
 * The settings of one {@link Lbfgs} run. Each setting's name, default and valid range live in its
 * {@link Param} below; the constructor checks every value against it, so a message names the setting, what
 * it expected and what it got.
 *
 * <p>Correspondence with scipy's {@code minimize(method="L-BFGS-B")} (and scikit-learn's MLP, which calls it):
 * <ul>
 *   <li>{@code historySize} is scipy's {@code maxcor} (default 10);</li>
 *   <li>{@code maxIter} is scipy's {@code maxiter}; the default 200 is scikit-learn's {@code max_iter}, which its
 *       MLP passes as {@code maxiter};</li>
 *   <li>{@code maxFun} is scipy's {@code maxfun}; the default 15000 is scikit-learn's {@code max_fun}, which its MLP
 *       passes as {@code maxfun}. Unlike scipy, which checks it only after a whole iteration, a run never evaluates
 *       the objective more than {@code maxFun} times;</li>
 *   <li>{@code tol} is scipy's {@code ftol} (= {@code factr · ε}, default {@code 1e7 · 2.22e-16 = 2.22e-9}): the
 *       run stops when {@code (f_k − f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) ≤ tol};</li>
 *   <li>{@code gtol} is scipy's {@code gtol}/{@code pgtol} (default 1e-5): the run stops when the gradient's
 *       largest absolute entry is at most {@code gtol} (without bounds the projected gradient is the gradient).
 *       scikit-learn's MLP passes its own {@code tol} (1e-4) here;</li>
 *   <li>{@code maxLineSearch} bounds the evaluations of one line search (L-BFGS-B gives up after 20).</li>
 * </ul>
 *
 * @param historySize   the number m of (s, y) pairs kept, at least 1
 * @param maxIter       the most iterations, at least 1
 * @param maxFun        the most evaluations of loss and gradient, at least 2
 * @param tol           the relative loss change that ends the run, at least 0
 * @param gtol          the gradient max-norm that ends the run, at least 0
 * @param maxLineSearch the most evaluations in one line search, at least 1
 */
public record LbfgsOptions(int historySize, int maxIter, int maxFun, double tol, double gtol, int maxLineSearch) {

    /** m, scipy's {@code maxcor}. */
    public static final Param HISTORY_SIZE = Param.integer("historySize", 10).atLeast(1)
            .doc("how many (s, y) pairs approximate the inverse Hessian (scipy's maxcor)")
            .hint("10 is scipy's default; 3 to 20 is usual");
    /** scipy's {@code maxiter}, scikit-learn's {@code max_iter}. */
    public static final Param MAX_ITER = Param.integer("maxIter", 200).atLeast(1)
            .doc("the most iterations (scipy's maxiter; scikit-learn's max_iter = 200)")
            .hint("raise it if the run stops at the iteration limit");
    /** scipy's {@code maxfun}, scikit-learn's {@code max_fun}. */
    public static final Param MAX_FUN = Param.integer("maxFun", 15000).atLeast(2)
            .doc("the most evaluations of loss and gradient (scipy's maxfun; scikit-learn's max_fun = 15000)")
            .hint("at least 2: one at the start and one in the first line search");
    /** scipy's {@code ftol}. */
    public static final Param TOL = Param.real("tol", 1e7 * Math.ulp(1.0)).atLeast(0)
            .doc("stop when (f_k − f_k+1) / max(|f_k|, |f_k+1|, 1) ≤ tol (scipy's ftol = factr · eps)")
            .hint("0 never stops on the loss change");
    /** scipy's {@code gtol} ({@code pgtol}). */
    public static final Param GTOL = Param.real("gtol", 1e-5).atLeast(0)
            .doc("stop when the gradient's largest absolute entry is ≤ gtol (scipy's gtol / pgtol)")
            .hint("scikit-learn's MLP passes its tol (1e-4) here");
    /** L-BFGS-B's limit of 20 evaluations per line search. */
    public static final Param MAX_LINE_SEARCH = Param.integer("maxLineSearch", 20).atLeast(1)
            .doc("the most evaluations in one line search (scipy's maxls)")
            .hint("a line search that needs more ends the run with ABNORMAL_TERMINATION_IN_LNSRCH");

    /** Every setting at its default. */
    public static final LbfgsOptions DEFAULTS = new LbfgsOptions(
            (Integer) HISTORY_SIZE.defaultValue(), (Integer) MAX_ITER.defaultValue(), (Integer) MAX_FUN.defaultValue(),
            (Double) TOL.defaultValue(), (Double) GTOL.defaultValue(), (Integer) MAX_LINE_SEARCH.defaultValue());

    /** Checks every value against its parameter's range. */
    public LbfgsOptions {
        String subject = "lbfgs options";
        HISTORY_SIZE.coerce(historySize, subject);
        MAX_ITER.coerce(maxIter, subject);
        MAX_FUN.coerce(maxFun, subject);
        TOL.coerce(tol, subject);
        GTOL.coerce(gtol, subject);
        MAX_LINE_SEARCH.coerce(maxLineSearch, subject);
    }

    /** Every setting at its default. */
    public static LbfgsOptions defaults() {
        return DEFAULTS;
    }

    /** A copy with another history size m. */
    public LbfgsOptions withHistorySize(int m) {
        return new LbfgsOptions(m, maxIter, maxFun, tol, gtol, maxLineSearch);
    }

    /** A copy with another iteration limit. */
    public LbfgsOptions withMaxIter(int n) {
        return new LbfgsOptions(historySize, n, maxFun, tol, gtol, maxLineSearch);
    }

    /** A copy with another evaluation limit. */
    public LbfgsOptions withMaxFun(int n) {
        return new LbfgsOptions(historySize, maxIter, n, tol, gtol, maxLineSearch);
    }

    /** A copy with another relative loss-change tolerance. */
    public LbfgsOptions withTol(double t) {
        return new LbfgsOptions(historySize, maxIter, maxFun, t, gtol, maxLineSearch);
    }

    /** A copy with another gradient max-norm tolerance. */
    public LbfgsOptions withGtol(double t) {
        return new LbfgsOptions(historySize, maxIter, maxFun, tol, t, maxLineSearch);
    }

    /** A copy with another line-search evaluation limit. */
    public LbfgsOptions withMaxLineSearch(int n) {
        return new LbfgsOptions(historySize, maxIter, maxFun, tol, gtol, n);
    }
}
