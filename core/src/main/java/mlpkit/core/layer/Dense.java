package mlpkit.core.layer;

import java.util.List;
import mlpkit.core.activation.Activation;
import mlpkit.core.activation.ElementWise;
import mlpkit.core.concept.Arguments;
import mlpkit.core.concept.Concept;
import mlpkit.core.concept.Param;
import mlpkit.core.init.GlorotUniform;
import mlpkit.core.init.Initializer;
import mlpkit.core.init.Zeros;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.KernelThreads;
import mlpkit.core.matrix.Kernels;
import mlpkit.core.matrix.MatrixBuffer;
import mlpkit.core.onnx.OnnxGraph;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A fully connected layer: z = x·W + b, a = f(z), with W of shape inputs × units and b of length
 * units, one row of x per sample. Written {@code dense(units, activation, weights=init, bias=init)}
 * ({@link Spec}).
 *
 * <p>Backward, for a batch with δ = ∂L/∂z (rows = samples):
 * ∂L/∂W = xᵀ·δ, ∂L/∂b = Σ_rows δ, ∂L/∂x = δ·Wᵀ. Sums over the batch, never a mix of sums and means:
 * the reduction (mean or sum) is already inside δ.
 */
public final class Dense implements OutputLayer {
    /**
     * {@code dense(units, activation[, weights=init][, bias=init])}: the initialisers default to Glorot-uniform
     * weights and zero biases, and are written only when they differ from those.
     */
    public record Spec(int units, Activation activation, Initializer weights, Initializer bias) implements LayerSpec {
        public static final Concept<LayerSpec> CONCEPT = Concept.of(KIND, "dense")
                .summary("fully connected: z = x·W + b, a = f(z)")
                .param(Param.integer("units").atLeast(1).doc("the number of outputs").hint("e.g. dense(10, relu)"))
                .param(Param.concept("activation", Activation.KIND).doc("f, applied to z"))
                .param(Param.concept("weights", Initializer.KIND, new GlorotUniform()).doc("how W is drawn"))
                .param(Param.concept("bias", Initializer.KIND, new Zeros()).doc("how b is drawn"))
                .rule("units", Spec::unitsProblem, "")
                .rule("weights", args -> !args.value("weights", Initializer.class).biasOnly(),
                        "a weight initialiser such as glorotUniform or normal(1.0)",
                        "'weights' draws the bias like the weights, so it belongs in bias=")
                .build(Spec.class);

        public Spec {
            CONCEPT.check(units, activation, weights, bias);
        }

        /** A dense layer with the default initialisers. */
        public Spec(int units, Activation activation) {
            this(units, activation, new GlorotUniform(), new Zeros());
        }

        private static String unitsProblem(Arguments args) {
            String problem = args.value("activation", Activation.class).unitsProblem(args.integer("units"));
            return problem == null ? null : "a number of units that suits " + args.value("activation", Activation.class).notation()
                    + " (" + problem + ")";
        }

        @Override
        public int outputSize(int inputs) {
            return units;
        }

        /** W (inputs × units) and b (units). */
        @Override
        public long parameterCount(int inputs) {
            return (long) inputs * units + units;
        }

        @Override
        public Layer build(int inputs, RandomGenerator rng) {
            return new Dense(inputs, units, activation, weights, bias, notation());
        }

        @Override
        public Activation outputActivation() {
            return activation;
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

    private final int inputs;
    private final int units;
    private final Activation activation;
    private final Initializer weightInit;
    private final Initializer biasInit;
    private final String notation;
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

    private Dense(int inputs, int units, Activation activation, Initializer weightInit, Initializer biasInit, String notation) {
        if (inputs <= 0) {
            throw new IllegalArgumentException(notation + " needs at least one input, got " + inputs);
        }
        this.inputs = inputs;
        this.units = units;
        this.activation = activation;
        this.weightInit = weightInit;
        this.biasInit = biasInit;
        this.notation = notation;
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
        DenseMatrix aOut = a.rows(x.getRowDimension());
        if (activation instanceof ElementWise f) {
            // z = x·W + b and a = f(z), each block of rows mapped as the product finishes it
            Kernels.multiplyAddRowVector(x, weights, params, biasOffset, zOut, f, aOut, threads);
        } else {
            Kernels.multiplyAddRowVector(x, weights, params, biasOffset, zOut, threads); // z = x·W + b
            activation.forward(zOut, aOut);                                             // a = f(z)
        }
        return aOut;
    }

    @Override
    public DenseMatrix backward(DenseMatrix dOut, double[] gradients, boolean accumulate, boolean needInputGradient) {
        DenseMatrix delta = dZ.rows(dOut.getRowDimension());
        activation.backward(preActivation(), output(), dOut, delta);                // δ = ∂L/∂a ⊙ f'(z)
        return backwardFromDelta(delta, gradients, accumulate, needInputGradient);
    }

    @Override
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

    @Override
    public DenseMatrix deltaBuffer() {
        return dZ.rows(input.getRowDimension());
    }

    @Override
    public DenseMatrix preActivation() {
        return z.rows(input.getRowDimension());
    }

    @Override
    public DenseMatrix output() {
        return a.rows(input.getRowDimension());
    }

    @Override
    public Activation activation() {
        return activation;
    }

    @Override
    public void initialize(RandomGenerator rng) {
        if (biasInit.biasOnly()) {
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
            params[biasOffset + j] = biasInit.sample(rng, inputs, units);
        }
    }

    @Override
    public List<TensorShape> parameters() {
        return List.of(new TensorShape("W", inputs, units, true), new TensorShape("b", 1, units, false));
    }

    @Override
    public void bind(double[] params, int offset) {
        this.params = params;
        this.weightOffset = offset;
        this.biasOffset = offset + inputs * units;
        this.weights = new DenseMatrix(inputs, units, params, weightOffset);
        this.gradientTarget = null;
    }

    @Override
    public double closestToKink() {
        double[] kinks = activation.kinks();
        if (kinks.length == 0 || input == null) {
            return Double.POSITIVE_INFINITY;
        }
        DenseMatrix zs = preActivation();
        double[] d = zs.data();
        double closest = Double.POSITIVE_INFINITY;
        for (int k = zs.offset(); k < zs.offset() + zs.size(); k++) {
            for (double kink : kinks) {
                closest = Math.min(closest, Math.abs(d[k] - kink));
            }
        }
        return closest;
    }

    /** z = x·W + b as ONNX's Gemm (W stored inputs × units, as here), then the activation's own form. */
    @Override
    public String toOnnx(OnnxGraph graph, String input) {
        String w = graph.constant("W", new long[] {inputs, units}, params, weightOffset);
        String b = graph.constant("b", new long[] {units}, params, biasOffset);
        return activation.toOnnx(graph, graph.node("Gemm", List.of(input, w, b)));
    }

    /** W (inputs × units), a live view of the network's parameters. */
    public DenseMatrix weights() {
        return weights;
    }

    /** b as a 1 × units live view of the network's parameters. */
    public DenseMatrix bias() {
        return new DenseMatrix(1, units, params, biasOffset);
    }

    @Override
    public int inputSize() {
        return inputs;
    }

    @Override
    public int outputSize() {
        return units;
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
            throw new IllegalArgumentException(notation + " expects " + inputs + " input columns, got "
                    + x.getColumnDimension() + ": the data must have as many features as the network's input");
        }
    }
}
