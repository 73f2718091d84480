package mlpkit.core.activation;

import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.Kernels;

/** σ(z) = 1 / (1 + e^−z); σ'(z) = σ(z)(1 − σ(z)), computed from the stored output a = σ(z). */
public record Sigmoid() implements Activation {
    @Override
    public String notation() {
        return "sigmoid";
    }

    @Override
    public void forward(DenseMatrix z, DenseMatrix a) {
        Kernels.sigmoid(z, a);
    }

    @Override
    public void backward(DenseMatrix z, DenseMatrix a, DenseMatrix dA, DenseMatrix dZ) {
        Kernels.sigmoidBackward(a, dA, dZ);
    }

    @Override
    public String toString() {
        return notation();
    }
}
