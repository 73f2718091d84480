package mlpkit.core.optim;

import java.util.List;

/**
 * Adam with decoupled weight decay (Loshchilov &amp; Hutter, "Decoupled Weight Decay
 * Regularization", ICLR 2019, Algorithm 2), in the form implemented by PyTorch's {@code AdamW}:
 * <pre>
 *   theta &lt;- theta - eta * lambda * theta            (decay, on the masked entries)
 *   m &lt;- beta1 * m + (1 - beta1) * g
 *   v &lt;- beta2 * v + (1 - beta2) * g^2
 *   mHat = m / (1 - beta1^t),   vHat = v / (1 - beta2^t)
 *   theta &lt;- theta - eta * mHat / (sqrt(vHat) + eps)
 * </pre>
 * The decay is computed as {@code theta *= 1 - eta*lambda}, as PyTorch does. Unlike
 * {@link Adam} with an L2 penalty, the decay never enters {@code m} or {@code v}: every decayed
 * weight shrinks by the same factor {@code 1 - eta*lambda} whatever its gradient history. Note
 * that, as in PyTorch, the decay is scaled by the learning rate {@code eta} (the paper scales it
 * by the schedule multiplier only).
 *
 * <p>Here {@link OptimizerOptions#weightDecay()} is this decoupled {@code lambda}, default
 * {@code 0.01} (PyTorch's default); it is not also added to the gradient. Clipping still applies
 * to the gradient first, and the decay mask selects the decayed entries (the network excludes
 * biases). Defaults otherwise as {@link Adam}. State: {@code "m"}, {@code "v"} and the step
 * counter.
 */
public final class AdamW extends AbstractOptimizer {

    /** The kind used in notation and exported states. */
    public static final String KIND = "adamW";
    /** PyTorch's default decoupled weight decay. */
    public static final double DEFAULT_WEIGHT_DECAY = 0.01;

    private final double beta1;
    private final double beta2;
    private final double eps;

    /** AdamW with {@code beta1 = 0.9}, {@code beta2 = 0.999}, {@code eps = 1e-8}, {@code lambda = 0.01}. */
    public AdamW() {
        this(DEFAULT_WEIGHT_DECAY);
    }

    /** AdamW with default betas and epsilon and the given decoupled weight decay {@code lambda >= 0}. */
    public AdamW(double weightDecay) {
        this(Adam.DEFAULT_BETA1, Adam.DEFAULT_BETA2, Adam.DEFAULT_EPS,
                OptimizerOptions.DEFAULTS.withWeightDecay(weightDecay));
    }

    /**
     * AdamW with the given hyper-parameters; {@code options.weightDecay()} is the decoupled decay
     * (so {@link OptimizerOptions#DEFAULTS} means no decay at all).
     *
     * @throws IllegalArgumentException if a beta is outside {@code [0, 1)} or {@code eps} is not
     *                                  positive and finite
     */
    public AdamW(double beta1, double beta2, double eps, OptimizerOptions options) {
        super(KIND, List.of("m", "v"), options, true);
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

    /** The decoupled weight decay {@code lambda}. */
    public double weightDecay() {
        return options().weightDecay();
    }

    @Override
    void update(double[] params, double[] grads, double learningRate, long t) {
        // The decoupled decay has already been applied to params by AbstractOptimizer.step.
        AdamUpdate.apply(params, grads, state(0), state(1), learningRate, beta1, beta2, eps, t);
    }

    @Override
    void describe(Notation notation) {
        if (beta1 != Adam.DEFAULT_BETA1) {
            notation.add("beta1", beta1);
        }
        if (beta2 != Adam.DEFAULT_BETA2) {
            notation.add("beta2", beta2);
        }
        if (eps != Adam.DEFAULT_EPS) {
            notation.add("eps", eps);
        }
    }

    @Override
    double defaultWeightDecay() {
        return DEFAULT_WEIGHT_DECAY;
    }
}
