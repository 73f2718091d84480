package mlpkit.core.gradcheck;

import java.util.ArrayList;
import java.util.List;
import mlpkit.core.activation.LeakyRelu;
import mlpkit.core.activation.Relu;
import mlpkit.core.layer.Dense;
import mlpkit.core.layer.Layer;
import mlpkit.core.loss.Reduction;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.network.Network;
import mlpkit.core.network.ParameterTensor;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Compares a network's back-propagated gradient with central finite differences,
 * ∂L/∂θ_k ≈ (L(θ + h·e_k) − L(θ − h·e_k)) / 2h, in double precision, for any network and loss:
 * {@code GradientCheck.of(network).run(x, y)}.
 *
 * <p>Both sides use the inference-mode forward pass (dropout off), so they differentiate the same
 * function. The parameters are restored exactly afterwards. For large layers
 * {@link #maxEntriesPerTensor} checks evenly spaced entries instead of all of them.
 */
public final class GradientCheck {
    private final Network network;
    private Reduction reduction = Reduction.MEAN;
    private double step = 1e-5;
    private double floor = 1e-8;
    private int maxEntriesPerTensor = Integer.MAX_VALUE;

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

    /** Runs the check on inputs {@code x} with targets {@code y}. */
    public GradientCheckReport run(RealMatrix x, RealMatrix y) {
        network.computeGradient(x, y, reduction, false);
        double[] analytic = network.gradients().clone();
        double[] params = network.parameters();

        List<GradientCheckRow> rows = new ArrayList<>();
        List<ParameterTensor> tensors = network.layout().tensors();
        double[] layerSums = new double[3];   // Σ(a − n)², Σa², Σn² over the current layer's tensors
        int layerEntries = 0;
        for (int t = 0; t < tensors.size(); t++) {
            ParameterTensor tensor = tensors.get(t);
            double[] sums = new double[3];
            int[] entries = entriesOf(tensor);
            for (int k : entries) {
                double saved = params[k];
                params[k] = saved + step;
                double plus = network.loss(x, y, reduction);
                params[k] = saved - step;
                double minus = network.loss(x, y, reduction);
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
            boolean lastOfLayer = t + 1 == tensors.size() || tensors.get(t + 1).layerIndex() != tensor.layerIndex();
            if (lastOfLayer) {
                rows.add(row(tensor, "W,b", layerEntries, layerSums));
                layerSums = new double[3];
                layerEntries = 0;
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
     * ReLU kink, so inputs are redrawn from {@code rng} until every ReLU-family pre-activation is at
     * least {@link #KINK_MARGIN} from 0.
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
            if (closestPreActivationToKink(network, x) >= KINK_MARGIN) {
                return run(x, y);
            }
        }
        throw new IllegalStateException("no random input kept every ReLU pre-activation of " + network
                + " at least " + KINK_MARGIN + " from 0 in " + MAX_DRAWS
                + " draws: give the ReLU layers a non-zero bias initialiser, or check with fewer samples");
    }

    /**
     * min |z| over the pre-activations of the layers with a kink at 0 (relu, leakyRelu) for input
     * {@code x}, or +∞ when there are none. Central differences are only valid when this exceeds the
     * step times the size of the inputs.
     */
    public static double closestPreActivationToKink(Network network, RealMatrix x) {
        network.forward(x, false);
        double closest = Double.POSITIVE_INFINITY;
        for (Layer layer : network.layers()) {
            if (layer instanceof Dense dense
                    && (dense.activation() instanceof Relu || dense.activation() instanceof LeakyRelu)) {
                DenseMatrix z = dense.preActivation();
                double[] d = z.data();
                for (int k = z.offset(); k < z.offset() + z.size(); k++) {
                    closest = Math.min(closest, Math.abs(d[k]));
                }
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
