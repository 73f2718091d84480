package mlpkit.core.activation;

import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.Kernels;

/** relu(z) = max(z, 0); relu'(z) = 1 for z &gt; 0, else 0 (0 is taken at z = 0). Computed from z. */
public record Relu() implements Activation {
    @Override
    public String notation() {
        return "relu";
    }

    @Override
    public void forward(DenseMatrix z, DenseMatrix a) {
        Kernels.leakyRelu(z, 0.0, a);
    }

    @Override
    public void backward(DenseMatrix z, DenseMatrix a, DenseMatrix dA, DenseMatrix dZ) {
        Kernels.leakyReluBackward(z, 0.0, dA, dZ);
    }

    @Override
    public String toString() {
        return notation();
    }
}
