package mlpkit.core.optim;

import java.util.List;
import mlpkit.core.concept.Concept;
import mlpkit.core.concept.Param;

/**
 * Nadam: Adam with Nesterov momentum (Dozat, "Incorporating Nesterov Momentum into Adam", ICLR 2016
 * workshop), with Dozat's momentum schedule, as PyTorch's {@code torch.optim.NAdam} computes it (its
 * single-tensor algorithm, {@code foreach=False}). With {@code m}, {@code v} zero before the first step,
 * {@code t} the 1-based step number, {@code psi} the momentum decay and {@code P_t} the product μ_1 ⋯ μ_t:
 * <pre>
 *   mu_t     = beta1 * (1 - 0.5 * 0.96^(t * psi))          (and mu_{t+1} likewise)
 *   P_t      = P_{t-1} * mu_t                              (P_0 = 1)
 *   m &lt;- beta1 * m + (1 - beta1) * g
 *   v &lt;- beta2 * v + (1 - beta2) * g^2
 *   d        = sqrt(v / (1 - beta2^t)) + eps
 *   theta &lt;- theta - eta * (1 - mu_t) / (1 - P_t) * g / d
 *   theta &lt;- theta - eta * mu_{t+1} / (1 - P_t * mu_{t+1}) * m / d
 * </pre>
 * The first step term is the current gradient's share of the Nesterov look-ahead, the second the
 * momentum's, each bias-corrected by the product of the μ's; as μ_t rises from β1/2 towards β1 the
 * momentum takes over. The operations are PyTorch 2.0's, in its order ({@code mul_} then {@code add_} of m,
 * {@code mul_} then {@code addcmul_} of v, {@code div}, {@code sqrt}, {@code add_(eps)}, then two
 * {@code addcdiv_} updates of θ with coefficients computed once per step), so that the iterates agree with
 * it to the last bit; PyTorch ≥ 2.1 computes m as {@code lerp}, m + (1 − β1)(g − m), which can differ in
 * the last bit, and PyTorch 1.13's single-tensor path has a bug (P_t·μ_t·μ_{t+1} in the last denominator,
 * fixed in 2.0). Defaults are PyTorch's ({@code lr = 2e-3}, betas 0.9/0.999, {@code eps = 1e-8},
 * {@code momentum_decay = 4e-3}); Keras' {@code Nadam} uses the same schedule. The weight decay is an L2
 * penalty added to the gradient (PyTorch's default, {@code decoupled_weight_decay = False}).
 *
 * <p>State: {@code "m"}, {@code "v"} and {@code "muProduct"}, P_t (1 before the first step). PyTorch keeps
 * one P per tensor; here every parameter entry carries its own copy, all updated alike, so that P is saved
 * and restored with the rest of the state through the optimiser's per-entry state arrays.
 */
public record Nadam(double lr, double beta1, double beta2, double eps, double momentumDecay, double weightDecay,
                    double clipNorm) implements EntryWiseUpdate {
    public static final Concept<OptimizerSpec> CONCEPT = Concept.of(KIND, "nadam")
            .summary("Adam with Nesterov momentum and Dozat's μ_t schedule (Dozat 2016, PyTorch's NAdam)")
            .param(OptimizerParams.lr(0.002))
            .param(OptimizerParams.beta("beta1", 0.9))
            .param(OptimizerParams.beta("beta2", 0.999))
            .param(OptimizerParams.eps(1e-8))
            .param(Param.real("momentumDecay", 0.004).atLeast(0)
                    .doc("ψ in the momentum schedule μ_t = β1(1 − ½·0.96^(tψ))")
                    .hint("use PyTorch's 0.004, or 0 for a constant μ = β1/2"))
            .param(OptimizerParams.weightDecay(0.0))
            .param(OptimizerParams.clipNorm())
            .build(Nadam.class);

    public Nadam {
        CONCEPT.check(lr, beta1, beta2, eps, momentumDecay, weightDecay, clipNorm);
    }

    @Override
    public List<String> stateNames() {
        return List.of("m", "v", "muProduct");
    }

    /** m and v start at 0, the product of the μ's at 1. */
    @Override
    public double initialState(int k) {
        return k == 2 ? 1.0 : 0.0;
    }

    @Override
    public void update(double[] params, double[] grads, double[][] state, double eta, long t, int from, int to) {
        final double[] m = state[0];
        final double[] v = state[1];
        final double[] muProduct = state[2];
        // StrictMath.pow (fdlibm) gives the same bits on every JVM, so the trajectory is reproducible; at the
        // reference trajectories' points it also equals glibc's pow, which PyTorch's Python floats use.
        final double biasCorrection2 = 1.0 - StrictMath.pow(beta2, t);
        final double mu = beta1 * (1.0 - 0.5 * StrictMath.pow(0.96, t * momentumDecay));
        final double muNext = beta1 * (1.0 - 0.5 * StrictMath.pow(0.96, (t + 1) * momentumDecay));
        final double oneMinusBeta1 = 1.0 - beta1;
        final double oneMinusBeta2 = 1.0 - beta2;
        final double gradientRate = -eta * (1.0 - mu);
        final double momentumRate = -eta * muNext;
        for (int i = from; i < to; i++) {
            double g = grads[i];
            double product = muProduct[i] * mu;                    // mu_product *= mu
            muProduct[i] = product;
            double mi = beta1 * m[i] + oneMinusBeta1 * g;          // exp_avg.mul_(β1).add_(g, alpha=1 − β1)
            double vi = beta2 * v[i] + oneMinusBeta2 * g * g;      // exp_avg_sq.mul_(β2).addcmul_(g, g, value=1 − β2)
            m[i] = mi;
            v[i] = vi;
            double denom = Math.sqrt(vi / biasCorrection2) + eps;  // div(bc2).sqrt().add_(eps)
            // two addcdiv_: θ + (c·g)/d, then θ + (c'·m)/d, with c = −η(1 − μ_t)/(1 − P_t), c' = −ημ_{t+1}/(1 − P_t·μ_{t+1})
            double theta = params[i] + gradientRate / (1.0 - product) * g / denom;
            params[i] = theta + momentumRate / (1.0 - product * muNext) * mi / denom;
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
