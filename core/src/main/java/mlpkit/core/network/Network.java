package mlpkit.core.network;

import java.util.ArrayList;
import java.util.List;
import mlpkit.core.layer.Dense;
import mlpkit.core.layer.Layer;
import mlpkit.core.loss.Loss;
import mlpkit.core.loss.Reduction;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.KernelThreads;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A sequential network built from a {@link NetworkSpec} for a given input size and loss. All weights
 * and biases live in one flat array ({@link #parameters()}), all gradients in another
 * ({@link #gradients()}) with the same {@link #layout()}; layers view slices of them.
 *
 * <p>Backward starts at the output layer with δ = ∂L/∂z: fused (a − y) for the loss's canonical
 * activation, otherwise ∂L/∂a through the activation's derivative (the general chain rule), and then
 * each layer turns δ into its parameter gradients and ∂L/∂(its input). Not thread-safe: one network
 * per training thread.
 */
public final class Network {
    private final NetworkSpec spec;
    private final int inputSize;
    private final Loss loss;
    private final List<Layer> layers;
    private final Dense outputLayer;
    private final double[] parameters;
    private final double[] gradients;
    private final ParameterLayout layout;

    /** Mixed into a seed to derive the dropout stream from it (the 64-bit golden ratio: well spread bits). */
    private static final long DROPOUT_STREAM = 0x9E3779B97F4A7C15L;

    private Network(NetworkSpec spec, int inputSize, Loss loss, RandomGenerator dropoutRng) {
        if (inputSize <= 0) {
            throw new IllegalArgumentException("the network needs at least one input feature, got " + inputSize);
        }
        this.spec = spec;
        this.inputSize = inputSize;
        this.loss = loss;
        List<Layer> built = new ArrayList<>();
        List<ParameterTensor> tensors = new ArrayList<>();
        int size = inputSize;
        int offset = 0;
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec layerSpec = spec.layers().get(i);
            Layer layer = layerSpec.build(size, dropoutRng);
            built.add(layer);
            if (layer instanceof Dense) {
                int units = layer.outputSize();
                tensors.add(new ParameterTensor(i, layerSpec.notation(), "W", offset, size, units));
                tensors.add(new ParameterTensor(i, layerSpec.notation(), "b", offset + size * units, 1, units));
            }
            offset += layer.parameterCount();
            size = layer.outputSize();
        }
        if (!(built.get(built.size() - 1) instanceof Dense last)) {
            throw new IllegalArgumentException("the last layer of " + spec.notation() + " is "
                    + spec.layers().get(built.size() - 1).notation()
                    + ", but it must be dense: the loss is computed from the output layer's pre-activation");
        }
        try {
            loss.requireCompatible(last.activation());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("layer " + (built.size() - 1) + " of " + spec.notation() + ": "
                    + e.getMessage(), e);
        }
        this.layers = List.copyOf(built);
        this.outputLayer = last;
        this.parameters = new double[offset];
        this.gradients = new double[offset];
        this.layout = new ParameterLayout(tensors, offset);
        int at = 0;
        for (Layer layer : layers) {
            layer.bind(parameters, at);
            at += layer.parameterCount();
        }
    }

    /**
     * Builds the network for {@code inputSize} features and initialises it from {@code initRng}, layer by
     * layer in order. Dropout masks come from {@code dropoutRng}, a stream independent of the initialisation.
     */
    public static Network build(NetworkSpec spec, int inputSize, Loss loss, RandomGenerator initRng,
                                RandomGenerator dropoutRng) {
        Network network = new Network(spec, inputSize, loss, dropoutRng);
        for (Layer layer : network.layers) {
            layer.initialize(initRng);
        }
        return network;
    }

    /**
     * Builds and initialises from one seed: the weights from {@code MersenneTwister(seed)}, dropout masks
     * from an independent {@code MersenneTwister} seeded with a fixed mix of {@code seed}.
     */
    public static Network build(NetworkSpec spec, int inputSize, Loss loss, long seed) {
        return build(spec, inputSize, loss, new MersenneTwister(seed), new MersenneTwister(seed ^ DROPOUT_STREAM));
    }

    /** The output for a batch, one row per sample; the matrix is a reused buffer valid until the next call. */
    public DenseMatrix forward(RealMatrix x, boolean training) {
        DenseMatrix out = DenseMatrix.of(x);
        for (Layer layer : layers) {
            out = layer.forward(out, training);
        }
        return out;
    }

    /** The output for {@code x} in inference mode (no dropout), as a new matrix the caller owns. */
    public DenseMatrix predict(RealMatrix x) {
        return forward(x, false).copy();
    }

    /** The loss of the network on (x, y) in inference mode. */
    public double loss(RealMatrix x, RealMatrix y, Reduction reduction) {
        forward(x, false);
        DenseMatrix target = requireTarget(y);
        return loss.value(outputLayer.activation(), outputLayer.preActivation(), outputLayer.output(), target, reduction);
    }

    /**
     * One training forward and backward pass on (x, y): fills {@link #gradients()} with the gradient of
     * the reduced loss and returns that loss (evaluated before any update).
     */
    public double computeGradient(RealMatrix x, RealMatrix y, Reduction reduction) {
        return computeGradient(x, y, reduction, true);
    }

    /**
     * As {@link #computeGradient(RealMatrix, RealMatrix, Reduction)}, choosing the mode of the forward
     * pass: {@code training = false} (no dropout) gives the gradient of exactly the function that
     * {@link #loss} evaluates, which is what a finite-difference check compares against.
     */
    public double computeGradient(RealMatrix x, RealMatrix y, Reduction reduction, boolean training) {
        forward(x, training);
        DenseMatrix target = requireTarget(y);
        double sum = backpropagate(target, reduction.scale(target.getRowDimension()), gradients, false);
        return sum * reduction.scale(target.getRowDimension());
    }

    /**
     * ADDS the gradient of the summed (unreduced) loss over (x, y) to {@code gradSum} (laid out as
     * {@link #layout()}) and returns that loss sum and the row count. Summing halves of a batch gives
     * the gradient of the whole: the seam for L-BFGS, checkpoints and data-parallel training.
     */
    public LossSum accumulateGradient(RealMatrix x, RealMatrix y, double[] gradSum) {
        if (gradSum.length != parameters.length) {
            throw new IllegalArgumentException("gradSum must have one entry per parameter (" + parameters.length
                    + " for " + spec.notation() + "), got " + gradSum.length);
        }
        forward(x, true);
        DenseMatrix target = requireTarget(y);
        double sum = backpropagate(target, 1.0, gradSum, true);
        return new LossSum(sum, target.getRowDimension());
    }

    /** δ at the output, then layer by layer down to the first; returns the unreduced loss sum. */
    private double backpropagate(DenseMatrix y, double scale, double[] target, boolean accumulate) {
        DenseMatrix z = outputLayer.preActivation();
        DenseMatrix a = outputLayer.output();
        double lossSum = loss.sum(outputLayer.activation(), z, a, y);
        DenseMatrix delta = outputLayer.deltaBuffer();
        if (loss.fusesWith(outputLayer.activation())) {
            loss.fusedDelta(a, y, scale, delta);                         // δ = scale·(a − y)·c
        } else {
            loss.outputGradient(a, y, scale, delta);                     // ∂L/∂a ...
            outputLayer.activation().backward(z, a, delta, delta);       // ... ⊙ f'(z)
        }
        int last = layers.size() - 1;
        DenseMatrix upstream = outputLayer.backwardFromDelta(delta, target, accumulate, last > 0);
        for (int i = last - 1; i >= 0; i--) {
            upstream = layers.get(i).backward(upstream, target, accumulate, i > 0);
        }
        return lossSum;
    }

    private DenseMatrix requireTarget(RealMatrix y) {
        DenseMatrix target = DenseMatrix.of(y);
        DenseMatrix a = outputLayer.output();
        if (target.getRowDimension() != a.getRowDimension() || target.getColumnDimension() != a.getColumnDimension()) {
            throw new IllegalArgumentException("targets must be " + a.getRowDimension() + "×" + a.getColumnDimension()
                    + " (one row per sample, one column per output of " + outputLayer.spec().notation() + "), got "
                    + target.getRowDimension() + "×" + target.getColumnDimension()
                    + (a.getColumnDimension() > 1 && target.getColumnDimension() == 1 ? ": one-hot encode class labels" : ""));
        }
        return target;
    }

    /**
     * Lets this network's matrix products use {@code threads} (the caller owns and closes them). The
     * results are bit-identical at any thread count: each product's rows are split, never its sums.
     */
    public void useThreads(KernelThreads threads) {
        for (Layer layer : layers) {
            layer.useThreads(threads);
        }
    }

    /** All weights and biases, live (writing here changes the network). */
    public double[] parameters() {
        return parameters;
    }

    /** The gradient of the last {@link #computeGradient} call, live, laid out as {@link #parameters()}. */
    public double[] gradients() {
        return gradients;
    }

    public ParameterLayout layout() {
        return layout;
    }

    public List<Layer> layers() {
        return layers;
    }

    public NetworkSpec spec() {
        return spec;
    }

    public Loss lossFunction() {
        return loss;
    }

    public int inputSize() {
        return inputSize;
    }

    public int outputSize() {
        return outputLayer.outputSize();
    }

    public int parameterCount() {
        return parameters.length;
    }

    /** The network notation, e.g. {@code network < dense(6, sigmoid); dense(1, sigmoid) >}. */
    @Override
    public String toString() {
        return spec.notation();
    }
}
