package mlpkit.core.optim;

import java.util.List;

/**
 * Adam with bias correction (Kingma &amp; Ba, "Adam: A Method for Stochastic Optimization",
 * ICLR 2015, Algorithm 1). With {@code m}, {@code v} zero before the first step and {@code t}
 * the 1-based step number:
 * <pre>
 *   m &lt;- beta1 * m + (1 - beta1) * g
 *   v &lt;- beta2 * v + (1 - beta2) * g^2
 *   mHat = m / (1 - beta1^t),   vHat = v / (1 - beta2^t)
 *   theta &lt;- theta - eta * mHat / (sqrt(vHat) + eps)
 * </pre>
 * {@code eps} is added to the bias-corrected root, as in the paper's Algorithm 1 and PyTorch's
 * {@code Adam} (Keras adds its {@code epsilon} to the uncorrected root instead, the paper's
 * "epsilon hat"). Defaults are the paper's and PyTorch's: {@code beta1 = 0.9},
 * {@code beta2 = 0.999}, {@code eps = 1e-8}. On the first step {@code mHat = g} and
 * {@code vHat = g^2}, so every parameter moves by {@code eta * |g| / (|g| + eps)}, almost exactly
 * the learning rate.
 *
 * <p>{@link OptimizerOptions#weightDecay()} is an L2 penalty added to the gradient (which then
 * passes through the adaptive scaling); for decoupled decay use {@link AdamW}. State: {@code "m"},
 * {@code "v"} and the step counter.
 */
public final class Adam extends AbstractOptimizer {

    /** The kind used in notation and exported states. */
    public static final String KIND = "adam";
    /** Default first-moment decay rate. */
    public static final double DEFAULT_BETA1 = 0.9;
    /** Default second-moment decay rate. */
    public static final double DEFAULT_BETA2 = 0.999;
    /** Default epsilon (added to the bias-corrected root). */
    public static final double DEFAULT_EPS = 1e-8;

    private final double beta1;
    private final double beta2;
    private final double eps;

    /** Adam with {@code beta1 = 0.9}, {@code beta2 = 0.999}, {@code eps = 1e-8}. */
    public Adam() {
        this(DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPS, OptimizerOptions.DEFAULTS);
    }

    /** Adam with the given hyper-parameters. */
    public Adam(double beta1, double beta2, double eps) {
        this(beta1, beta2, eps, OptimizerOptions.DEFAULTS);
    }

    /**
     * Adam with the given hyper-parameters and common options.
     *
     * @throws IllegalArgumentException if a beta is outside {@code [0, 1)} or {@code eps} is not
     *                                  positive and finite
     */
    public Adam(double beta1, double beta2, double eps, OptimizerOptions options) {
        super(KIND, List.of("m", "v"), options, false);
        this.beta1 = AdamUpdate.beta("beta1", beta1);
        this.beta2 = AdamUpdate.beta("beta2", beta2);
        this.eps = AdamUpdate.eps(eps);
    }

    /** The first-moment decay rate. */
    public double beta1() {
        return beta1;
    }

    /** The second-moment decay rate. */
    public double beta2() {
        return beta2;
    }

    /** The epsilon added to the bias-corrected root. */
    public double eps() {
        return eps;
    }

    @Override
    void update(double[] params, double[] grads, double learningRate, long t) {
        AdamUpdate.apply(params, grads, state(0), state(1), learningRate, beta1, beta2, eps, t);
    }

    @Override
    void describe(Notation notation) {
        if (beta1 != DEFAULT_BETA1) {
            notation.add("beta1", beta1);
        }
        if (beta2 != DEFAULT_BETA2) {
            notation.add("beta2", beta2);
        }
        if (eps != DEFAULT_EPS) {
            notation.add("eps", eps);
        }
    }
}
