package mlpkit.core.activation;

import java.util.List;
import mlpkit.core.concept.Concept;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.VectorPaths;
import mlpkit.core.onnx.OnnxGraph;

/**
 * relu(z) = max(z, 0), computed as z for z &gt; 0 and 0·z otherwise (a zero with z's sign, as the shared
 * leaky-ReLU fast path at α = 0 gives); relu'(z) = 1 for z &gt; 0, else 0 (0 is taken at z = 0).
 */
public record Relu() implements ElementWise {
    public static final Concept<Activation> CONCEPT = Concept.of(KIND, "relu")
            .summary("max(z, 0); f' = 1 for z > 0, else 0")
            .build(Relu.class);

    @Override
    public double value(double z) {
        return z > 0 ? z : 0.0 * z;
    }

    @Override
    public double derivative(double z, double a) {
        return z > 0 ? 1.0 : 0.0;
    }

    /** dA for z &gt; 0, 0·dA otherwise. */
    @Override
    public double chain(double dA, double z, double a) {
        return z > 0 ? dA : 0.0 * dA;
    }

    @Override
    public void mapEntries(double[] z, int zo, double[] a, int ao, int count) {
        for (int i = VectorPaths.leakyRelu(z, zo, 0.0, a, ao, count); i < count; i++) {
            a[ao + i] = value(z[zo + i]);
        }
    }

    @Override
    public void backward(DenseMatrix z, DenseMatrix a, DenseMatrix dA, DenseMatrix dZ) {
        double[] zd = z.data(), gd = dA.data(), od = dZ.data();
        int zo = z.offset(), go = dA.offset(), oo = dZ.offset(), n = z.size();
        for (int i = VectorPaths.leakyReluBackward(z, 0.0, dA, dZ); i < n; i++) {
            od[oo + i] = chain(gd[go + i], zd[zo + i], 0.0);
        }
    }

    @Override
    public double minOutput() {
        return 0.0;
    }

    @Override
    public double[] kinks() {
        return new double[] {0.0};
    }

    /** ONNX's Relu. */
    @Override
    public String toOnnx(OnnxGraph graph, String z) {
        return graph.node("Relu", List.of(z));
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
