package mlpkit.core.optim.lbfgs;

import java.util.Arrays;
import mlpkit.core.network.Objective;

/**
 * Limited-memory BFGS (Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2nd ed., Algorithms 7.4 and 7.5) on the
 * mean loss of an {@link Objective} over a flat parameter vector. Each iteration:
 * <pre>
 *   d = −H·g         two-loop recursion over the last m pairs (s, y), H₀ = γI with γ = sᵀy / yᵀy (newest pair)
 *   α                strong-Wolfe line search ({@link WolfeLineSearch}); first try α = 1, or 1/‖g‖ on the first iteration
 *   s = αd, y = g₊ − g   kept unless sᵀy ≤ ε‖y‖² (ε = {@value #CURVATURE_EPSILON}), which would break H's positivity
 * </pre>
 * After each iteration, in scipy's order: the iteration limit, the evaluation limit, the gradient's max-norm
 * against {@code gtol}, the relative loss change against {@code tol} ({@link LbfgsOptions}); a gradient already
 * below {@code gtol} at the start ends the run before any iteration. When the line search fails, the history is
 * dropped and the steepest descent tried once, as L-BFGS-B does, before stopping with
 * {@link StopReason#LINE_SEARCH_FAILED}.
 *
 * <p>Memory: the history (2m vectors) and six work vectors are allocated at the start; an iteration allocates
 * nothing but what the objective does (and the loss curve's occasional doubling).
 */
public final class Lbfgs {
    /** ε of the curvature test sᵀy ≤ ε‖y‖² that leaves a pair out: the double's machine epsilon. */
    public static final double CURVATURE_EPSILON = 2.220446049250313e-16;

    /** Sees each iteration; returning {@code false} stops the run ({@link StopReason#CALLBACK}), e.g. to cancel it. */
    @FunctionalInterface
    public interface Monitor {
        /**
         * @param iteration    iterations made so far (1 after the first)
         * @param loss         the mean loss after it
         * @param gradientNorm the gradient's largest absolute entry after it
         * @return whether to go on
         */
        boolean proceed(int iteration, double loss, double gradientNorm);
    }

    private final LbfgsOptions options;

    /** L-BFGS with these options. */
    public Lbfgs(LbfgsOptions options) {
        this.options = options;
    }

    /** L-BFGS with {@link LbfgsOptions#DEFAULTS}. */
    public Lbfgs() {
        this(LbfgsOptions.DEFAULTS);
    }

    /** The options. */
    public LbfgsOptions options() {
        return options;
    }

    /** Minimises {@code objective} from {@code start} (not modified). */
    public LbfgsResult minimize(Objective objective, double[] start) {
        return minimize(objective, start, (iteration, loss, gradientNorm) -> true);
    }

    /**
     * Minimises {@code objective} from {@code start} (not modified), calling {@code monitor} after each iteration.
     *
     * @throws IllegalArgumentException if {@code start} has not {@code objective.dimension()} entries, or the loss or
     *                                  gradient at {@code start} is not finite
     */
    public LbfgsResult minimize(Objective objective, double[] start, Monitor monitor) {
        int n = objective.dimension();
        if (start.length != n) {
            throw new IllegalArgumentException("L-BFGS expected a start of " + n + " parameters (the objective's dimension), got "
                    + start.length + ": pass the network's or objective's own parameter vector");
        }
        MeanObjective f = new MeanObjective(objective);
        int m = options.historySize();
        double[][] s = new double[m][n];
        double[][] y = new double[m][n];
        double[] rho = new double[m];
        double[] alpha = new double[m];
        double[] x = start.clone();
        double[] g = new double[n];
        double[] d = new double[n];
        WolfeLineSearch search = new WolfeLineSearch(n);

        double loss = f.evaluate(x, g);
        if (!Double.isFinite(loss) || !Double.isFinite(maxNorm(g))) {
            throw new IllegalArgumentException("L-BFGS expected a finite loss and gradient at the start, got loss " + loss
                    + " and gradient max-norm " + maxNorm(g) + ": start from other parameters (smaller weights)");
        }
        double[] curve = new double[Math.min(options.maxIter(), 1023) + 1];
        curve[0] = loss;
        int iterations = 0;
        int pairs = 0;
        int newest = -1;
        int skipped = 0;
        StopReason reason = maxNorm(g) <= options.gtol() ? StopReason.GRADIENT_BELOW_GTOL : null;
        while (reason == null) {
            direction(g, d, s, y, rho, alpha, pairs, newest, m);
            double initial = iterations == 0 && pairs == 0 ? 1.0 / Math.sqrt(WolfeLineSearch.dot(g, g)) : 1.0;
            int budget = Math.min(options.maxLineSearch(), options.maxFun() - f.evaluations());
            boolean found = search.search(f, x, loss, g, d, initial, budget);
            if (!found && pairs > 0 && f.evaluations() < options.maxFun()) {
                pairs = 0;
                direction(g, d, s, y, rho, alpha, pairs, newest, m);
                budget = Math.min(options.maxLineSearch(), options.maxFun() - f.evaluations());
                found = search.search(f, x, loss, g, d, 1.0 / Math.sqrt(WolfeLineSearch.dot(g, g)), budget);
            }
            if (!found) {
                reason = f.evaluations() >= options.maxFun() ? StopReason.EVALUATION_LIMIT : StopReason.LINE_SEARCH_FAILED;
                break;
            }
            int slot = (newest + 1) % m;
            double sy = 0;
            double yy = 0;
            double[] xNew = search.point();
            double[] gNew = search.gradient();
            for (int i = 0; i < n; i++) {
                s[slot][i] = xNew[i] - x[i];
                y[slot][i] = gNew[i] - g[i];
                sy += s[slot][i] * y[slot][i];
                yy += y[slot][i] * y[slot][i];
            }
            if (sy > CURVATURE_EPSILON * yy) {
                rho[slot] = 1.0 / sy;
                newest = slot;
                pairs = Math.min(pairs + 1, m);
            } else {
                skipped++;
            }
            double previous = loss;
            loss = search.value();
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            iterations++;
            if (iterations == curve.length) {
                curve = Arrays.copyOf(curve, Math.min(2 * curve.length, options.maxIter() + 1));
            }
            curve[iterations] = loss;
            double gNorm = maxNorm(g);
            if (!monitor.proceed(iterations, loss, gNorm)) {
                reason = StopReason.CALLBACK;
            } else if (iterations >= options.maxIter()) {
                reason = StopReason.ITERATION_LIMIT;
            } else if (f.evaluations() >= options.maxFun()) {
                reason = StopReason.EVALUATION_LIMIT;
            } else if (gNorm <= options.gtol()) {
                reason = StopReason.GRADIENT_BELOW_GTOL;
            } else if (previous - loss <= options.tol() * Math.max(Math.max(Math.abs(previous), Math.abs(loss)), 1.0)) {
                reason = StopReason.LOSS_CHANGE_BELOW_TOL;
            }
        }
        return new LbfgsResult(reason, x, loss, maxNorm(g), iterations, f.evaluations(), skipped,
                Arrays.copyOf(curve, iterations + 1));
    }

    /** The two-loop recursion: d = −H·g over the {@code pairs} newest pairs, newest at {@code newest}. */
    static void direction(double[] g, double[] d, double[][] s, double[][] y, double[] rho, double[] alpha,
                          int pairs, int newest, int m) {
        System.arraycopy(g, 0, d, 0, g.length);
        for (int k = 0; k < pairs; k++) {
            int i = Math.floorMod(newest - k, m);
            alpha[i] = rho[i] * WolfeLineSearch.dot(s[i], d);
            axpy(-alpha[i], y[i], d);
        }
        double gamma = pairs == 0 ? 1.0 : 1.0 / (rho[newest] * WolfeLineSearch.dot(y[newest], y[newest]));
        for (int i = 0; i < d.length; i++) {
            d[i] *= gamma;
        }
        for (int k = pairs - 1; k >= 0; k--) {
            int i = Math.floorMod(newest - k, m);
            double beta = rho[i] * WolfeLineSearch.dot(y[i], d);
            axpy(alpha[i] - beta, s[i], d);
        }
        for (int i = 0; i < d.length; i++) {
            d[i] = -d[i];
        }
    }

    private static void axpy(double a, double[] v, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] += a * v[i];
        }
    }

    static double maxNorm(double[] v) {
        double max = 0;
        for (double e : v) {
            max = Math.max(max, Math.abs(e));
        }
        return max;
    }
}
