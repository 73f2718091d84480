package mlpkit.core.optim;

import java.util.List;
import mlpkit.core.concept.Concept;

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
 * "epsilon hat"). Defaults are the paper's and PyTorch's. The weight decay is an L2 penalty added to the
 * gradient (which then passes through the adaptive scaling); for decoupled decay use {@link AdamW}.
 * State: {@code "m"}, {@code "v"}.
 */
public record Adam(double lr, double beta1, double beta2, double eps, double weightDecay, double clipNorm)
        implements OptimizerSpec {
    public static final Concept<OptimizerSpec> CONCEPT = Concept.of(KIND, "adam")
            .summary("adaptive moment estimation with bias correction (Kingma & Ba 2015)")
            .param(OptimizerParams.lr(0.001))
            .param(OptimizerParams.beta("beta1", 0.9))
            .param(OptimizerParams.beta("beta2", 0.999))
            .param(OptimizerParams.eps(1e-8))
            .param(OptimizerParams.weightDecay(0.0))
            .param(OptimizerParams.clipNorm())
            .build(Adam.class);

    public Adam {
        CONCEPT.check(lr, beta1, beta2, eps, weightDecay, clipNorm);
    }

    @Override
    public List<String> stateNames() {
        return List.of("m", "v");
    }

    @Override
    public void update(double[] params, double[] grads, double[][] state, double eta, long t) {
        AdamUpdate.apply(params, grads, state[0], state[1], eta, beta1, beta2, eps, t);
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
