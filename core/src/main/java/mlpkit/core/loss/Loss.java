package mlpkit.core.loss;

import java.util.ArrayList;
import java.util.List;
import mlpkit.core.activation.Activation;
import mlpkit.core.concept.Concept;
import mlpkit.core.concept.Param;
import mlpkit.core.concept.Registry;
import mlpkit.core.concept.Conceptual;
import mlpkit.core.concept.Kind;
import mlpkit.core.matrix.DenseMatrix;

/**
 * A loss ℓ(a, y) per sample, where a is the output layer's activation of its pre-activation z. Each loss
 * is one concept file: its name, parameters, maths, the targets it expects and the outputs it suits.
 *
 * <p>The network asks a loss for one of two things at the output layer. For the canonical pairs
 * (sigmoid + binary cross-entropy, softmax + softmax cross-entropy, identity + squared error) the
 * chain rule through the activation collapses to a multiple of (a − y): {@link #fusedDelta} writes
 * ∂ℓ/∂z directly. For every other pair it gives ∂ℓ/∂a ({@link #outputGradient}) and the activation's
 * own backward applies f'(z) — the general chain rule (sigmoid + MSE, as in E1 and E4).
 */
public interface Loss extends Conceptual {
    /** The kind "loss": written positionally, {@code huber(1.5)}. */
    Kind<Loss> KIND = Kind.positional("loss", Loss.class);

    /** What a loss compares the outputs with. */
    enum Targets {
        /** One class per row, one-hot (or a distribution over the outputs): softmax cross-entropy. */
        ONE_HOT,
        /** 0 or 1 (or a probability) per output: binary cross-entropy, one or several labels per row. */
        BINARY,
        /** Any real values: squared and absolute errors; class labels are then written one-hot or 0/1. */
        VALUES
    }

    /** Σ over the rows of the per-sample loss, unreduced; z is the output pre-activation, a = f(z). */
    double sum(Activation outputActivation, DenseMatrix z, DenseMatrix a, DenseMatrix y);

    /** The reduced loss: {@link #sum} scaled by {@link Reduction#scale}. */
    default double value(Activation outputActivation, DenseMatrix z, DenseMatrix a, DenseMatrix y, Reduction reduction) {
        return sum(outputActivation, z, a, y) * reduction.scale(a.getRowDimension());
    }

    /**
     * Each row's loss ℓ_i into {@code out[0..rows)} ({@link #sum} of that row alone). The default asks {@link #sum}
     * row by row through one-row views, so every loss has it; a loss may compute it faster.
     */
    default void rowSums(Activation outputActivation, DenseMatrix z, DenseMatrix a, DenseMatrix y, double[] out) {
        int rows = a.getRowDimension();
        if (out.length < rows) {
            throw new IllegalArgumentException("rowSums needs room for " + rows + " row losses, got an array of " + out.length);
        }
        int zc = z.getColumnDimension(), ac = a.getColumnDimension(), yc = y.getColumnDimension();
        for (int r = 0; r < rows; r++) {
            out[r] = sum(outputActivation,
                    new DenseMatrix(1, zc, z.data(), z.offset() + r * zc),
                    new DenseMatrix(1, ac, a.data(), a.offset() + r * ac),
                    new DenseMatrix(1, yc, y.data(), y.offset() + r * yc));
        }
    }

    /** Whether this loss and that output activation form a canonical pair with a fused (a − y) delta. */
    default boolean fusesWith(Activation outputActivation) {
        return false;
    }

    /** dZ = scale · ∂ℓ/∂z for a canonical pair ({@link #fusesWith} is true). */
    default void fusedDelta(DenseMatrix a, DenseMatrix y, double scale, DenseMatrix dZ) {
        throw new UnsupportedOperationException(notation() + " fuses with no activation");
    }

    /** dA = scale · ∂ℓ/∂a, for the general chain rule. */
    void outputGradient(DenseMatrix a, DenseMatrix y, double scale, DenseMatrix dA);

    /** The targets this loss expects. */
    Targets targets();

    /** Whether this loss makes sense after that output activation (binary cross-entropy needs probabilities). */
    default boolean suits(Activation outputActivation) {
        return true;
    }

    /** The output layers this loss suits, for messages: {@code dense(k, sigmoid)}. */
    default String suitedOutputs() {
        return "any output layer";
    }

    /** The points a − y where ℓ has no derivative (the absolute error's 0); a gradient check avoids them. */
    default double[] kinks() {
        return new double[0];
    }

    /**
     * Throws when this loss makes no sense after that output activation, with a message that says which
     * output to use instead.
     */
    default void requireCompatible(Activation outputActivation) {
        if (!suits(outputActivation)) {
            List<String> suiting = new ArrayList<>();
            for (Concept<Loss> concept : Registry.builtIns().of(KIND).all()) {
                if (concept.params().stream().noneMatch(Param::isRequired) && concept.create().suits(outputActivation)) {
                    suiting.add(concept.name());
                }
            }
            throw new IllegalArgumentException("loss " + notation() + " does not suit a " + outputActivation.notation()
                    + " output layer: it needs " + suitedOutputs() + "; a " + outputActivation.notation() + " output suits "
                    + String.join(", ", suiting));
        }
    }
}
