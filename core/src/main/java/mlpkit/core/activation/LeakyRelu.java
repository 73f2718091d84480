package mlpkit.core.activation;

import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.Kernels;

/** f(z) = z for z &gt; 0, α·z otherwise; f'(z) = 1 or α. Computed from z. */
public record LeakyRelu(double alpha) implements Activation {
    public LeakyRelu {
        if (!(alpha >= 0 && alpha < 1)) {
            throw new IllegalArgumentException("leakyRelu: the slope α must be in [0, 1), got " + alpha
                    + ": use a small slope such as leakyRelu(0.01)");
        }
    }

    @Override
    public String notation() {
        return "leakyRelu(" + alpha + ")";
    }

    @Override
    public void forward(DenseMatrix z, DenseMatrix a) {
        Kernels.leakyRelu(z, alpha, a);
    }

    @Override
    public void backward(DenseMatrix z, DenseMatrix a, DenseMatrix dA, DenseMatrix dZ) {
        Kernels.leakyReluBackward(z, alpha, dA, dZ);
    }

    @Override
    public String toString() {
        return notation();
    }
}
