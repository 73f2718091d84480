package mlpkit.core.optim.lbfgs;

/**
 * Moré and Thuente's line search (ACM TOMS 20(3), 1994; MINPACK-2's {@code dcsrch} and {@code dcstep}, which
 * scipy's L-BFGS-B calls), for a step α along a descent direction d from x, with φ(α) = f(x + αd):
 * <pre>
 *   done when          φ(α) ≤ φ(0) + ftol·α·φ'(0)  and  |φ'(α)| ≤ gtol·|φ'(0)|     (ftol = 1e-3, gtol = 0.9)
 *   interval           [stx, sty] ∋ a minimiser once bracketed; stx the best point so far
 *   next trial         {@link #step}: cubic and quadratic models of φ at stx and α (four cases)
 *   bisection          when the bracket did not shrink to 2/3 of its width two trials ago
 *   before bracketing  α stays in [α + 1.1(α − stx), α + 4(α − stx)], and in [0, {@value #STEP_MAX}]
 *   first stage        until φ(α) ≤ φ(0) + ftol·α·φ'(0) and φ'(α) ≥ 0, the models are of ψ(α) = φ(α) − ftol·α·φ'(0)
 * </pre>
 * It ends, accepting the last trial, when both conditions hold, or with a warning as {@code dcsrch} does: the
 * bracket narrower than xtol·its upper end (xtol = 0.1), the trial at an end of the bracket (rounding), or at
 * {@value #STEP_MAX}, or at 0. At most {@code maxEvaluations} evaluations: running out is a {@code false} result.
 * Unlike {@code dcsrch} (which would extrapolate to its largest step), a non-finite φ or φ' is treated as a
 * rise: it bounds the bracket and the next trial is the midpoint towards stx.
 *
 * <p>The trial point and its gradient live in two arrays allocated once; after a search they hold the accepted
 * point ({@link #point()}, {@link #gradient()}).
 */
public final class MoreThuenteLineSearch {
    /** The sufficient-decrease constant (L-BFGS-B's ftol). */
    public static final double FTOL = 1e-3;
    /** The curvature constant (L-BFGS-B's gtol). */
    public static final double GTOL = 0.9;
    /** The relative width of the bracket below which the search ends (L-BFGS-B's xtol). */
    public static final double XTOL = 0.1;
    /** The largest step (L-BFGS-B's stpmx without bounds). */
    public static final double STEP_MAX = 1e10;

    private final double[] point;
    private final double[] gradient;
    private double step;
    private double value;
    private double slope;
    // the bracket: stx (best so far) and sty, with φ and φ' there; stage 1 works on ψ
    private double stx;
    private double fx;
    private double gx;
    private double sty;
    private double fy;
    private double gy;
    private boolean bracketed;

    /** A line search for objectives of {@code dimension} parameters. */
    public MoreThuenteLineSearch(int dimension) {
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

    /** φ'(α) = ∇f(x + αd)·d at the accepted point. */
    public double slope() {
        return slope;
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
     * {@code initialStep}. The trial at α = 1 is {@code atOne} (L-BFGS-B's z, of which d = z − x) rather than
     * x + d, so that both sides evaluate the same point to the last bit.
     *
     * @return whether a step was accepted within {@code maxEvaluations}; {@code false} without any evaluation when
     *         d is not a descent direction (φ'(0) ≥ 0, L-BFGS-B's {@code info = -4})
     * @throws IllegalArgumentException if the initial step is not in (0, {@value #STEP_MAX}]
     */
    boolean search(MeanObjective f, double[] x, double f0, double[] g0, double[] d, double[] atOne, double initialStep,
                   int maxEvaluations) {
        if (!(initialStep > 0 && initialStep <= STEP_MAX)) {
            throw new IllegalArgumentException("the line search expected a first step in (0, " + STEP_MAX + "], got "
                    + initialStep + ": pass min(1/‖d‖, " + STEP_MAX + ") or 1");
        }
        double dphi0 = Lbfgs.dot(g0, d);
        if (!(dphi0 < 0)) {
            return false;
        }
        double sufficient = FTOL * dphi0;
        bracketed = false;
        boolean firstStage = true;
        double width = STEP_MAX;
        double previousWidth = 2 * width;
        stx = 0;
        fx = f0;
        gx = dphi0;
        sty = 0;
        fy = f0;
        gy = dphi0;
        double low = 0;
        double high = initialStep + 4 * initialStep;
        double alpha = initialStep;
        for (int used = 0; used < maxEvaluations; used++) {
            double phi = at(f, x, d, atOne, alpha);
            double dphi = Lbfgs.dot(gradient, d);
            double bound = f0 + alpha * sufficient;
            if (firstStage && phi <= bound && dphi >= 0) {
                firstStage = false;
            }
            boolean warning = bracketed && (alpha <= low || alpha >= high || high - low <= XTOL * high)
                    || alpha == STEP_MAX && phi <= bound && dphi <= sufficient
                    || alpha == 0 && (phi > bound || dphi >= sufficient);
            if (warning || phi <= bound && Math.abs(dphi) <= GTOL * -dphi0) {
                step = alpha;
                value = phi;
                slope = dphi;
                return true;
            }
            if (!Double.isFinite(phi) || !Double.isFinite(dphi)) {
                sty = alpha;
                fy = Double.POSITIVE_INFINITY;
                gy = Double.NaN;
                bracketed = true;
                alpha = stx + 0.5 * (alpha - stx);
            } else if (firstStage && phi <= fx && phi > bound) {
                fx -= stx * sufficient;
                fy -= sty * sufficient;
                gx -= sufficient;
                gy -= sufficient;
                alpha = step(alpha, phi - alpha * sufficient, dphi - sufficient, low, high);
                fx += stx * sufficient;
                fy += sty * sufficient;
                gx += sufficient;
                gy += sufficient;
            } else {
                alpha = step(alpha, phi, dphi, low, high);
            }
            if (bracketed) {
                if (Math.abs(sty - stx) >= 0.66 * previousWidth) {
                    alpha = stx + 0.5 * (sty - stx);
                }
                previousWidth = width;
                width = Math.abs(sty - stx);
                low = Math.min(stx, sty);
                high = Math.max(stx, sty);
            } else {
                low = alpha + 1.1 * (alpha - stx);
                high = alpha + 4 * (alpha - stx);
            }
            if (Double.isNaN(alpha)) {
                alpha = stx + 0.5 * (sty - stx); // only after a non-finite φ or φ' made the models undefined
            }
            alpha = Math.min(Math.max(alpha, 0), STEP_MAX);
            if (bracketed && (alpha <= low || alpha >= high || high - low <= XTOL * high)) {
                alpha = stx;
            }
        }
        return false;
    }

    /**
     * {@code dcstep}: the next trial from the bracket's ends (fields) and the trial α (φ, φ'), updating the bracket.
     * The trial is kept in [low, high] while not bracketed.
     */
    private double step(double alpha, double phi, double dphi, double low, double high) {
        double next;
        boolean opposite = dphi * Math.signum(gx) < 0;
        if (phi > fx) {
            // higher value: the minimiser is bracketed; the cubic step, or halfway to the quadratic one if that is nearer
            double cubic = cubicMinimiser(stx, fx, gx, alpha, phi, dphi, theta(stx, fx, gx, alpha, phi, dphi), false);
            double quadratic = stx + gx / ((fx - phi) / (alpha - stx) + gx) / 2 * (alpha - stx);
            next = Math.abs(cubic - stx) < Math.abs(quadratic - stx) ? cubic : cubic + (quadratic - cubic) / 2;
            bracketed = true;
        } else if (opposite) {
            // lower value, slopes of opposite signs: bracketed; the cubic or secant step, whichever is farther from α
            double cubic = cubicMinimiser(alpha, phi, dphi, stx, fx, gx, theta(stx, fx, gx, alpha, phi, dphi), false);
            double secant = alpha + dphi / (dphi - gx) * (stx - alpha);
            next = Math.abs(cubic - alpha) > Math.abs(secant - alpha) ? cubic : secant;
            bracketed = true;
        } else if (Math.abs(dphi) < Math.abs(gx)) {
            // lower value, same sign, the slope shrinks: the cubic (if it tends to infinity in the right direction)
            double cubic = cubicMinimiser(alpha, phi, dphi, stx, fx, gx, theta(stx, fx, gx, alpha, phi, dphi), true);
            if (Double.isNaN(cubic)) {
                cubic = alpha > stx ? high : low;
            }
            double secant = alpha + dphi / (dphi - gx) * (stx - alpha);
            if (bracketed) {
                next = Math.abs(cubic - alpha) < Math.abs(secant - alpha) ? cubic : secant;
                next = alpha > stx ? Math.min(alpha + 0.66 * (sty - alpha), next) : Math.max(alpha + 0.66 * (sty - alpha), next);
            } else {
                next = Math.abs(cubic - alpha) > Math.abs(secant - alpha) ? cubic : secant;
                next = Math.max(low, Math.min(high, next));
            }
        } else if (bracketed) {
            // lower value, same sign, the slope does not shrink: the cubic through α and sty
            next = cubicMinimiser(alpha, phi, dphi, sty, fy, gy, theta(sty, fy, gy, alpha, phi, dphi), false);
        } else {
            next = alpha > stx ? high : low;
        }
        if (phi > fx) {
            sty = alpha;
            fy = phi;
            gy = dphi;
        } else {
            if (opposite) {
                sty = stx;
                fy = fx;
                gy = gx;
            }
            stx = alpha;
            fx = phi;
            gx = dphi;
        }
        return next;
    }

    /**
     * θ = 3(f_o − f_t)/(t − o) + f'_o + f'_t of the cubic through an end o of the bracket and the trial t, summed in
     * {@code dcstep}'s order so that the steps agree with it to the last bit.
     */
    static double theta(double o, double fo, double dO, double t, double ft, double dt) {
        return 3 * (fo - ft) / (t - o) + dO + dt;
    }

    /**
     * The minimiser of the cubic with value and slope fa, da at a and fb, db at b ({@code theta} from
     * {@link #theta}), written as a step from a (Moré–Thuente's form, scaled against overflow). With
     * {@code guarded} (the third case of {@code dcstep}) a negative radicand counts as 0 and NaN is returned
     * unless the minimiser lies beyond a, away from b (r &lt; 0, γ ≠ 0).
     */
    static double cubicMinimiser(double a, double fa, double da, double b, double fb, double db, double theta,
                                 boolean guarded) {
        double s = Math.max(Math.abs(theta), Math.max(Math.abs(db), Math.abs(da)));
        double radicand = (theta / s) * (theta / s) - (db / s) * (da / s);
        double gamma = s * Math.sqrt(guarded ? Math.max(0, radicand) : radicand);
        if (a > b) {
            gamma = -gamma;
        }
        double p = (gamma - da) + theta;
        double q = guarded ? (gamma + (db - da)) + gamma : ((gamma - da) + gamma) + db;
        double r = p / q;
        if (guarded && !(r < 0 && gamma != 0)) {
            return Double.NaN;
        }
        return a + r * (b - a);
    }

    private double at(MeanObjective f, double[] x, double[] d, double[] atOne, double alpha) {
        if (alpha == 1.0) {
            System.arraycopy(atOne, 0, point, 0, x.length);
        } else {
            for (int i = 0; i < x.length; i++) {
                point[i] = alpha * d[i] + x[i];
            }
        }
        return f.evaluate(point, gradient);
    }
}
