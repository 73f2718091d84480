package mlpkit.core.optim;

import java.util.List;
import mlpkit.core.concept.Concept;
import mlpkit.core.concept.Param;

/**
 * Adam with bias correction (Kingma &amp; Ba, "Adam: A Method for Stochastic Optimization",
 * ICLR 2015, Algorithm 1). With {@code m}, {@code v} zero before the first step and {@code t}
 * the 1-based step number:
 * <pre>
 *   m &lt;- beta1 * m + (1 - beta1) * g
 *   v &lt;- beta2 * v + (1 - beta2) * g^2
 *   torch (default):  theta &lt;- theta - eta * mHat / (sqrt(vHat) + eps),
 *                     mHat = m / (1 - beta1^t),  vHat = v / (1 - beta2^t)
 *   keras, sklearn:   theta &lt;- theta - alpha_t * m / (sqrt(v) + eps),
 *                     alpha_t = eta * sqrt(1 - beta2^t) / (1 - beta1^t)
 * </pre>
 * The {@code convention} says where {@code eps} goes: {@code torch} adds it to the bias-corrected root
 * (the paper's Algorithm 1 and PyTorch's {@code Adam}); {@code keras} and {@code sklearn} add it to the
 * uncorrected root (the paper's "epsilon hat", Keras' {@code Adam} and scikit-learn's {@code AdamOptimizer},
 * one formula). Only the formula follows the convention, not the defaults; the libraries' defaults are
 * <ul>
 *   <li>PyTorch: {@code adam} (lr 0.001, eps 1e-8);</li>
 *   <li>Keras: {@code adam(convention=keras, eps=1e-7)};</li>
 *   <li>scikit-learn ({@code solver='adam'}, {@code alpha} as L2):
 *       {@code adam(convention=sklearn, weightDecay=alpha, weightDecayPer=sample)}.</li>
 * </ul>
 * The weight decay is an L2 penalty added to the gradient (which then passes through the adaptive scaling);
 * for decoupled decay use {@link AdamW}. State: {@code "m"}, {@code "v"}.
 */
public record Adam(double lr, double beta1, double beta2, double eps, double weightDecay, double clipNorm,
                   String convention, String weightDecayPer) implements EntryWiseUpdate {
    /** ε added to the bias-corrected root (the default). */
    public static final String TORCH = "torch";
    /** ε added to the uncorrected root, the bias correction folded into the step size. */
    public static final String KERAS = "keras";
    /** scikit-learn's {@code AdamOptimizer}: the Keras formula. */
    public static final String SKLEARN = "sklearn";

    public static final Concept<OptimizerSpec> CONCEPT = Concept.of(KIND, "adam")
            .summary("adaptive moment estimation with bias correction (Kingma & Ba 2015)")
            .param(OptimizerParams.lr(0.001))
            .param(OptimizerParams.beta("beta1", 0.9))
            .param(OptimizerParams.beta("beta2", 0.999))
            .param(OptimizerParams.eps(1e-8))
            .param(OptimizerParams.weightDecay(0.0))
            .param(OptimizerParams.clipNorm())
            .param(Param.text("convention", TORCH, TORCH, KERAS, SKLEARN)
                    .doc("where ε goes: torch adds it to the bias-corrected root; keras and sklearn to the uncorrected one"))
            .param(OptimizerParams.weightDecayPer())
            .build(Adam.class);

    public Adam {
        CONCEPT.check(lr, beta1, beta2, eps, weightDecay, clipNorm, convention, weightDecayPer);
    }

    /** PyTorch's convention, the L2 term per batch. */
    public Adam(double lr, double beta1, double beta2, double eps, double weightDecay, double clipNorm) {
        this(lr, beta1, beta2, eps, weightDecay, clipNorm, TORCH, OptimizerParams.PER_BATCH);
    }

    @Override
    public List<String> stateNames() {
        return List.of("m", "v");
    }

    @Override
    public boolean weightDecayPerSample() {
        return OptimizerParams.PER_SAMPLE.equals(weightDecayPer);
    }

    @Override
    public void update(double[] params, double[] grads, double[][] state, double eta, long t, int from, int to) {
        if (TORCH.equals(convention)) {
            AdamUpdate.apply(params, grads, state[0], state[1], eta, beta1, beta2, eps, t, from, to);
        } else {
            AdamUpdate.applyEpsilonHat(params, grads, state[0], state[1], eta, beta1, beta2, eps, t, from, to);
        }
    }

    @Override
    public Concept<OptimizerSpec> concept() {
        return CONCEPT;
    }

    @Override
    public String toString() {
        return notation();
    }
}
