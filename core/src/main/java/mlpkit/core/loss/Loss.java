package mlpkit.core.loss;

import mlpkit.core.activation.Activation;
import mlpkit.core.matrix.DenseMatrix;

/**
 * A loss ℓ(a, y) per sample, where a is the output layer's activation of its pre-activation z.
 *
 * <p>The network asks a loss for one of two things at the output layer. For the canonical pairs
 * (sigmoid + binary cross-entropy, softmax + softmax cross-entropy, identity + squared error) the
 * chain rule through the activation collapses to a multiple of (a − y): {@link #fusedDelta} writes
 * ∂ℓ/∂z directly. For every other pair it gives ∂ℓ/∂a ({@link #outputGradient}) and the activation's
 * own backward applies f'(z) — the general chain rule (sigmoid + MSE, as in E1 and E4).
 */
public interface Loss {
    /** The name used in configs and on the command line: {@code bce}, {@code mse}, {@code half-sse}, {@code softmax-ce}. */
    String notation();

    /** Σ over the rows of the per-sample loss, unreduced; z is the output pre-activation, a = f(z). */
    double sum(Activation outputActivation, DenseMatrix z, DenseMatrix a, DenseMatrix y);

    /** The reduced loss: {@link #sum} scaled by {@link Reduction#scale}. */
    default double value(Activation outputActivation, DenseMatrix z, DenseMatrix a, DenseMatrix y, Reduction reduction) {
        return sum(outputActivation, z, a, y) * reduction.scale(a.getRowDimension());
    }

    /** Whether this loss and that output activation form a canonical pair with a fused (a − y) delta. */
    boolean fusesWith(Activation outputActivation);

    /** dZ = scale · ∂ℓ/∂z for a canonical pair ({@link #fusesWith} is true). */
    void fusedDelta(DenseMatrix a, DenseMatrix y, double scale, DenseMatrix dZ);

    /** dA = scale · ∂ℓ/∂a, for the general chain rule. */
    void outputGradient(DenseMatrix a, DenseMatrix y, double scale, DenseMatrix dA);

    /**
     * Throws when this loss makes no sense after that output activation (for example binary
     * cross-entropy after softmax), with a message that says which pairing to use instead.
     */
    void requireCompatible(Activation outputActivation);
}
