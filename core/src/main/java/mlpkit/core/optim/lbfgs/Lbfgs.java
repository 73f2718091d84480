package mlpkit.core.optim.lbfgs;

import java.util.Arrays;
import mlpkit.core.network.Objective;

/**
 * Limited-memory BFGS (Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2nd ed., Algorithm 7.4 and 7.5) on the
 * mean loss of an {@link Objective} over a flat parameter vector, iterating as scipy 1.10.1's L-BFGS-B
 * ({@code mainlb}, {@code lnsrlb}) does without bounds. Each iteration:
 * <pre>
 *   Δ = −H·g         two-loop recursion over the last m pairs (s, y), H₀ = (sᵀy / yᵀy)·I of the newest pair
 *                    (L-BFGS-B's compact form with B₀ = θI, θ = yᵀy / sᵀy, gives the same direction); −g without pairs
 *   z = x + Δ, d = z − x
 *   α                Moré–Thuente line search ({@link MoreThuenteLineSearch}), first trying α = min(1/‖d‖, 1e10) on
 *                    the first iteration, α = 1 after it (where the trial point is z itself)
 *   s = αd, y = g₊ − g   kept unless sᵀy ≤ ε·(−gᵀs) (ε = {@value #CURVATURE_EPSILON}), with sᵀy = α(g₊ᵀd − gᵀd)
 * </pre>
 * After each iteration, in scipy's order: the iteration limit, the evaluation limit, the gradient's max-norm
 * against {@code gtol}, the relative loss change against {@code tol} ({@link LbfgsOptions}); a gradient already
 * below {@code gtol} at the start ends the run before any iteration. When the line search fails (no acceptable
 * step within {@code maxLineSearch} evaluations, or d not a descent direction), the history is dropped and the
 * steepest descent tried once with α = 1, as L-BFGS-B's restart does, before stopping with
 * {@link StopReason#LINE_SEARCH_FAILED}.
 *
 * <p>Memory: the history (2m vectors) and seven work vectors are allocated at the start; an iteration allocates
 * nothing but what the objective does (and the loss curve's occasional doubling).
 */
public final class Lbfgs {
    /** ε of the curvature test sᵀy ≤ ε·(−gᵀs) that leaves a pair out: the double's machine epsilon (L-BFGS-B's epsmch). */
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
        LbfgsRun run = start(objective, start);
        double[] curve = new double[Math.min(options.maxIter(), 1023) + 1];
        curve[0] = run.loss();
        while (run.iterate()) {
            if (run.iterations() == curve.length) {
                curve = Arrays.copyOf(curve, Math.min(2 * curve.length, options.maxIter() + 1));
            }
            curve[run.iterations()] = run.loss();
            if (!monitor.proceed(run.iterations(), run.loss(), run.gradientNorm())) {
                run.stop(StopReason.CALLBACK);
            }
        }
        return new LbfgsResult(run.reason(), run.parameters().clone(), run.loss(), run.gradientNorm(), run.iterations(),
                run.evaluations(), run.skippedPairs(), Arrays.copyOf(curve, run.iterations() + 1));
    }

    /**
     * A run from {@code start} (copied) that makes one iteration per {@link LbfgsRun#iterate()}.
     *
     * @throws IllegalArgumentException if {@code start} has not {@code objective.dimension()} entries, or the loss or
     *                                  gradient at {@code start} is not finite
     */
    public LbfgsRun start(Objective objective, double[] start) {
        return new LbfgsRun(options, objective, start);
    }

    /** The two-loop recursion: d = −H·g over the {@code pairs} newest pairs, newest at {@code newest}. */
    static void direction(double[] g, double[] d, double[][] s, double[][] y, double[] rho, double[] alpha,
                          int pairs, int newest, int m) {
        System.arraycopy(g, 0, d, 0, g.length);
        for (int k = 0; k < pairs; k++) {
            int i = Math.floorMod(newest - k, m);
            alpha[i] = rho[i] * dot(s[i], d);
            axpy(-alpha[i], y[i], d);
        }
        double gamma = pairs == 0 ? 1.0 : 1.0 / (rho[newest] * dot(y[newest], y[newest]));
        for (int i = 0; i < d.length; i++) {
            d[i] *= gamma;
        }
        for (int k = pairs - 1; k >= 0; k--) {
            int i = Math.floorMod(newest - k, m);
            double beta = rho[i] * dot(y[i], d);
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

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static double maxNorm(double[] v) {
        double max = 0;
        for (double e : v) {
            max = Math.max(max, Math.abs(e));
        }
        return max;
    }
}
