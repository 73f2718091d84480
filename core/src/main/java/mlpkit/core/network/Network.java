package mlpkit.core.network;

import java.util.ArrayList;
import java.util.List;
import mlpkit.core.layer.Layer;
import mlpkit.core.layer.LayerSpec;
import mlpkit.core.layer.OutputLayer;
import mlpkit.core.layer.TensorShape;
import mlpkit.core.loss.Loss;
import mlpkit.core.loss.Reduction;
import mlpkit.core.loss.WeightNormalization;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.KernelThreads;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A sequential network built from a {@link NetworkSpec} for a given input size and loss. All trainable
 * parameters live in one flat array ({@link #parameters()}), all gradients in another
 * ({@link #gradients()}) with the same {@link #layout()}; state that is kept but not trained (batch
 * normalisation's running statistics) lives in a third ({@link #state()}, {@link #stateLayout()}). Layers
 * view slices of them through the {@link Layer} protocol; the network knows nothing else of a layer.
 *
 * <p>Backward starts at the output layer ({@link OutputLayer}) with δ = ∂L/∂z: fused (a − y) for the
 * loss's canonical activation, otherwise ∂L/∂a through the activation's derivative (the general chain
 * rule), and then each layer turns δ into its parameter gradients and ∂L/∂(its input). Not thread-safe:
 * one network per training thread.
 */
public final class Network {
    private final NetworkSpec spec;
    private final int inputSize;
    private final Loss loss;
    private final List<Layer> layers;
    private final OutputLayer outputLayer;
    private final double[] parameters;
    private final double[] gradients;
    private final double[] state;
    private final ParameterLayout layout;
    private final ParameterLayout stateLayout;
    /** Each row's loss of a weighted batch, grown as needed (weighted passes only). */
    private double[] rowLosses = new double[0];

    private Network(NetworkSpec spec, int inputSize, Loss loss, RandomGenerator layerRng) {
        if (inputSize <= 0) {
            throw new IllegalArgumentException("the network needs at least one input feature, got " + inputSize);
        }
        String outputProblem = spec.outputProblem();
        if (outputProblem != null) {
            throw new IllegalArgumentException(spec.notation() + ": " + outputProblem);
        }
        this.spec = spec;
        this.inputSize = inputSize;
        this.loss = loss;
        List<Layer> built = new ArrayList<>();
        List<ParameterTensor> tensors = new ArrayList<>();
        List<ParameterTensor> stateTensors = new ArrayList<>();
        int size = inputSize;
        int offset = 0;
        int stateOffset = 0;
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec layerSpec = spec.layers().get(i);
            Layer layer = layerSpec.build(size, layerRng);
            built.add(layer);
            for (TensorShape shape : layer.parameters()) {
                tensors.add(new ParameterTensor(i, layerSpec.notation(), shape.name(), offset, shape.rows(), shape.cols(), shape.decayed()));
                offset += shape.size();
            }
            for (TensorShape shape : layer.state()) {
                stateTensors.add(new ParameterTensor(i, layerSpec.notation(), shape.name(), stateOffset, shape.rows(), shape.cols(), false));
                stateOffset += shape.size();
            }
            size = layer.outputSize();
        }
        OutputLayer last = (OutputLayer) built.get(built.size() - 1);   // outputProblem() made sure it is one
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
        this.state = new double[stateOffset];
        this.layout = new ParameterLayout(tensors, offset);
        this.stateLayout = new ParameterLayout(stateTensors, stateOffset);
        int at = 0;
        int stateAt = 0;
        for (Layer layer : layers) {
            layer.bind(parameters, at);
            layer.bindState(state, stateAt);
            at += layer.parameterCount();
            stateAt += layer.state().stream().mapToInt(TensorShape::size).sum();
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
     * from an independent {@code MersenneTwister} seeded with the dropout stream of {@code seed} ({@link Seeds}).
     */
    public static Network build(NetworkSpec spec, int inputSize, Loss loss, long seed) {
        return build(spec, inputSize, loss, new MersenneTwister(seed), new MersenneTwister(Seeds.derive(seed, Seeds.DROPOUT)));
    }

    /** The output for a batch, one row per sample; the matrix is a reused buffer valid until the next call. */
    public DenseMatrix forward(RealMatrix x, boolean training) {
        DenseMatrix out = DenseMatrix.of(x);
        for (Layer layer : layers) {
            out = layer.forward(out, training);
        }
        return out;
    }

    /** The output for {@code x} in inference mode (no dropout, running statistics), as a new matrix the caller owns. */
    public DenseMatrix predict(RealMatrix x) {
        return forward(x, false).copy();
    }

    /** The loss of the network on (x, y) in inference mode. */
    public double loss(RealMatrix x, RealMatrix y, Reduction reduction) {
        forward(x, false);
        DenseMatrix target = requireTarget(y);
        return loss.value(outputLayer.activation(), outputLayer.preActivation(), outputLayer.output(), target, reduction);
    }

    /** The unreduced loss sum of the last {@link #forward} batch against targets {@code y}. */
    public double lossSumOfLastForward(RealMatrix y) {
        DenseMatrix target = requireTarget(y);
        return loss.sum(outputLayer.activation(), outputLayer.preActivation(), outputLayer.output(), target);
    }

    /**
     * The weighted, unreduced loss sum Σ_i w_i ℓ_i of the last {@link #forward} batch against targets {@code y}
     * ({@code weights} holds at least one entry per row; the first ones are used).
     */
    public double weightedLossSumOfLastForward(RealMatrix y, double[] weights) {
        DenseMatrix target = requireTarget(y);
        requireWeights(weights, target.getRowDimension());
        return weightedSum(target, weights);
    }

    /** The output of the last {@link #forward} batch (the output layer's reused buffer). */
    public DenseMatrix lastOutput() {
        return outputLayer.output();
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
     * pass: {@code training = false} (no dropout, running statistics) gives the gradient of exactly the
     * function that {@link #loss} evaluates.
     */
    public double computeGradient(RealMatrix x, RealMatrix y, Reduction reduction, boolean training) {
        forward(x, training);
        DenseMatrix target = requireTarget(y);
        double sum = backpropagate(target, reduction.scale(target.getRowDimension()), gradients, false);
        return sum * reduction.scale(target.getRowDimension());
    }

    /**
     * One training forward and backward pass on (x, y) with per-row weights w_i (at least one per row of x; the
     * first ones are used, so a batch may pass a longer reused buffer): fills {@link #gradients()} with the
     * gradient of L = Σ_i w_i ℓ_i / D and returns L, where D is {@code normalization}'s denominator under
     * {@code reduction} ({@link WeightNormalization#denominator}). Row i's output delta is scaled by w_i / D.
     */
    public double computeGradient(RealMatrix x, RealMatrix y, double[] weights, Reduction reduction,
                                  WeightNormalization normalization, boolean training) {
        forward(x, training);
        DenseMatrix target = requireTarget(y);
        int rows = target.getRowDimension();
        requireWeights(weights, rows);
        double weightSum = 0;
        for (int r = 0; r < rows; r++) {
            weightSum += weights[r];
        }
        double denominator = normalization.denominator(reduction, rows, weightSum);
        if (!(denominator > 0)) {
            throw new IllegalArgumentException("the weights of a batch of " + rows + " rows sum to " + weightSum
                    + ": a weighted mean needs a positive sum; give some row of every batch a weight > 0, or use "
                    + "weightNormalization " + WeightNormalization.ROWS.notation());
        }
        double sum = backpropagateWeighted(target, weights, 1.0 / denominator, gradients, false);
        return sum / denominator;
    }

    /**
     * ADDS the gradient of the weighted, unreduced loss Σ_i w_i ℓ_i over (x, y) to {@code gradSum} and returns that
     * sum and the row count: the weighted counterpart of {@link #accumulateGradient(RealMatrix, RealMatrix, double[], boolean)}.
     */
    public LossSum accumulateWeightedGradient(RealMatrix x, RealMatrix y, double[] weights, double[] gradSum, boolean training) {
        if (gradSum.length != parameters.length) {
            throw new IllegalArgumentException("gradSum must have one entry per parameter (" + parameters.length
                    + " for " + spec.notation() + "), got " + gradSum.length);
        }
        forward(x, training);
        DenseMatrix target = requireTarget(y);
        requireWeights(weights, target.getRowDimension());
        double sum = backpropagateWeighted(target, weights, 1.0, gradSum, true);
        return new LossSum(sum, target.getRowDimension());
    }

    /**
     * ADDS the gradient of the summed (unreduced) loss over (x, y) to {@code gradSum} (laid out as
     * {@link #layout()}) and returns that loss sum and the row count. Summing halves of a batch gives
     * the gradient of the whole: the seam for L-BFGS, checkpoints and data-parallel training.
     */
    public LossSum accumulateGradient(RealMatrix x, RealMatrix y, double[] gradSum) {
        return accumulateGradient(x, y, gradSum, true);
    }

    /** As {@link #accumulateGradient(RealMatrix, RealMatrix, double[])} with the forward pass's mode chosen. */
    public LossSum accumulateGradient(RealMatrix x, RealMatrix y, double[] gradSum, boolean training) {
        if (gradSum.length != parameters.length) {
            throw new IllegalArgumentException("gradSum must have one entry per parameter (" + parameters.length
                    + " for " + spec.notation() + "), got " + gradSum.length);
        }
        forward(x, training);
        DenseMatrix target = requireTarget(y);
        double sum = backpropagate(target, 1.0, gradSum, true);
        return new LossSum(sum, target.getRowDimension());
    }

    /**
     * The loss of this network's parameters on (x, y) as an {@link Objective}: the summed loss over every
     * row and its gradient. In training mode (batch statistics) the network's state is put back after
     * each evaluation, so evaluating never changes it; dropout is refused there, since each pass would
     * draw a new mask.
     */
    public Objective objective(RealMatrix x, RealMatrix y, boolean training) {
        return new NetworkObjective(this, DenseMatrix.of(x), DenseMatrix.of(y), training);
    }

    /** The weighted objective of these rows as an {@link Objective}: Σ w_i ℓ_i over every row, divided by D when a mean is taken. */
    public Objective objective(RealMatrix x, RealMatrix y, double[] weights, WeightNormalization normalization, boolean training) {
        return new NetworkObjective(this, DenseMatrix.of(x), DenseMatrix.of(y), weights.clone(), normalization, training);
    }

    /** δ at the output, then layer by layer down to the first; returns the unreduced loss sum. */
    private double backpropagate(DenseMatrix y, double scale, double[] target, boolean accumulate) {
        DenseMatrix z = outputLayer.preActivation();
        DenseMatrix a = outputLayer.output();
        double lossSum = loss.sum(outputLayer.activation(), z, a, y);
        return backpropagateFrom(outputDelta(y, scale), target, accumulate, lossSum);
    }

    /** As {@link #backpropagate} with row i's delta scaled by w_i·scale; returns Σ w_i ℓ_i. */
    private double backpropagateWeighted(DenseMatrix y, double[] weights, double scale, double[] target, boolean accumulate) {
        double lossSum = weightedSum(y, weights);
        DenseMatrix delta = outputDelta(y, 1.0);
        int cols = delta.getColumnDimension();
        double[] d = delta.data();
        int at = delta.offset();
        for (int r = 0; r < delta.getRowDimension(); r++) {
            double factor = weights[r] * scale;
            for (int c = 0; c < cols; c++) {
                d[at++] *= factor;
            }
        }
        return backpropagateFrom(delta, target, accumulate, lossSum);
    }

    /** δ = scale · ∂ℓ/∂z at the output layer, in its delta buffer. */
    private DenseMatrix outputDelta(DenseMatrix y, double scale) {
        DenseMatrix z = outputLayer.preActivation();
        DenseMatrix a = outputLayer.output();
        DenseMatrix delta = outputLayer.deltaBuffer();
        if (loss.fusesWith(outputLayer.activation())) {
            loss.fusedDelta(a, y, scale, delta);                         // δ = scale·(a − y)·c
        } else {
            loss.outputGradient(a, y, scale, delta);                     // ∂L/∂a ...
            outputLayer.activation().backward(z, a, delta, delta);       // ... ⊙ f'(z)
        }
        return delta;
    }

    private double weightedSum(DenseMatrix y, double[] weights) {
        int rows = y.getRowDimension();
        if (rowLosses.length < rows) {
            rowLosses = new double[rows];
        }
        loss.rowSums(outputLayer.activation(), outputLayer.preActivation(), outputLayer.output(), y, rowLosses);
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            sum += weights[r] * rowLosses[r];
        }
        return sum;
    }

    private static void requireWeights(double[] weights, int rows) {
        if (weights == null || weights.length < rows) {
            throw new IllegalArgumentException("a weighted pass over " + rows + " rows expected at least " + rows
                    + " row weights, got " + (weights == null ? "none" : weights.length) + ": pass one weight per row");
        }
    }

    private double backpropagateFrom(DenseMatrix delta, double[] target, boolean accumulate, double lossSum) {
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
                    + " (one row per sample, one column per output of " + spec.layers().get(spec.layers().size() - 1).notation()
                    + "), got " + target.getRowDimension() + "×" + target.getColumnDimension()
                    + (a.getColumnDimension() > 1 && target.getColumnDimension() == 1 ? ": one-hot encode class labels" : ""));
        }
        return target;
    }

    /**
     * Lets this network's matrix products use {@code threads} (the caller owns and closes them). The
     * results are bit-identical at any thread count: each product's rows or columns are split, never its sums.
     * An optimiser's update can run on the same threads: {@code optimizer.useThreads(network.layout().shares(threads))}.
     */
    public void useThreads(KernelThreads threads) {
        for (Layer layer : layers) {
            layer.useThreads(threads);
        }
    }

    /** All trainable parameters, live (writing here changes the network). */
    public double[] parameters() {
        return parameters;
    }

    /** The gradient of the last {@link #computeGradient} call, live, laid out as {@link #parameters()}. */
    public double[] gradients() {
        return gradients;
    }

    /** The state kept but not trained (running statistics), live; empty for most networks. */
    public double[] state() {
        return state;
    }

    public ParameterLayout layout() {
        return layout;
    }

    public ParameterLayout stateLayout() {
        return stateLayout;
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
