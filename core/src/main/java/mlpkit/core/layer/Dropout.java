package mlpkit.core.layer;

import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.Kernels;
import mlpkit.core.matrix.MatrixBuffer;
import mlpkit.core.network.DropoutSpec;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Inverted dropout: in training each input is kept with probability p = 1 − rate and scaled by 1/p,
 * so the expected output equals the input and inference needs no rescaling; outside training the
 * layer is the identity. Masks come from the random generator the layer was built with (seeded by the
 * run), never from a global source.
 */
public final class Dropout implements Layer {
    private final DropoutSpec spec;
    private final int size;
    private final RandomGenerator rng;
    private final MatrixBuffer mask;
    private final MatrixBuffer output;
    private final MatrixBuffer dInput;
    private boolean lastForwardMasked;

    public Dropout(DropoutSpec spec, int size, RandomGenerator rng) {
        this.spec = spec;
        this.size = size;
        this.rng = rng;
        this.mask = new MatrixBuffer(size);
        this.output = new MatrixBuffer(size);
        this.dInput = new MatrixBuffer(size);
    }

    @Override
    public DenseMatrix forward(DenseMatrix input, boolean training) {
        lastForwardMasked = training && spec.rate() > 0;
        if (!lastForwardMasked) {
            return input;
        }
        int rows = input.getRowDimension();
        DenseMatrix m = mask.rows(rows);
        double keep = 1.0 - spec.rate();
        double scale = 1.0 / keep;
        double[] md = m.data();
        for (int k = 0; k < rows * size; k++) {
            md[k] = rng.nextDouble() < keep ? scale : 0.0;
        }
        DenseMatrix out = output.rows(rows);
        Kernels.hadamard(input, m, out);
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

    @Override
    public DropoutSpec spec() {
        return spec;
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
    public int parameterCount() {
        return 0;
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
