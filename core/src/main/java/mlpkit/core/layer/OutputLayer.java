package mlpkit.core.layer;

import mlpkit.core.activation.Activation;
import mlpkit.core.matrix.DenseMatrix;

/**
 * A layer that can end a network: its output is an activation a = f(z) of a pre-activation z, which is
 * what a loss reads (binary cross-entropy from the logits z, softmax cross-entropy fused to a − y).
 */
public interface OutputLayer extends Layer {
    /** The activation f of the output. */
    Activation activation();

    /** z of the last forward batch. */
    DenseMatrix preActivation();

    /** A reused buffer for δ = ∂L/∂z of the current batch, for the network to fill. */
    DenseMatrix deltaBuffer();

    /** Backward from δ = ∂L/∂z directly: the output layer's entry point (the loss has applied f' or fused it). */
    DenseMatrix backwardFromDelta(DenseMatrix delta, double[] gradients, boolean accumulate, boolean needInputGradient);
}
