package mlpkit.core.activation;

import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.Kernels;

/** f(z) = z, f'(z) = 1: the output of a regression network. */
public record Identity() implements Activation {
    @Override
    public String notation() {
        return "identity";
    }

    @Override
    public void forward(DenseMatrix z, DenseMatrix a) {
        Kernels.copy(z, a);
    }

    @Override
    public void backward(DenseMatrix z, DenseMatrix a, DenseMatrix dA, DenseMatrix dZ) {
        Kernels.copy(dA, dZ);
    }

    @Override
    public String toString() {
        return notation();
    }
}
