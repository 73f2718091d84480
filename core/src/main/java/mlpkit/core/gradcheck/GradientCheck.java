package mlpkit.core.gradcheck;

import java.util.ArrayList;
import java.util.List;
import mlpkit.core.layer.Layer;
import mlpkit.core.loss.Reduction;
import mlpkit.core.loss.WeightNormalization;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.network.Network;
import mlpkit.core.network.Objective;
import mlpkit.core.network.ParameterTensor;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Compares a network's back-propagated gradient with central finite differences,
 * ∂L/∂θ_k ≈ (L(θ + h·e_k) − L(θ − h·e_k)) / 2h, in double precision, for any network and loss:
 * {@code GradientCheck.of(network).run(x, y)}.
 *
 * <p>Both sides go through the network's {@link Objective} in inference mode (dropout off, running
 * statistics) unless {@link #inTrainingMode()} asks for batch statistics, so they differentiate the same
 * function. The parameters and the network's state are restored exactly afterwards. For large layers
 * {@link #maxEntriesPerTensor} checks evenly spaced entries instead of all of them.
 */
public final class GradientCheck {
    private final Network network;
    private Reduction reduction = Reduction.MEAN;
    private double step = 1e-5;
    private double floor = 1e-8;
    private int maxEntriesPerTensor = Integer.MAX_VALUE;
    private boolean training;
    private double[] weights;
    private WeightNormalization normalization = WeightNormalization.DEFAULT;

    private GradientCheck(Network network) {
        this.network = network;
    }

    public static GradientCheck of(Network network) {
        return new GradientCheck(network);
    }

    /** The reduction of the loss being differentiated (default mean). */
    public GradientCheck reduction(Reduction reduction) {
        this.reduction = reduction;
        return this;
    }

    /**
     * The finite-difference step h (default 1e-5, near ε^(1/3) for doubles, which balances the O(h²)
     * truncation error against the O(ε/h) rounding error).
     */
    public GradientCheck step(double step) {
        if (!(step > 0)) {
            throw new IllegalArgumentException("the finite-difference step must be > 0, got " + step);
        }
        this.step = step;
        return this;
    }

    /**
     * The absolute floor of the relative error's denominator (default 1e-8): a tensor whose gradients
     * are both tinier than that is judged by its absolute difference divided by the floor instead of
     * by a ratio of two round-off-sized numbers.
     */
    public GradientCheck floor(double floor) {
        if (!(floor > 0)) {
            throw new IllegalArgumentException("the floor must be > 0, got " + floor);
        }
        this.floor = floor;
        return this;
    }

    /** Checks at most this many evenly spaced entries of each tensor (default: all). */
    public GradientCheck maxEntriesPerTensor(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxEntriesPerTensor must be ≥ 1, got " + max);
        }
        this.maxEntriesPerTensor = max;
        return this;
    }

    /**
     * Differentiates the loss in training mode (batch statistics; dropout is refused, since each pass would
     * draw a new mask) instead of inference mode. The network's state is left as it was either way.
     */
    public GradientCheck inTrainingMode() {
        this.training = true;
        return this;
    }

    /**
     * Differentiates the weighted loss Σ w_i ℓ_i / D instead ({@link WeightNormalization}; D = 1 with the sum
     * reduction): {@code weights} holds one weight per row of the inputs {@link #run} is given.
     */
    public GradientCheck weights(double[] weights, WeightNormalization normalization) {
        this.weights = weights.clone();
        this.normalization = normalization;
        return this;
    }

    /** Runs the check on inputs {@code x} with targets {@code y}. */
    public GradientCheckReport run(RealMatrix x, RealMatrix y) {
        Objective objective = weights == null ? network.objective(x, y, training)
                : network.objective(x, y, weights, normalization, training);
        double[] params = network.parameters();
        double[] analytic = new double[params.length];
        Objective.Evaluation at = objective.evaluate(params, analytic);
        double scale = weights == null ? reduction.scale((int) at.rows())
                : reduction == Reduction.MEAN ? 1.0 / at.denominator() : 1.0;
        for (int k = 0; k < analytic.length; k++) {
            analytic[k] *= scale;
        }

        List<GradientCheckRow> rows = new ArrayList<>();
        List<ParameterTensor> tensors = network.layout().tensors();
        double[] layerSums = new double[3];   // Σ(a − n)², Σa², Σn² over the current layer's tensors
        int layerEntries = 0;
        List<String> layerTensors = new ArrayList<>();
        for (int t = 0; t < tensors.size(); t++) {
            ParameterTensor tensor = tensors.get(t);
            double[] sums = new double[3];
            int[] entries = entriesOf(tensor);
            for (int k : entries) {
                double saved = params[k];
                params[k] = saved + step;
                double plus = objective.value(params).lossSum() * scale;
                params[k] = saved - step;
                double minus = objective.value(params).lossSum() * scale;
                params[k] = saved;
                double numeric = (plus - minus) / (2 * step);
                double diff = analytic[k] - numeric;
                sums[0] += diff * diff;
                sums[1] += analytic[k] * analytic[k];
                sums[2] += numeric * numeric;
            }
            rows.add(row(tensor, tensor.name(), entries.length, sums));
            for (int i = 0; i < 3; i++) {
                layerSums[i] += sums[i];
            }
            layerEntries += entries.length;
            layerTensors.add(tensor.name());
            boolean lastOfLayer = t + 1 == tensors.size() || tensors.get(t + 1).layerIndex() != tensor.layerIndex();
            if (lastOfLayer) {
                rows.add(row(tensor, String.join(",", layerTensors), layerEntries, layerSums));
                layerSums = new double[3];
                layerEntries = 0;
                layerTensors = new ArrayList<>();
            }
        }
        return new GradientCheckReport(network.toString(), network.lossFunction().notation(), reduction.notation(), rows);
    }

    /** How far (in |z|) every ReLU-family pre-activation must stay from the kink at 0 for {@link #runOnRandomData}. */
    public static final double KINK_MARGIN = 1e-3;
    private static final int MAX_DRAWS = 100;

    /**
     * Runs the check on {@code samples} random rows: inputs from N(0, 1), targets that fit the network's
     * loss (0/1 for binary cross-entropy, one-hot rows for softmax cross-entropy, values in the output
     * activation's range for squared errors). Finite differences are wrong where a ±h step crosses a
     * kink (a ReLU's 0, the absolute error's a = y), so inputs and targets are redrawn from {@code rng}
     * until every pre-activation and output error is at least {@link #KINK_MARGIN} from one.
     *
     * @throws IllegalStateException when no draw out of 100 keeps that margin (for example a ReLU layer
     *                               whose previous layer is entirely dead, so that z = b = 0 exactly)
     */
    public GradientCheckReport runOnRandomData(int samples, RandomGenerator rng) {
        if (samples < 1) {
            throw new IllegalArgumentException("the gradient check needs at least one sample, got " + samples);
        }
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            DenseMatrix x = new DenseMatrix(samples, network.inputSize());
            for (int k = 0; k < x.size(); k++) {
                x.data()[k] = rng.nextGaussian();
            }
            DenseMatrix y = RandomTargets.fitting(network, samples, rng);
            if (closestToKink(network, x, training) >= KINK_MARGIN && closestToLossKink(network, x, y) >= KINK_MARGIN) {
                return run(x, y);
            }
        }
        throw new IllegalStateException("no random input kept every ReLU pre-activation of " + network
                + " at least " + KINK_MARGIN + " from 0 in " + MAX_DRAWS
                + " draws: give the ReLU layers a non-zero bias initialiser, or check with fewer samples");
    }

    /**
     * How close the forward pass of {@code x} (in the check's mode) comes to a point where a layer has no
     * derivative (a ReLU's 0), or +∞ when no layer has one. Central differences are only valid when this
     * exceeds the step times the size of the inputs.
     */
    public static double closestPreActivationToKink(Network network, RealMatrix x) {
        return closestToKink(network, x, false);
    }

    private static double closestToKink(Network network, RealMatrix x, boolean training) {
        double[] saved = network.state().clone();
        network.forward(x, training);
        System.arraycopy(saved, 0, network.state(), 0, saved.length);
        double closest = Double.POSITIVE_INFINITY;
        for (Layer layer : network.layers()) {
            closest = Math.min(closest, layer.closestToKink());
        }
        return closest;
    }

    /**
     * How close the outputs for {@code x} come to a point where the loss has no derivative (the absolute error's
     * a = y), or +∞ when the loss has none.
     */
    private double closestToLossKink(Network network, DenseMatrix x, DenseMatrix y) {
        double[] kinks = network.lossFunction().kinks();
        if (kinks.length == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double[] saved = network.state().clone();
        DenseMatrix a = network.forward(x, training);
        System.arraycopy(saved, 0, network.state(), 0, saved.length);
        double closest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < a.size(); k++) {
            double d = a.data()[a.offset() + k] - y.data()[y.offset() + k];
            for (double kink : kinks) {
                closest = Math.min(closest, Math.abs(d - kink));
            }
        }
        return closest;
    }

    private GradientCheckRow row(ParameterTensor tensor, String name, int entries, double[] sums) {
        double analyticNorm = Math.sqrt(sums[1]);
        double numericNorm = Math.sqrt(sums[2]);
        double error = Math.sqrt(sums[0]) / Math.max(analyticNorm + numericNorm, floor);
        return new GradientCheckRow(tensor.layerIndex(), tensor.layerNotation(), name, entries, analyticNorm,
                numericNorm, error);
    }

    /** All flat indices of the tensor, or {@link #maxEntriesPerTensor} of them evenly spaced. */
    private int[] entriesOf(ParameterTensor tensor) {
        int count = Math.min(tensor.size(), maxEntriesPerTensor);
        int[] entries = new int[count];
        for (int e = 0; e < count; e++) {
            entries[e] = tensor.offset() + (int) ((long) e * tensor.size() / count);
        }
        return entries;
    }
}
