package mlpkit.core.activation;

import java.util.List;
import mlpkit.core.concept.Concept;
import mlpkit.core.concept.Param;
import mlpkit.core.onnx.OnnxAttribute;
import mlpkit.core.onnx.OnnxGraph;

/**
 * The exponential linear unit (Clevert, Unterthiner &amp; Hochreiter, "Fast and Accurate Deep Network Learning
 * by Exponential Linear Units (ELUs)", ICLR 2016), as PyTorch's {@code nn.ELU(alpha=1.0)} and Keras'
 * {@code elu(alpha=1.0)}:
 *
 * <pre>
 *   f(z)  = z            for z &gt; 0,   α(e^z − 1) otherwise (as Math.expm1: no cancellation near 0)
 *   f'(z) = 1            for z &gt; 0,   α·e^z      otherwise (α at z = 0, as PyTorch's elu_backward)
 * </pre>
 *
 * The derivative is computed from z, not from a as a + α: for z ≪ 0, a rounds to −α and a + α loses every
 * digit of α·e^z. f is bounded below by −α. f' jumps from α to 1 at 0 unless α = 1 (then only f'' jumps, and
 * central differences across 0 stay within O(h) of f'), so 0 is a kink exactly when α ≠ 1.
 */
public record Elu(double alpha) implements ElementWise {
    public static final Concept<Activation> CONCEPT = Concept.of(KIND, "elu")
            .summary("z for z > 0, α(e^z − 1) otherwise; f' = 1 or α·e^z")
            .param(Param.real("alpha", 1.0).greaterThan(0)
                    .doc("the value of f for z → −∞ is −α").hint("use a positive α such as 1.0, the default"))
            .build(Elu.class);

    public Elu {
        CONCEPT.check(alpha);
    }

    @Override
    public double value(double z) {
        return z > 0 ? z : alpha * Math.expm1(z);
    }

    @Override
    public double derivative(double z, double a) {
        return z > 0 ? 1.0 : alpha * Math.exp(z);
    }

    @Override
    public double minOutput() {
        return -alpha;
    }

    @Override
    public double[] kinks() {
        return alpha == 1.0 ? new double[0] : new double[] {0.0};
    }

    /**
     * ONNX's Elu(alpha) in float32. In float64 (a float32 attribute would round α, and ONNX Runtime has no float64
     * kernel for Elu): relu(z) + α(e^min(z, 0) − 1), α a float64 constant, which is z for z &gt; 0 and α(e^z − 1)
     * otherwise (e^z − 1 instead of expm1: within 2.3e−16·α of it).
     */
    @Override
    public String toOnnx(OnnxGraph graph, String z) {
        if (!graph.isDouble()) {
            return graph.node("Elu", List.of(z), OnnxAttribute.real("alpha", alpha));
        }
        String negative = graph.node("Min", List.of(z, graph.scalar("zero", 0.0)));
        String expm1 = graph.node("Sub", List.of(graph.node("Exp", List.of(negative)), graph.scalar("one", 1.0)));
        String tail = graph.node("Mul", List.of(expm1, graph.scalar("alpha", alpha)));
        return graph.node("Add", List.of(graph.node("Relu", List.of(z)), tail));
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
