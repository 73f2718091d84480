package mlpkit.core.activation;

import mlpkit.core.concept.Concept;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.Kernels;
import mlpkit.core.onnx.OnnxGraph;

/** f(z) = z, f'(z) = 1: the output of a regression network. */
public record Identity() implements ElementWise {
    public static final Concept<Activation> CONCEPT = Concept.of(KIND, "identity").alias("linear")
            .summary("f(z) = z; f'(z) = 1 (regression outputs)")
            .build(Identity.class);

    @Override
    public double value(double z) {
        return z;
    }

    @Override
    public double derivative(double z, double a) {
        return 1.0;
    }

    /** a = z: a copy (the same bits as the loop). */
    @Override
    public void mapEntries(double[] z, int zo, double[] a, int ao, int count) {
        System.arraycopy(z, zo, a, ao, count);
    }

    /** dZ = dA·1: a copy. */
    @Override
    public void backward(DenseMatrix z, DenseMatrix a, DenseMatrix dA, DenseMatrix dZ) {
        Kernels.copy(dA, dZ);
    }

    /** No node: a is z. */
    @Override
    public String toOnnx(OnnxGraph graph, String z) {
        return z;
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
