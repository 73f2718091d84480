package mlpkit.core.optim;

import java.util.List;
import mlpkit.core.concept.Concept;

/**
 * Adam with decoupled weight decay (Loshchilov &amp; Hutter, "Decoupled Weight Decay Regularization",
 * ICLR 2019, Algorithm 2), in the form implemented by PyTorch's {@code AdamW}:
 * <pre>
 *   theta &lt;- theta - eta * lambda * theta            (decay, on the masked entries)
 *   m &lt;- beta1 * m + (1 - beta1) * g
 *   v &lt;- beta2 * v + (1 - beta2) * g^2
 *   mHat = m / (1 - beta1^t),   vHat = v / (1 - beta2^t)
 *   theta &lt;- theta - eta * mHat / (sqrt(vHat) + eps)
 * </pre>
 * The decay is computed as {@code theta *= 1 - eta*lambda}, as PyTorch does, and never enters {@code m}
 * or {@code v}. As in PyTorch the decay is scaled by the learning rate. Default {@code lambda = 0.01}
 * (PyTorch's). State: {@code "m"}, {@code "v"}.
 */
public record AdamW(double lr, double beta1, double beta2, double eps, double weightDecay, double clipNorm)
        implements EntryWiseUpdate {
    public static final Concept<OptimizerSpec> CONCEPT = Concept.of(KIND, "adamw").alias("adamW")
            .summary("Adam with decoupled weight decay (Loshchilov & Hutter 2019, PyTorch's form)")
            .param(OptimizerParams.lr(0.001))
            .param(OptimizerParams.beta("beta1", 0.9))
            .param(OptimizerParams.beta("beta2", 0.999))
            .param(OptimizerParams.eps(1e-8))
            .param(OptimizerParams.weightDecay(0.01).doc("the decoupled weight decay λ: θ ← θ(1 − ηλ) on the weights"))
            .param(OptimizerParams.clipNorm())
            .build(AdamW.class);

    public AdamW {
        CONCEPT.check(lr, beta1, beta2, eps, weightDecay, clipNorm);
    }

    @Override
    public boolean decoupledDecay() {
        return true;
    }

    @Override
    public List<String> stateNames() {
        return List.of("m", "v");
    }

    @Override
    public void update(double[] params, double[] grads, double[][] state, double eta, long t, int from, int to) {
        // The decoupled decay has already been applied to params by the optimiser run.
        AdamUpdate.apply(params, grads, state[0], state[1], eta, beta1, beta2, eps, t, from, to);
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
