package mlpkit.core.activation;

import java.util.List;
import mlpkit.core.concept.Concept;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.Exp;
import mlpkit.core.matrix.VectorPaths;
import mlpkit.core.onnx.OnnxGraph;

/**
 * σ(z) = 1 / (1 + e^−z), evaluated as (z ≥ 0 ? 1 : e) / (1 + e) with e = e^−|z|, so the exponent is never
 * positive and nothing overflows for any z; σ'(z) = σ(z)(1 − σ(z)), computed from the stored output a.
 * e^x is mlpkit's own ({@link Exp}), so the vector fast path gives the same bits.
 */
public record Sigmoid() implements ElementWise {
    public static final Concept<Activation> CONCEPT = Concept.of(KIND, "sigmoid").alias("logistic")
            .summary("σ(z) = 1/(1 + e^−z); σ' = σ(1 − σ)")
            .build(Sigmoid.class);

    @Override
    public double value(double z) {
        double e = Exp.ofNonPositive(-Math.abs(z));
        return (z >= 0 ? 1.0 : e) / (1.0 + e);
    }

    @Override
    public double derivative(double z, double a) {
        return a * (1.0 - a);
    }

    /** dA·a·(1 − a), multiplied left to right as the fast path does. */
    @Override
    public double chain(double dA, double z, double a) {
        return dA * a * (1.0 - a);
    }

    @Override
    public void mapEntries(double[] z, int zo, double[] a, int ao, int count) {
        for (int i = VectorPaths.sigmoid(z, zo, a, ao, count); i < count; i++) {
            a[ao + i] = value(z[zo + i]);
        }
    }

    @Override
    public void backward(DenseMatrix z, DenseMatrix a, DenseMatrix dA, DenseMatrix dZ) {
        double[] ad = a.data(), gd = dA.data(), od = dZ.data();
        int ao = a.offset(), go = dA.offset(), oo = dZ.offset(), n = a.size();
        for (int i = VectorPaths.sigmoidBackward(a, dA, dZ); i < n; i++) {
            od[oo + i] = chain(gd[go + i], 0.0, ad[ao + i]);
        }
    }

    @Override
    public double minOutput() {
        return 0.0;
    }

    @Override
    public double maxOutput() {
        return 1.0;
    }

    /** ONNX's Sigmoid. */
    @Override
    public String toOnnx(OnnxGraph graph, String z) {
        return graph.node("Sigmoid", List.of(z));
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
