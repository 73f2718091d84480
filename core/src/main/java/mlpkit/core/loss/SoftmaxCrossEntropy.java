package mlpkit.core.loss;

import mlpkit.core.activation.Activation;
import mlpkit.core.activation.Softmax;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.Kernels;

/**
 * ℓ = −Σ_k y_k log softmax(z)_k (the negative log-likelihood of a categorical distribution), evaluated
 * from the logits z through log-sum-exp so it never takes the log of 0. Only defined after a softmax
 * output, with which it fuses to ∂ℓ/∂z = a − y (for targets that sum to 1).
 */
public record SoftmaxCrossEntropy() implements Loss {
    @Override
    public String notation() {
        return "softmax-ce";
    }

    @Override
    public double sum(Activation outputActivation, DenseMatrix z, DenseMatrix a, DenseMatrix y) {
        return Kernels.softmaxCrossEntropySum(z, y);
    }

    @Override
    public boolean fusesWith(Activation outputActivation) {
        return outputActivation instanceof Softmax;
    }

    @Override
    public void fusedDelta(DenseMatrix a, DenseMatrix y, double scale, DenseMatrix dZ) {
        Kernels.softmaxCrossEntropyDelta(a, y, scale, dZ);
    }

    /** Never needed: {@link #requireCompatible} admits only softmax, which always fuses. */
    @Override
    public void outputGradient(DenseMatrix a, DenseMatrix y, double scale, DenseMatrix dA) {
        throw new UnsupportedOperationException("softmax-ce is computed from the logits and always fuses with softmax");
    }

    @Override
    public void requireCompatible(Activation outputActivation) {
        if (!(outputActivation instanceof Softmax)) {
            throw new IllegalArgumentException("loss softmax-ce is computed from the logits of a softmax output layer, "
                    + "but the output activation is " + outputActivation.notation()
                    + ": use dense(k, softmax) as the last layer, or bce with a sigmoid output");
        }
    }

    @Override
    public String toString() {
        return notation();
    }
}
