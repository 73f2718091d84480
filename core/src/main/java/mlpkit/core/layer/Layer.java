package mlpkit.core.layer;

import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.KernelThreads;
import mlpkit.core.network.LayerSpec;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * One stage of a sequential network. A layer's parameters live in the network's single flat parameter
 * array (so optimisers, checkpoints and gradient sums see one vector); {@link #bind} tells the layer
 * where its slice starts. The output and gradients it returns are its own reused buffers: valid until
 * its next forward or backward call.
 */
public interface Layer {
    /** The specification this layer was built from. */
    LayerSpec spec();

    int inputSize();

    int outputSize();

    /** Number of trainable parameters (0 for dropout). */
    int parameterCount();

    /** Views this layer's parameters as {@code params[offset, offset + parameterCount())}. */
    void bind(double[] params, int offset);

    /** Draws the initial parameters from {@code rng}. */
    void initialize(RandomGenerator rng);

    /** The layer's output for a batch (one row per sample); {@code training} enables dropout. */
    DenseMatrix forward(DenseMatrix input, boolean training);

    /**
     * Back-propagates dOut = ∂L/∂(output) of the last forward batch: writes this layer's parameter
     * gradients into {@code gradients} at the same offsets as its parameters (adding to what is there
     * when {@code accumulate}), and returns ∂L/∂(input), or null when {@code needInputGradient} is false.
     */
    DenseMatrix backward(DenseMatrix dOut, double[] gradients, boolean accumulate, boolean needInputGradient);

    /** The threads this layer's matrix products may use (the caller alone unless set). */
    default void useThreads(KernelThreads threads) {
    }
}
