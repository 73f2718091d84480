package mlpkit.core.optim.lbfgs;

import mlpkit.core.network.Objective;
import mlpkit.core.optim.FullBatchRun;

/**
 * One {@link Lbfgs} run, one iteration per {@link #iterate()} (the maths is in {@link Lbfgs}'s documentation):
 * a training loop drives it iteration by iteration; {@link Lbfgs#minimize} drives it to the end.
 * After each iteration the stop tests run in scipy's order: iteration limit, evaluation limit, gradient
 * max-norm against {@code gtol}, relative loss change against {@code tol}.
 */
public final class LbfgsRun implements FullBatchRun {
    private final LbfgsOptions options;
    private final MeanObjective f;
    private final int n;
    private final int m;
    private final double[][] s;
    private final double[][] y;
    private final double[] rho;
    private final double[] alpha;
    private final double[] x;
    private final double[] g;
    private final double[] d;
    private final double[] z;
    private final MoreThuenteLineSearch search;
    private double loss;
    private double step;
    private int iterations;
    private int pairs;
    private int newest = -1;
    private int skipped;
    private StopReason reason;

    /**
     * Starts at {@code start} (copied), evaluating the objective there once.
     *
     * @throws IllegalArgumentException if {@code start} has not {@code objective.dimension()} entries, or the loss or
     *                                  gradient at {@code start} is not finite
     */
    LbfgsRun(LbfgsOptions options, Objective objective, double[] start) {
        n = objective.dimension();
        if (start.length != n) {
            throw new IllegalArgumentException("L-BFGS expected a start of " + n + " parameters (the objective's dimension), got "
                    + start.length + ": pass the network's or objective's own parameter vector");
        }
        this.options = options;
        f = new MeanObjective(objective);
        m = options.historySize();
        s = new double[m][n];
        y = new double[m][n];
        rho = new double[m];
        alpha = new double[m];
        x = start.clone();
        g = new double[n];
        d = new double[n];
        z = new double[n];
        search = new MoreThuenteLineSearch(n);
        loss = f.evaluate(x, g);
        if (!Double.isFinite(loss) || !Double.isFinite(Lbfgs.maxNorm(g))) {
            throw new IllegalArgumentException("L-BFGS expected a finite loss and gradient at the start, got loss " + loss
                    + " and gradient max-norm " + Lbfgs.maxNorm(g) + ": start from other parameters (smaller weights)");
        }
        reason = Lbfgs.maxNorm(g) <= options.gtol() ? StopReason.GRADIENT_BELOW_GTOL : null;
    }

    @Override
    public boolean iterate() {
        if (reason != null) {
            return false;
        }
        boolean found = search(iterations == 0);
        if (!found && pairs > 0 && f.evaluations() < options.maxFun()) {
            pairs = 0; // L-BFGS-B's RESTART_FROM_LNSRCH: drop the history, steepest descent with a first step of 1
            found = search(false);
        }
        if (!found) {
            reason = f.evaluations() >= options.maxFun() ? StopReason.EVALUATION_LIMIT : StopReason.LINE_SEARCH_FAILED;
            return false;
        }
        double length = search.step();
        double slopeBefore = Lbfgs.dot(g, d);
        double slopeAfter = search.slope();
        double[] gNew = search.gradient();
        // L-BFGS-B's pair: s = αd, y = g₊ − g; sᵀy = α(g₊ᵀd − gᵀd), kept unless sᵀy ≤ ε·(−gᵀs)
        double sy = length == 1.0 ? slopeAfter - slopeBefore : (slopeAfter - slopeBefore) * length;
        double descent = length == 1.0 ? -slopeBefore : -slopeBefore * length;
        if (sy > Lbfgs.CURVATURE_EPSILON * descent) {
            int slot = (newest + 1) % m;
            for (int i = 0; i < n; i++) {
                s[slot][i] = length == 1.0 ? d[i] : length * d[i];
                y[slot][i] = gNew[i] - g[i];
            }
            rho[slot] = 1.0 / sy;
            newest = slot;
            pairs = Math.min(pairs + 1, m);
        } else {
            skipped++;
        }
        double previous = loss;
        loss = search.value();
        step = length;
        System.arraycopy(search.point(), 0, x, 0, n);
        System.arraycopy(gNew, 0, g, 0, n);
        iterations++;
        double gNorm = Lbfgs.maxNorm(g);
        if (iterations >= options.maxIter()) {
            reason = StopReason.ITERATION_LIMIT;
        } else if (f.evaluations() >= options.maxFun()) {
            reason = StopReason.EVALUATION_LIMIT;
        } else if (gNorm <= options.gtol()) {
            reason = StopReason.GRADIENT_BELOW_GTOL;
        } else if (previous - loss <= options.tol() * Math.max(Math.max(Math.abs(previous), Math.abs(loss)), 1.0)) {
            reason = StopReason.LOSS_CHANGE_BELOW_TOL;
        }
        return true;
    }

    /**
     * One line search along L-BFGS-B's direction: z = x + Δ with Δ = −H·g (−g without pairs), d = z − x; the first
     * step is min(1/‖d‖, {@value MoreThuenteLineSearch#STEP_MAX}) on the first iteration, else 1.
     */
    private boolean search(boolean first) {
        Lbfgs.direction(g, d, s, y, rho, alpha, pairs, newest, m);
        for (int i = 0; i < n; i++) {
            z[i] = x[i] + d[i];
            d[i] = z[i] - x[i];
        }
        double initial = first ? Math.min(1.0 / Math.sqrt(Lbfgs.dot(d, d)), MoreThuenteLineSearch.STEP_MAX) : 1.0;
        return search.search(f, x, loss, g, d, z, initial, budget());
    }

    private int budget() {
        return Math.min(options.maxLineSearch(), options.maxFun() - f.evaluations());
    }

    /** Ends the run with {@code why} (a callback's {@link StopReason#CALLBACK}), replacing any reason found. */
    void stop(StopReason why) {
        reason = why;
    }

    /** Why the run stopped, null while it goes on. */
    public StopReason reason() {
        return reason;
    }

    @Override
    public boolean stopped() {
        return reason != null;
    }

    @Override
    public double[] parameters() {
        return x;
    }

    @Override
    public double loss() {
        return loss;
    }

    @Override
    public double gradientNorm() {
        return Lbfgs.maxNorm(g);
    }

    @Override
    public double step() {
        return step;
    }

    @Override
    public int iterations() {
        return iterations;
    }

    @Override
    public int evaluations() {
        return f.evaluations();
    }

    /** The (s, y) pairs left out because sᵀy ≤ ε·(−gᵀs) (L-BFGS-B's test). */
    public int skippedPairs() {
        return skipped;
    }

    @Override
    public String stopReason() {
        return reason == null ? null : reason.scipyText();
    }

    @Override
    public String stopWords() {
        return reason == null ? null : reason.words();
    }

    @Override
    public boolean converged() {
        return reason != null && reason.converged();
    }
}
