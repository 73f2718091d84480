package mlpkit.core.layer;

import mlpkit.core.activation.Activation;
import mlpkit.core.init.Initializer;
import mlpkit.core.init.SameAsWeights;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.KernelThreads;
import mlpkit.core.matrix.Kernels;
import mlpkit.core.matrix.MatrixBuffer;
import mlpkit.core.network.DenseSpec;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A fully connected layer: z = x·W + b, a = f(z), with W of shape inputs × units and b of length
 * units, one row of x per sample.
 *
 * <p>Backward, for a batch with δ = ∂L/∂z (rows = samples):
 * ∂L/∂W = xᵀ·δ, ∂L/∂b = Σ_rows δ, ∂L/∂x = δ·Wᵀ. Sums over the batch, never a mix of sums and means:
 * the reduction (mean or sum) is already inside δ.
 */
public final class Dense implements Layer {
    private final DenseSpec spec;
    private final int inputs;
    private final int units;
    private DenseMatrix weights;
    /** Wᵀ, refreshed each backward pass: δ·Wᵀ then runs on the fast a·b kernel (same bits as a·bᵀ). */
    private DenseMatrix weightsTransposed;
    private KernelThreads threads = KernelThreads.single();
    private int weightOffset;
    private int biasOffset;
    private double[] params;

    private DenseMatrix input;
    private final MatrixBuffer z;
    private final MatrixBuffer a;
    private final MatrixBuffer dZ;
    private final MatrixBuffer dX;
    private double[] gradientTarget;
    private DenseMatrix weightGradientView;

    public Dense(DenseSpec spec, int inputs) {
        if (inputs <= 0) {
            throw new IllegalArgumentException("a dense layer needs at least one input, got " + inputs);
        }
        this.spec = spec;
        this.inputs = inputs;
        this.units = spec.units();
        this.z = new MatrixBuffer(units);
        this.a = new MatrixBuffer(units);
        this.dZ = new MatrixBuffer(units);
        this.dX = new MatrixBuffer(inputs);
    }

    @Override
    public void useThreads(KernelThreads threads) {
        this.threads = threads;
    }

    @Override
    public DenseMatrix forward(DenseMatrix x, boolean training) {
        requireInputWidth(x);
        input = x;
        DenseMatrix zOut = z.rows(x.getRowDimension());
        Kernels.multiplyAddRowVector(x, weights, params, biasOffset, zOut, threads); // z = x·W + b
        DenseMatrix aOut = a.rows(x.getRowDimension());
        spec.activation().forward(zOut, aOut);              // a = f(z)
        return aOut;
    }

    @Override
    public DenseMatrix backward(DenseMatrix dOut, double[] gradients, boolean accumulate, boolean needInputGradient) {
        DenseMatrix delta = dZ.rows(dOut.getRowDimension());
        spec.activation().backward(preActivation(), output(), dOut, delta);   // δ = ∂L/∂a ⊙ f'(z)
        return backwardFromDelta(delta, gradients, accumulate, needInputGradient);
    }

    /** Backward from δ = ∂L/∂z directly: the output layer's entry point when the loss fuses with f. */
    public DenseMatrix backwardFromDelta(DenseMatrix delta, double[] gradients, boolean accumulate,
                                         boolean needInputGradient) {
        Kernels.multiplyTransposeA(input, delta, weightGradient(gradients), accumulate, threads); // ∂L/∂W = xᵀ·δ
        Kernels.columnSums(delta, gradients, biasOffset, accumulate);                     // ∂L/∂b = Σ δ
        if (!needInputGradient) {
            return null;
        }
        DenseMatrix dInput = dX.rows(delta.getRowDimension());
        if (weightsTransposed == null) {
            weightsTransposed = new DenseMatrix(units, inputs);   // once; the first layer never needs it
        }
        Kernels.transpose(weights, weightsTransposed);
        Kernels.multiply(delta, weightsTransposed, dInput, false, threads);                 // ∂L/∂x = δ·Wᵀ
        return dInput;
    }

    /** A reused buffer for δ of the current batch, for the network to fill when the loss fuses. */
    public DenseMatrix deltaBuffer() {
        return dZ.rows(input.getRowDimension());
    }

    /** z of the last forward batch. */
    public DenseMatrix preActivation() {
        return z.rows(input.getRowDimension());
    }

    /** a = f(z) of the last forward batch. */
    public DenseMatrix output() {
        return a.rows(input.getRowDimension());
    }

    @Override
    public void initialize(RandomGenerator rng) {
        Initializer weightInit = spec.weightInit();
        if (spec.biasInit() instanceof SameAsWeights) {
            // The bias is column 0 of a folded units × (inputs + 1) matrix drawn row by row.
            for (int j = 0; j < units; j++) {
                params[biasOffset + j] = weightInit.sample(rng, inputs, units);
                for (int i = 0; i < inputs; i++) {
                    params[weightOffset + i * units + j] = weightInit.sample(rng, inputs, units);
                }
            }
            return;
        }
        for (int k = 0; k < inputs * units; k++) {
            params[weightOffset + k] = weightInit.sample(rng, inputs, units);
        }
        for (int j = 0; j < units; j++) {
            params[biasOffset + j] = spec.biasInit().sample(rng, inputs, units);
        }
    }

    @Override
    public void bind(double[] params, int offset) {
        this.params = params;
        this.weightOffset = offset;
        this.biasOffset = offset + inputs * units;
        this.weights = new DenseMatrix(inputs, units, params, weightOffset);
        this.gradientTarget = null;
    }

    /** W (inputs × units), a live view of the network's parameters. */
    public DenseMatrix weights() {
        return weights;
    }

    /** b as a 1 × units live view of the network's parameters. */
    public DenseMatrix bias() {
        return new DenseMatrix(1, units, params, biasOffset);
    }

    public Activation activation() {
        return spec.activation();
    }

    @Override
    public DenseSpec spec() {
        return spec;
    }

    @Override
    public int inputSize() {
        return inputs;
    }

    @Override
    public int outputSize() {
        return units;
    }

    @Override
    public int parameterCount() {
        return inputs * units + units;
    }

    private DenseMatrix weightGradient(double[] gradients) {
        if (gradients != gradientTarget) {
            gradientTarget = gradients;
            weightGradientView = new DenseMatrix(inputs, units, gradients, weightOffset);
        }
        return weightGradientView;
    }

    private void requireInputWidth(DenseMatrix x) {
        if (x.getColumnDimension() != inputs) {
            throw new IllegalArgumentException(spec.notation() + " expects " + inputs + " input columns, got "
                    + x.getColumnDimension() + ": the data must have as many features as the network's input");
        }
    }
}
