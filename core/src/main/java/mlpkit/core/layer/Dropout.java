package mlpkit.core.layer;

import java.util.List;
import mlpkit.core.concept.Concept;
import mlpkit.core.concept.Param;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.Kernels;
import mlpkit.core.matrix.MatrixBuffer;
import mlpkit.core.onnx.OnnxGraph;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Inverted dropout, {@code dropout(rate)}: in training each input is kept with probability p = 1 − rate and
 * scaled by 1/p, so the expected output equals the input and inference needs no rescaling; outside training
 * the layer is the identity. Masks come from the random generator the layer was built with (seeded by the
 * run), never from a global source. Backward multiplies by the same mask.
 */
public final class Dropout implements Layer {
    /** {@code dropout(rate)}: the fraction of inputs zeroed in training. */
    public record Spec(double rate) implements LayerSpec {
        public static final Concept<LayerSpec> CONCEPT = Concept.of(KIND, "dropout")
                .summary("inverted dropout: zero a fraction of the inputs in training, scale the rest by 1/(1 − rate)")
                .param(Param.real("rate").atLeast(0).lessThan(1).doc("the fraction of inputs dropped")
                        .hint("it is the fraction of inputs dropped, e.g. dropout(0.2)"))
                .build(Spec.class);

        public Spec {
            CONCEPT.check(rate);
        }

        @Override
        public int outputSize(int inputs) {
            return inputs;
        }

        @Override
        public Layer build(int inputs, RandomGenerator rng) {
            return new Dropout(rate, inputs, rng);
        }

        @Override
        public boolean randomInTraining() {
            return rate > 0;
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

    private final double rate;
    private final int size;
    private final RandomGenerator rng;
    private final MatrixBuffer mask;
    private final MatrixBuffer output;
    private final MatrixBuffer dInput;
    private DenseMatrix lastOutput;
    private boolean lastForwardMasked;

    private Dropout(double rate, int size, RandomGenerator rng) {
        this.rate = rate;
        this.size = size;
        this.rng = rng;
        this.mask = new MatrixBuffer(size);
        this.output = new MatrixBuffer(size);
        this.dInput = new MatrixBuffer(size);
    }

    @Override
    public DenseMatrix forward(DenseMatrix input, boolean training) {
        lastForwardMasked = training && rate > 0;
        if (!lastForwardMasked) {
            lastOutput = input;
            return input;
        }
        int rows = input.getRowDimension();
        DenseMatrix m = mask.rows(rows);
        double keep = 1.0 - rate;
        double scale = 1.0 / keep;
        double[] md = m.data();
        for (int k = 0; k < rows * size; k++) {
            md[k] = rng.nextDouble() < keep ? scale : 0.0;
        }
        DenseMatrix out = output.rows(rows);
        Kernels.hadamard(input, m, out);
        lastOutput = out;
        return out;
    }

    @Override
    public DenseMatrix backward(DenseMatrix dOut, double[] gradients, boolean accumulate, boolean needInputGradient) {
        if (!needInputGradient) {
            return null;
        }
        if (!lastForwardMasked) {
            return dOut;
        }
        DenseMatrix dIn = dInput.rows(dOut.getRowDimension());
        Kernels.hadamard(dOut, mask.rows(dOut.getRowDimension()), dIn);
        return dIn;
    }

    /** The identity in inference: no node. */
    @Override
    public String toOnnx(OnnxGraph graph, String input) {
        return input;
    }

    @Override
    public DenseMatrix output() {
        return lastOutput;
    }

    @Override
    public int inputSize() {
        return size;
    }

    @Override
    public int outputSize() {
        return size;
    }

    @Override
    public List<TensorShape> parameters() {
        return List.of();
    }

    @Override
    public void bind(double[] params, int offset) {
        // No parameters.
    }

    @Override
    public void initialize(RandomGenerator rng) {
        // No parameters.
    }
}
