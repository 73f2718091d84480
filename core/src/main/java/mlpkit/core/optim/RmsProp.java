package mlpkit.core.optim;

import java.util.List;

/**
 * RMSProp (Tieleman &amp; Hinton, "Lecture 6.5 - rmsprop: Divide the gradient by a running
 * average of its recent magnitude", COURSERA: Neural Networks for Machine Learning, 2012).
 *
 * <p>With {@code s} the running mean of squared gradients (zero before the first step):
 * <pre>
 *   s &lt;- rho * s + (1 - rho) * g^2
 *   theta &lt;- theta - eta * g / sqrt(s + eps)
 * </pre>
 * This is the form and the defaults of Keras ({@code keras.optimizers.RMSprop}:
 * {@code rho = 0.9}, {@code epsilon = 1e-7}, no momentum, not centred), with {@code eps}
 * <em>inside</em> the square root. PyTorch's {@code RMSprop} differs: {@code alpha = 0.99},
 * {@code eps = 1e-8} added <em>outside</em> the root, {@code g / (sqrt(s) + eps)}.
 *
 * <p>State: {@code "meanSquare"}. Weight decay, clipping and the decay mask come from
 * {@link OptimizerOptions}.
 */
public final class RmsProp extends AbstractOptimizer {

    /** The kind used in notation and exported states. */
    public static final String KIND = "rmsProp";
    /** Keras' default decay rate of the mean square. */
    public static final double DEFAULT_RHO = 0.9;
    /** Keras' default epsilon (inside the square root). */
    public static final double DEFAULT_EPS = 1e-7;

    private final double rho;
    private final double eps;

    /** RMSProp with Keras' defaults {@code rho = 0.9}, {@code eps = 1e-7}. */
    public RmsProp() {
        this(DEFAULT_RHO, DEFAULT_EPS, OptimizerOptions.DEFAULTS);
    }

    /** RMSProp with the given decay rate and epsilon. */
    public RmsProp(double rho, double eps) {
        this(rho, eps, OptimizerOptions.DEFAULTS);
    }

    /**
     * RMSProp with the given decay rate, epsilon and common options.
     *
     * @throws IllegalArgumentException if {@code rho} is outside {@code [0, 1)} or {@code eps} is
     *                                  not positive and finite
     */
    public RmsProp(double rho, double eps, OptimizerOptions options) {
        super(KIND, List.of("meanSquare"), options, false);
        this.rho = Validation.zeroInclusiveOneExclusive("rho", rho,
                "use the decay rate of the running mean of g^2, typically 0.9");
        this.eps = Validation.positive("eps", eps,
                "use a small positive constant such as 1e-7");
    }

    /** The decay rate {@code rho} of the mean square. */
    public double rho() {
        return rho;
    }

    /** The epsilon added under the square root. */
    public double eps() {
        return eps;
    }

    @Override
    void update(double[] params, double[] grads, double learningRate, long t) {
        final double eta = learningRate;
        final double r = rho;
        final double oneMinusRho = 1.0 - rho;
        final double e = eps;
        final double[] s = state(0);
        for (int i = 0; i < params.length; i++) {
            double g = grads[i];
            double si = r * s[i] + oneMinusRho * (g * g);
            s[i] = si;
            params[i] -= eta * g / Math.sqrt(si + e);
        }
    }

    @Override
    void describe(Notation notation) {
        if (rho != DEFAULT_RHO) {
            notation.add("rho", rho);
        }
        if (eps != DEFAULT_EPS) {
            notation.add("eps", eps);
        }
    }
}
