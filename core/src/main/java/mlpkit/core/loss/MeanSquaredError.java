package mlpkit.core.loss;

import mlpkit.core.activation.Activation;
import mlpkit.core.activation.Identity;
import mlpkit.core.concept.Concept;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.Kernels;

/**
 * ℓ = (1/K) Σ_k (a_k − y_k)², the mean over the K outputs of a sample (Keras' and scikit-learn's
 * {@code mean_squared_error}); ∂ℓ/∂a = (2/K)(a − y). Compare {@link HalfSumSquaredError}, the ½Σ
 * convention of the derivations, whose gradient is (a − y) without the 2/K.
 */
public record MeanSquaredError() implements Loss {
    public static final Concept<Loss> CONCEPT = Concept.of(KIND, "mse").alias("meanSquaredError")
            .summary("(1/K)Σ_k (a_k − y_k)², the mean over the outputs")
            .build(MeanSquaredError.class);

    @Override
    public double sum(Activation outputActivation, DenseMatrix z, DenseMatrix a, DenseMatrix y) {
        return Kernels.squaredErrorSum(a, y) / a.getColumnDimension();
    }

    @Override
    public boolean fusesWith(Activation outputActivation) {
        return outputActivation instanceof Identity;
    }

    @Override
    public void fusedDelta(DenseMatrix a, DenseMatrix y, double scale, DenseMatrix dZ) {
        Kernels.scaledDifference(a, y, scale * 2.0 / a.getColumnDimension(), dZ);
    }

    @Override
    public void outputGradient(DenseMatrix a, DenseMatrix y, double scale, DenseMatrix dA) {
        Kernels.scaledDifference(a, y, scale * 2.0 / a.getColumnDimension(), dA);
    }

    @Override
    public Targets targets() {
        return Targets.VALUES;
    }

    @Override
    public Concept<Loss> concept() {
        return CONCEPT;
    }

    @Override
    public String toString() {
        return notation();
    }
}
