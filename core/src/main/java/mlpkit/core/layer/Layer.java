package mlpkit.core.layer;

import java.util.List;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.KernelThreads;
import mlpkit.core.onnx.OnnxGraph;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * One stage of a sequential network, built from a {@link LayerSpec} for a known input size. This protocol
 * is all the network, the training loop, evaluation, gradient check, diagnosis and model files know of a
 * layer:
 * <ul>
 *   <li>its trainable tensors ({@link #parameters()}), which live in the network's single flat parameter
 *       array (so optimisers, checkpoints and gradient sums see one vector); {@link #bind} tells the layer
 *       where its slice starts;</li>
 *   <li>state that is not trained but kept with the model ({@link #state()}: batch normalisation's running
 *       statistics), in a second flat array bound by {@link #bindState};</li>
 *   <li>forward and backward over a batch, one row per sample.</li>
 * </ul>
 * The output and gradients a layer returns are its own reused buffers: valid until its next forward or
 * backward call.
 */
public interface Layer {
    int inputSize();

    int outputSize();

    /** The trainable tensors, in the order they follow each other from the bound offset. */
    List<TensorShape> parameters();

    /** Number of trainable parameters. */
    default int parameterCount() {
        return parameters().stream().mapToInt(TensorShape::size).sum();
    }

    /** Views this layer's parameters as {@code params[offset, offset + parameterCount())}. */
    void bind(double[] params, int offset);

    /** Draws the initial parameters from {@code rng} (and sets the initial state). */
    void initialize(RandomGenerator rng);

    /** Non-trainable tensors kept with the model, in order from the bound state offset; none by default. */
    default List<TensorShape> state() {
        return List.of();
    }

    /** Views this layer's state as {@code state[offset, offset + size)}. */
    default void bindState(double[] state, int offset) {
    }

    /** The layer's output for a batch; {@code training} enables dropout and batch statistics. */
    DenseMatrix forward(DenseMatrix input, boolean training);

    /**
     * Back-propagates dOut = ∂L/∂(output) of the last forward batch: writes this layer's parameter
     * gradients into {@code gradients} at the same offsets as its parameters (adding to what is there
     * when {@code accumulate}), and returns ∂L/∂(input), or null when {@code needInputGradient} is false.
     */
    DenseMatrix backward(DenseMatrix dOut, double[] gradients, boolean accumulate, boolean needInputGradient);

    /** The output of the last forward batch. */
    DenseMatrix output();

    /**
     * How close (in |z|) the last forward batch came to a point where this layer's function has no
     * derivative (a ReLU's 0); +∞ when it has none. A finite-difference check needs this to exceed its step.
     */
    default double closestToKink() {
        return Double.POSITIVE_INFINITY;
    }

    /**
     * Writes this layer's inference-mode forward pass into an ONNX graph, reading the value named {@code input};
     * returns the name of its output. A layer kind without an ONNX form is refused, naming itself.
     */
    default String toOnnx(OnnxGraph graph, String input) {
        throw graph.noOnnxForm("the layer", "its kind does not write one",
                "export needs layer kinds that do (every built-in kind does; 'mlp concepts layer' lists them)");
    }

    /** The threads this layer's matrix products may use (the caller alone unless set). */
    default void useThreads(KernelThreads threads) {
    }
}
