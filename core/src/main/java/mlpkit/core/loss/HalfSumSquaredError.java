package mlpkit.core.loss;

import mlpkit.core.activation.Activation;
import mlpkit.core.activation.Identity;
import mlpkit.core.concept.Concept;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.Kernels;

/**
 * ℓ = ½ Σ_k (a_k − y_k)², summed over the outputs of a sample (the L2 loss of the derivations, E1 and
 * E4); ∂ℓ/∂a = a − y. Compare {@link MeanSquaredError}, the mean over outputs.
 */
public record HalfSumSquaredError() implements Loss {
    public static final Concept<Loss> CONCEPT = Concept.of(KIND, "half-sse").alias("halfSse")
            .summary("½Σ_k (a_k − y_k)², summed over the outputs")
            .build(HalfSumSquaredError.class);

    @Override
    public double sum(Activation outputActivation, DenseMatrix z, DenseMatrix a, DenseMatrix y) {
        return 0.5 * Kernels.squaredErrorSum(a, y);
    }

    @Override
    public boolean fusesWith(Activation outputActivation) {
        return outputActivation instanceof Identity;
    }

    @Override
    public void fusedDelta(DenseMatrix a, DenseMatrix y, double scale, DenseMatrix dZ) {
        Kernels.scaledDifference(a, y, scale, dZ);
    }

    @Override
    public void outputGradient(DenseMatrix a, DenseMatrix y, double scale, DenseMatrix dA) {
        Kernels.scaledDifference(a, y, scale, dA);
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
