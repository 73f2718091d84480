package mlpkit.core.activation;

import java.util.List;
import mlpkit.core.concept.Concept;
import mlpkit.core.matrix.Exp;
import mlpkit.core.matrix.Log1p;
import mlpkit.core.matrix.VectorPaths;
import mlpkit.core.onnx.OnnxGraph;

/**
 * softplus (Dugas et al., "Incorporating Second-Order Functional Knowledge for Better Option Pricing",
 * NIPS 2000; Glorot, Bordes &amp; Bengio, AISTATS 2011), as PyTorch's {@code nn.Softplus(beta=1)} and Keras'
 * {@code softplus}:
 *
 * <pre>
 *   f(z)  = log(1 + e^z)  = max(z, 0) + log1p(e^−|z|)
 *   f'(z) = σ(z)          = (z ≥ 0 ? 1 : e) / (1 + e) with e = e^−|z|
 * </pre>
 *
 * Both forms keep the exponent ≤ 0, so nothing overflows for any z, and log1p keeps the tail e^z for z ≪ 0
 * to full relative precision. e^x and log1p are mlpkit's own ({@link Exp}, {@link Log1p}), so the vector fast path
 * gives the same bits. The derivative is computed from z (from a it would be 1 − e^−a, which needs
 * another exponential and loses σ's relative precision for z ≫ 0). PyTorch returns z itself above its
 * {@code threshold=20}; we do not: we compute the exact function everywhere (the two differ by
 * log1p(e^−z) &lt; 2.1e−9 there, and f' by e^−z/(1 + e^−z)). f &gt; 0; it has no kink.
 */
public record Softplus() implements ElementWise {
    public static final Concept<Activation> CONCEPT = Concept.of(KIND, "softplus")
            .summary("log(1 + e^z); f' = σ(z)")
            .build(Softplus.class);

    @Override
    public double value(double z) {
        return Math.max(z, 0.0) + Log1p.ofUnitInterval(Exp.ofNonPositive(-Math.abs(z)));
    }

    @Override
    public double derivative(double z, double a) {
        double e = Exp.ofNonPositive(-Math.abs(z));
        return (z >= 0 ? 1.0 : e) / (1.0 + e);
    }

    @Override
    public void mapEntries(double[] z, int zo, double[] a, int ao, int count) {
        for (int i = VectorPaths.softplus(z, zo, a, ao, count); i < count; i++) {
            a[ao + i] = value(z[zo + i]);
        }
    }

    @Override
    public double minOutput() {
        return 0.0;
    }

    /**
     * ONNX's Softplus in float32. In float64 (ONNX Runtime has no float64 kernel for it) the form computed here:
     * relu(z) + log(1 + e^−|z|) (log(1 + e) instead of log1p(e): within 1.1e−16 of it).
     */
    @Override
    public String toOnnx(OnnxGraph graph, String z) {
        if (!graph.isDouble()) {
            return graph.node("Softplus", List.of(z));
        }
        String e = graph.node("Exp", List.of(graph.node("Neg", List.of(graph.node("Abs", List.of(z))))));
        String log = graph.node("Log", List.of(graph.node("Add", List.of(e, graph.scalar("one", 1.0)))));
        return graph.node("Add", List.of(graph.node("Relu", List.of(z)), log));
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
