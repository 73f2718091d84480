package mlpkit.core.loss;

import mlpkit.core.activation.Activation;
import mlpkit.core.activation.Sigmoid;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.Kernels;

/**
 * ℓ = −Σ_k [y_k log a_k + (1 − y_k) log(1 − a_k)], summed over the outputs of a sample (one output for
 * a binary problem; several for independent labels). With a sigmoid output it is evaluated from the
 * logits, so it stays finite however saturated σ(z) is, and the delta fuses to ∂ℓ/∂z = a − y.
 */
public record BinaryCrossEntropy() implements Loss {
    /** Probabilities are clipped to [ε, 1 − ε] where they must be used directly (as scikit-learn's log_loss). */
    static final double EPSILON = 1e-15;

    @Override
    public String notation() {
        return "bce";
    }

    @Override
    public double sum(Activation outputActivation, DenseMatrix z, DenseMatrix a, DenseMatrix y) {
        return outputActivation instanceof Sigmoid
                ? Kernels.binaryCrossEntropySumFromLogits(z, y)
                : Kernels.binaryCrossEntropySumFromProbabilities(a, y, EPSILON);
    }

    @Override
    public boolean fusesWith(Activation outputActivation) {
        return outputActivation instanceof Sigmoid;
    }

    /** ∂ℓ/∂z = (a − y): σ'(z) = a(1 − a) cancels the denominator of ∂ℓ/∂a. */
    @Override
    public void fusedDelta(DenseMatrix a, DenseMatrix y, double scale, DenseMatrix dZ) {
        Kernels.scaledDifference(a, y, scale, dZ);
    }

    /** ∂ℓ/∂a = (a − y) / (a(1 − a)). */
    @Override
    public void outputGradient(DenseMatrix a, DenseMatrix y, double scale, DenseMatrix dA) {
        Kernels.binaryCrossEntropyGradient(a, y, scale, EPSILON, dA);
    }

    @Override
    public void requireCompatible(Activation outputActivation) {
        if (!(outputActivation instanceof Sigmoid)) {
            throw new IllegalArgumentException("loss bce needs probabilities from a sigmoid output layer, but the "
                    + "output activation is " + outputActivation.notation()
                    + ": use dense(k, sigmoid) as the last layer, or softmax-ce with a softmax output");
        }
    }

    @Override
    public String toString() {
        return notation();
    }
}
