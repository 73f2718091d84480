package mlpkit.core.optim.lbfgs;

/**
 * A line search for a step α along a descent direction d from x that meets the strong Wolfe conditions
 * (Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2nd ed., Algorithms 3.5 and 3.6), with φ(α) = f(x + αd):
 * <pre>
 *   sufficient decrease   φ(α) ≤ φ(0) + c1·α·φ'(0)
 *   curvature             |φ'(α)| ≤ c2·|φ'(0)|          (c1 = 1e-4, c2 = 0.9)
 * </pre>
 * The bracketing phase multiplies α by {@value #EXPAND} until φ rises, fails the decrease test or turns upward;
 * then "zoom" shrinks the bracket [lo, hi] with the minimiser of the cubic through φ and φ' at both ends
 * (N&amp;W eq. 3.59), moved to a tenth of the bracket from an end if it lies closer (the midpoint when the
 * cubic has no minimiser). A non-finite
 * loss counts as failing the decrease test. At most {@code maxEvaluations} evaluations are made; running out
 * is a {@code false} result, not an exception.
 *
 * <p>The trial point and its gradient live in two arrays allocated once; after a successful search they hold
 * the accepted point ({@link #point()}, {@link #gradient()}).
 */
public final class WolfeLineSearch {
    /** The sufficient-decrease constant c1. */
    public static final double C1 = 1e-4;
    /** The curvature constant c2. */
    public static final double C2 = 0.9;
    /** The factor α grows by while bracketing. */
    public static final double EXPAND = 4.0;

    private final double[] point;
    private final double[] gradient;
    private double step;
    private double value;

    /** A line search for objectives of {@code dimension} parameters. */
    public WolfeLineSearch(int dimension) {
        point = new double[dimension];
        gradient = new double[dimension];
    }

    /** The accepted step α (valid after a successful search). */
    public double step() {
        return step;
    }

    /** φ(α): the loss at the accepted point. */
    public double value() {
        return value;
    }

    /** x + αd, the accepted point (a buffer reused by the next search). */
    public double[] point() {
        return point;
    }

    /** The gradient at the accepted point (a buffer reused by the next search). */
    public double[] gradient() {
        return gradient;
    }

    /**
     * Searches from {@code x} (loss {@code f0}, gradient {@code g0}) along {@code d}, first trying
     * {@code initialStep}.
     *
     * @return whether a step meeting the strong Wolfe conditions was found within {@code maxEvaluations}
     * @throws IllegalArgumentException if d is not a descent direction (φ'(0) ≥ 0) or the initial step is not positive
     */
    boolean search(MeanObjective f, double[] x, double f0, double[] g0, double[] d, double initialStep,
                   int maxEvaluations) {
        double dphi0 = dot(g0, d);
        if (!(dphi0 < 0)) {
            throw new IllegalArgumentException("the line search expected a descent direction (gradient · direction < 0), "
                    + "got gradient · direction = " + dphi0 + ": pass a direction that lowers the loss, such as −gradient");
        }
        if (!(initialStep > 0) || Double.isInfinite(initialStep)) {
            throw new IllegalArgumentException("the line search expected a finite initial step > 0, got " + initialStep);
        }
        double prev = 0;
        double phiPrev = f0;
        double dphiPrev = dphi0;
        double alpha = initialStep;
        for (int used = 0; used < maxEvaluations; ) {
            double phi = at(f, x, d, alpha);
            double dphi = dot(gradient, d);
            used++;
            if (!decreases(phi, alpha, f0, dphi0) || (used > 1 && phi >= phiPrev)) {
                return zoom(f, x, d, f0, dphi0, prev, phiPrev, dphiPrev, alpha, phi, dphi, maxEvaluations - used);
            }
            if (Math.abs(dphi) <= -C2 * dphi0) {
                return accept(alpha, phi);
            }
            if (dphi >= 0) {
                return zoom(f, x, d, f0, dphi0, alpha, phi, dphi, prev, phiPrev, dphiPrev, maxEvaluations - used);
            }
            prev = alpha;
            phiPrev = phi;
            dphiPrev = dphi;
            alpha *= EXPAND;
        }
        return false;
    }

    /** N&W Algorithm 3.6: lo meets the decrease test and has the lowest φ so far; a minimiser lies between lo and hi. */
    private boolean zoom(MeanObjective f, double[] x, double[] d, double f0, double dphi0,
                         double lo, double phiLo, double dphiLo, double hi, double phiHi, double dphiHi, int budget) {
        for (int used = 0; used < budget; used++) {
            double width = Math.abs(hi - lo);
            if (width <= Math.ulp(Math.max(Math.abs(lo), Math.abs(hi)))) {
                return false;
            }
            double alpha = cubicMinimiser(lo, phiLo, dphiLo, hi, phiHi, dphiHi);
            double low = Math.min(lo, hi) + 0.1 * width;
            double high = Math.max(lo, hi) - 0.1 * width;
            alpha = Double.isNaN(alpha) ? 0.5 * (lo + hi) : Math.min(Math.max(alpha, low), high);
            double phi = at(f, x, d, alpha);
            double dphi = dot(gradient, d);
            if (!decreases(phi, alpha, f0, dphi0) || phi >= phiLo) {
                hi = alpha;
                phiHi = phi;
                dphiHi = dphi;
            } else {
                if (Math.abs(dphi) <= -C2 * dphi0) {
                    return accept(alpha, phi);
                }
                if (dphi * (hi - lo) >= 0) {
                    hi = lo;
                    phiHi = phiLo;
                    dphiHi = dphiLo;
                }
                lo = alpha;
                phiLo = phi;
                dphiLo = dphi;
            }
        }
        return false;
    }

    /** The minimiser of the cubic with φ and φ' at a and b (N&W eq. 3.59), NaN when it has none. */
    static double cubicMinimiser(double a, double fa, double da, double b, double fb, double db) {
        double d1 = da + db - 3 * (fa - fb) / (a - b);
        double radicand = d1 * d1 - da * db;
        if (!(radicand >= 0)) {
            return Double.NaN;
        }
        double d2 = Math.signum(b - a) * Math.sqrt(radicand);
        return b - (b - a) * (db + d2 - d1) / (db - da + 2 * d2);
    }

    private static boolean decreases(double phi, double alpha, double f0, double dphi0) {
        return Double.isFinite(phi) && phi <= f0 + C1 * alpha * dphi0;
    }

    private boolean accept(double alpha, double phi) {
        step = alpha;
        value = phi;
        return true;
    }

    private double at(MeanObjective f, double[] x, double[] d, double alpha) {
        for (int i = 0; i < x.length; i++) {
            point[i] = x[i] + alpha * d[i];
        }
        return f.evaluate(point, gradient);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
