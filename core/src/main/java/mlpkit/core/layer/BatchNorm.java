package mlpkit.core.layer;

import java.util.List;
import mlpkit.core.concept.Concept;
import mlpkit.core.concept.Param;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.MatrixBuffer;
import mlpkit.core.onnx.OnnxAttribute;
import mlpkit.core.onnx.OnnxGraph;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Batch normalisation over the features of a batch (Ioffe &amp; Szegedy 2015, as Keras'
 * {@code BatchNormalization(momentum=0.99, epsilon=1e-3)} on a 2-D input, same defaults), one mean and variance
 * per column, with trainable γ ({@code gamma}, initially 1) and β ({@code beta}, initially 0) and kept
 * statistics {@code movingMean} (initially 0) and {@code movingVariance} (initially 1). Written
 * {@code batchNorm(momentum=0.99, eps=0.001)} ({@link Spec}).
 *
 * <p>Forward in training, over a batch of N rows: μ = (1/N)·Σ x, σ² = (1/N)·Σ (x − μ)² (biased, two passes),
 * x̂ = (x − μ)/√(σ² + eps), out = γ·x̂ + β; then, as Keras,
 * moving = moving·momentum + batch·(1 − momentum) for the mean and the (biased) variance. Forward in
 * inference: the same affine map with the moving statistics in place of μ and σ², which stay unchanged.
 *
 * <p>Backward, for dy = ∂L/∂out of the last forward batch: ∂L/∂β = Σ dy, ∂L/∂γ = Σ dy·x̂, and
 * <ul>
 *   <li>after a training forward (through the batch statistics):
 *       ∂L/∂x = (γ/√(σ² + eps))·(dy − mean(dy) − x̂·mean(dy·x̂)), the means over the batch's rows;</li>
 *   <li>after an inference forward (a fixed affine map): ∂L/∂x = dy·γ/√(movingVariance + eps).</li>
 * </ul>
 * A column that is constant in the batch has σ² = 0, x̂ = 0 and stays finite thanks to eps. The layer draws no
 * random numbers, so the layers after it are initialised as they would be without it.
 */
public final class BatchNorm implements Layer {
    /** {@code batchNorm(momentum=0.99, eps=0.001)}: Keras' defaults. */
    public record Spec(double momentum, double eps) implements LayerSpec {
        public static final Concept<LayerSpec> CONCEPT = Concept.of(KIND, "batchNorm")
                .summary("x̂ = (x − μ)/√(σ² + eps) per feature over the batch (moving averages in inference), out = γ·x̂ + β")
                .param(Param.real("momentum", 0.99).atLeast(0).lessThan(1)
                        .doc("the weight of the old moving statistics at each training batch")
                        .hint("Keras uses 0.99, PyTorch's momentum 0.1 is 0.9 here"))
                .param(Param.real("eps", 1e-3).greaterThan(0).doc("added to the variance before the square root")
                        .hint("e.g. 0.001 (Keras) or 1e-5 (PyTorch)"))
                .build(Spec.class);

        public Spec {
            CONCEPT.check(momentum, eps);
        }

        /** Keras' defaults, momentum 0.99 and eps 0.001. */
        public Spec() {
            this(0.99, 1e-3);
        }

        @Override
        public int outputSize(int inputs) {
            return inputs;
        }

        /** gamma and beta, and the moving mean and variance kept as state. */
        @Override
        public long parameterCount(int inputs) {
            return 4L * inputs;
        }

        @Override
        public Layer build(int inputs, RandomGenerator rng) {
            return new BatchNorm(inputs, momentum, eps, notation());
        }

        @Override
        public Concept<LayerSpec> concept() {
            return CONCEPT;
        }

        @Override
        public String toString() {
            return notation();
        }
    }

    private final int size;
    private final double momentum;
    private final double eps;
    private final String notation;
    private double[] params;
    private int gammaOffset;
    private int betaOffset;
    private double[] state;
    private int meanOffset;
    private int varianceOffset;

    private final MatrixBuffer normalised;
    private final MatrixBuffer output;
    private final MatrixBuffer dInput;
    /** The last forward batch's μ (batch or moving) and √(σ² + eps) per column. */
    private final double[] mean;
    private final double[] std;
    /** Σ dy and Σ dy·x̂ per column of the last backward batch. */
    private final double[] sumDy;
    private final double[] sumDyXhat;
    private boolean lastTraining;
    private int lastRows;

    private BatchNorm(int size, double momentum, double eps, String notation) {
        if (size <= 0) {
            throw new IllegalArgumentException(notation + " needs at least one input, got " + size);
        }
        this.size = size;
        this.momentum = momentum;
        this.eps = eps;
        this.notation = notation;
        this.normalised = new MatrixBuffer(size);
        this.output = new MatrixBuffer(size);
        this.dInput = new MatrixBuffer(size);
        this.mean = new double[size];
        this.std = new double[size];
        this.sumDy = new double[size];
        this.sumDyXhat = new double[size];
    }

    @Override
    public DenseMatrix forward(DenseMatrix x, boolean training) {
        if (x.getColumnDimension() != size) {
            throw new IllegalArgumentException(notation + " expects " + size + " input columns, got " + x.getColumnDimension());
        }
        int rows = x.getRowDimension();
        double[] xd = x.data();
        int xo = x.offset();
        if (training) {
            java.util.Arrays.fill(mean, 0.0);
            java.util.Arrays.fill(std, 0.0);
            for (int i = 0; i < rows; i++) {
                for (int j = 0, k = xo + i * size; j < size; j++, k++) {
                    mean[j] += xd[k];
                }
            }
            for (int j = 0; j < size; j++) {
                mean[j] /= rows;
            }
            for (int i = 0; i < rows; i++) {                       // σ² in a second pass: no cancellation
                for (int j = 0, k = xo + i * size; j < size; j++, k++) {
                    double d = xd[k] - mean[j];
                    std[j] += d * d;
                }
            }
            for (int j = 0; j < size; j++) {
                double variance = std[j] / rows;
                state[meanOffset + j] = state[meanOffset + j] * momentum + mean[j] * (1 - momentum);
                state[varianceOffset + j] = state[varianceOffset + j] * momentum + variance * (1 - momentum);
                std[j] = Math.sqrt(variance + eps);
            }
        } else {
            for (int j = 0; j < size; j++) {
                mean[j] = state[meanOffset + j];
                std[j] = Math.sqrt(state[varianceOffset + j] + eps);
            }
        }
        DenseMatrix xHat = normalised.rows(rows);
        DenseMatrix out = output.rows(rows);
        double[] hd = xHat.data();
        double[] od = out.data();
        for (int i = 0; i < rows; i++) {
            for (int j = 0, k = i * size; j < size; j++, k++) {
                double h = (xd[xo + k] - mean[j]) / std[j];
                hd[k] = h;
                od[k] = params[gammaOffset + j] * h + params[betaOffset + j];
            }
        }
        lastTraining = training;
        lastRows = rows;
        return out;
    }

    @Override
    public DenseMatrix backward(DenseMatrix dOut, double[] gradients, boolean accumulate, boolean needInputGradient) {
        int rows = dOut.getRowDimension();
        if (rows != lastRows || dOut.getColumnDimension() != size) {
            throw new IllegalArgumentException(notation + ": the gradient must be " + lastRows + "×" + size
                    + " like the last forward batch, got " + rows + "×" + dOut.getColumnDimension());
        }
        double[] gd = dOut.data();
        int go = dOut.offset();
        double[] hd = normalised.rows(rows).data();
        java.util.Arrays.fill(sumDy, 0.0);
        java.util.Arrays.fill(sumDyXhat, 0.0);
        for (int i = 0; i < rows; i++) {
            for (int j = 0, k = i * size; j < size; j++, k++) {
                double dy = gd[go + k];
                sumDy[j] += dy;
                sumDyXhat[j] += dy * hd[k];
            }
        }
        for (int j = 0; j < size; j++) {
            gradients[gammaOffset + j] = (accumulate ? gradients[gammaOffset + j] : 0.0) + sumDyXhat[j];   // ∂L/∂γ = Σ dy·x̂
            gradients[betaOffset + j] = (accumulate ? gradients[betaOffset + j] : 0.0) + sumDy[j];         // ∂L/∂β = Σ dy
        }
        if (!needInputGradient) {
            return null;
        }
        DenseMatrix dX = dInput.rows(rows);
        double[] dd = dX.data();
        for (int i = 0; i < rows; i++) {
            for (int j = 0, k = i * size; j < size; j++, k++) {
                double scale = params[gammaOffset + j] / std[j];
                double dy = gd[go + k];
                dd[k] = lastTraining
                        ? scale * (dy - sumDy[j] / rows - hd[k] * (sumDyXhat[j] / rows))   // through μ and σ² of the batch
                        : scale * dy;                                                       // a fixed affine map
            }
        }
        return dX;
    }

    @Override
    public DenseMatrix output() {
        return output.rows(lastRows);
    }

    @Override
    public void initialize(RandomGenerator rng) {
        if (params == null || state == null) {
            throw new IllegalStateException(notation + ": bind its parameters and its state before initialising it");
        }
        for (int j = 0; j < size; j++) {
            params[gammaOffset + j] = 1.0;
            params[betaOffset + j] = 0.0;
            state[meanOffset + j] = 0.0;
            state[varianceOffset + j] = 1.0;
        }
    }

    @Override
    public List<TensorShape> parameters() {
        return List.of(new TensorShape("gamma", 1, size, false), new TensorShape("beta", 1, size, false));
    }

    @Override
    public void bind(double[] params, int offset) {
        this.params = params;
        this.gammaOffset = offset;
        this.betaOffset = offset + size;
    }

    /**
     * Inference form as ONNX's BatchNormalization(x, γ, β, moving mean, v) with v = movingVariance + eps, computed
     * in float64 as here, and epsilon = 0: the attribute epsilon is a float32, which would round eps (0.001 by
     * 4.7e−11), so it is added before the file rounds anything.
     */
    @Override
    public String toOnnx(OnnxGraph graph, String input) {
        double[] varianceAndEps = new double[size];
        for (int j = 0; j < size; j++) {
            varianceAndEps[j] = state[varianceOffset + j] + eps;
        }
        String gamma = graph.constant("gamma", new long[] {size}, params, gammaOffset);
        String beta = graph.constant("beta", new long[] {size}, params, betaOffset);
        String mean = graph.constant("moving_mean", new long[] {size}, state, meanOffset);
        String variance = graph.vector("moving_variance_plus_eps", varianceAndEps);
        return graph.node("BatchNormalization", List.of(input, gamma, beta, mean, variance), OnnxAttribute.real("epsilon", 0.0));
    }

    @Override
    public List<TensorShape> state() {
        return List.of(new TensorShape("movingMean", 1, size, false), new TensorShape("movingVariance", 1, size, false));
    }

    @Override
    public void bindState(double[] state, int offset) {
        this.state = state;
        this.meanOffset = offset;
        this.varianceOffset = offset + size;
    }

    @Override
    public int inputSize() {
        return size;
    }

    @Override
    public int outputSize() {
        return size;
    }
}
