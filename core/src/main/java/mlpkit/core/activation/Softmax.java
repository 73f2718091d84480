package mlpkit.core.activation;

import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.Kernels;

/**
 * softmax(z)_k = e^z_k / Σ_j e^z_j over each row. Not element-wise: backward applies the Jacobian
 * J_kj = a_k(δ_kj − a_j). Paired with softmax cross-entropy the loss fuses both into a − y instead.
 */
public record Softmax() implements Activation {
    @Override
    public String notation() {
        return "softmax";
    }

    @Override
    public void forward(DenseMatrix z, DenseMatrix a) {
        Kernels.softmaxRows(z, a);
    }

    @Override
    public void backward(DenseMatrix z, DenseMatrix a, DenseMatrix dA, DenseMatrix dZ) {
        Kernels.softmaxBackward(a, dA, dZ);
    }

    @Override
    public String toString() {
        return notation();
    }
}
