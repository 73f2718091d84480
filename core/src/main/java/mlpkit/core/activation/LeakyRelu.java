package mlpkit.core.activation;

import java.util.List;
import mlpkit.core.concept.Concept;
import mlpkit.core.concept.Param;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.VectorPaths;
import mlpkit.core.onnx.OnnxAttribute;
import mlpkit.core.onnx.OnnxGraph;

/** f(z) = z for z &gt; 0, α·z otherwise; f'(z) = 1 or α (α at z = 0). Computed from z. */
public record LeakyRelu(double alpha) implements ElementWise {
    public static final Concept<Activation> CONCEPT = Concept.of(KIND, "leakyRelu")
            .summary("z for z > 0, α·z otherwise; f' = 1 or α")
            .param(Param.real("alpha", 0.01).atLeast(0).lessThan(1)
                    .doc("the slope for z ≤ 0").hint("use a small slope such as 0.01"))
            .build(LeakyRelu.class);

    public LeakyRelu {
        CONCEPT.check(alpha);
    }

    @Override
    public double value(double z) {
        return z > 0 ? z : alpha * z;
    }

    @Override
    public double derivative(double z, double a) {
        return z > 0 ? 1.0 : alpha;
    }

    /** dA for z &gt; 0, α·dA otherwise (no multiplication by 1). */
    @Override
    public double chain(double dA, double z, double a) {
        return z > 0 ? dA : alpha * dA;
    }

    @Override
    public void mapEntries(double[] z, int zo, double[] a, int ao, int count) {
        for (int i = VectorPaths.leakyRelu(z, zo, alpha, a, ao, count); i < count; i++) {
            a[ao + i] = value(z[zo + i]);
        }
    }

    @Override
    public void backward(DenseMatrix z, DenseMatrix a, DenseMatrix dA, DenseMatrix dZ) {
        double[] zd = z.data(), gd = dA.data(), od = dZ.data();
        int zo = z.offset(), go = dA.offset(), oo = dZ.offset(), n = z.size();
        for (int i = VectorPaths.leakyReluBackward(z, alpha, dA, dZ); i < n; i++) {
            od[oo + i] = chain(gd[go + i], zd[zo + i], 0.0);
        }
    }

    @Override
    public double[] kinks() {
        return new double[] {0.0};
    }

    /**
     * ONNX's LeakyRelu(alpha) in float32. In float64, max(z, α·z) instead, α a float64 constant (the same value for
     * 0 ≤ α &lt; 1): the attribute alpha is a float32, which would round α (0.2 by 3e−9 relative).
     */
    @Override
    public String toOnnx(OnnxGraph graph, String z) {
        if (!graph.isDouble()) {
            return graph.node("LeakyRelu", List.of(z), OnnxAttribute.real("alpha", alpha));
        }
        String scaled = graph.node("Mul", List.of(z, graph.scalar("alpha", alpha)));
        return graph.node("Max", List.of(z, scaled));
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
