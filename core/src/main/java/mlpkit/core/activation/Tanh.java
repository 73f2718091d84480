package mlpkit.core.activation;

import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.Kernels;

/** tanh(z) = (e^z − e^−z) / (e^z + e^−z); tanh'(z) = 1 − tanh²(z), computed from the stored output a. */
public record Tanh() implements Activation {
    @Override
    public String notation() {
        return "tanh";
    }

    @Override
    public void forward(DenseMatrix z, DenseMatrix a) {
        Kernels.tanh(z, a);
    }

    @Override
    public void backward(DenseMatrix z, DenseMatrix a, DenseMatrix dA, DenseMatrix dZ) {
        Kernels.tanhBackward(a, dA, dZ);
    }

    @Override
    public String toString() {
        return notation();
    }
}
