package mlpkit.core.activation;

import java.util.List;
import mlpkit.core.concept.Concept;
import mlpkit.core.onnx.OnnxGraph;

/**
 * swish with β = 1, also called SiLU (Ramachandran, Zoph &amp; Le, "Searching for Activation Functions",
 * arXiv:1710.05941; Elfwing, Uchibe &amp; Doya, "Sigmoid-Weighted Linear Units for Neural Network Function
 * Approximation in Reinforcement Learning", Neural Networks 2018), as PyTorch's {@code nn.SiLU} and Keras'
 * {@code swish}:
 *
 * <pre>
 *   f(z)  = z·σ(z)
 *   f'(z) = σ(z)(1 + z(1 − σ(z)))      (product rule with σ' = σ(1 − σ), as PyTorch's silu_backward)
 * </pre>
 *
 * Both are computed from z, with e = e^−|z|: σ(z) = (z ≥ 0 ? 1 : e)/(1 + e) and
 * 1 − σ(z) = σ(−z) = (z ≥ 0 ? e : 1)/(1 + e), so the exponent is never positive and 1 − σ keeps its relative
 * precision for z ≫ 0 (PyTorch's 1 − σ cancels there). f' is 1·(1 + z·0) for z ≫ 0 and 0·(1 + z) for z ≪ 0:
 * finite for every finite z.
 *
 * <p>f is bounded below by −W(1/e) = −0.27846454276107380 (W: Lambert's W function): f'(z*) = 0 means
 * 1 + z*(1 − σ(z*)) = 0, i.e. e^z* = −(1 + z*); with w = −(1 + z*) that is w·e^w = 1/e, so w = W(1/e),
 * z* = −1 − w = −1.2784645427610738, σ(z*) = w/(1 + w) and f(z*) = −(1 + w)·w/(1 + w) = −w. (W(1/e) from
 * mpmath.lambertw at 40 digits: 0.27846454276107379510…; the test solves w·e^w = 1/e by Newton's method.)
 * No kink.
 */
public record Swish() implements ElementWise {
    public static final Concept<Activation> CONCEPT = Concept.of(KIND, "swish").alias("silu")
            .summary("z·σ(z) (SiLU); f' = σ(z)(1 + z(1 − σ(z)))")
            .build(Swish.class);

    /** −W(1/e), the minimum of z·σ(z), taken at z = −1 − W(1/e); the double nearest to it. */
    private static final double MINIMUM = -0.2784645427610738;

    @Override
    public double value(double z) {
        double e = Math.exp(-Math.abs(z));
        return z * ((z >= 0 ? 1.0 : e) / (1.0 + e));
    }

    @Override
    public double derivative(double z, double a) {
        double e = Math.exp(-Math.abs(z));
        double sigma = (z >= 0 ? 1.0 : e) / (1.0 + e);
        double oneMinusSigma = (z >= 0 ? e : 1.0) / (1.0 + e);
        return sigma * (1.0 + z * oneMinusSigma);
    }

    @Override
    public double minOutput() {
        return MINIMUM;
    }

    /**
     * z·σ(z) from Sigmoid and Mul nodes in float32. In float64, z / (1 + e^−z) (−0 where e^−z overflows, as here):
     * ONNX Runtime 1.29 fuses z·σ(z) into its QuickGelu operator, whose CPU kernel is float32 only, and then
     * refuses the float64 file.
     */
    @Override
    public String toOnnx(OnnxGraph graph, String z) {
        if (!graph.isDouble()) {
            return graph.node("Mul", List.of(z, graph.node("Sigmoid", List.of(z))));
        }
        String e = graph.node("Exp", List.of(graph.node("Neg", List.of(z))));
        return graph.node("Div", List.of(z, graph.node("Add", List.of(e, graph.scalar("one", 1.0)))));
    }

    @Override
    public Concept<Activation> concept() {
        return CONCEPT;
    }

    @Override
    public String toString() {
        return notation();
    }
}
