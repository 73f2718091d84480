package mlpkit.core.loss;

import mlpkit.core.activation.Activation;
import mlpkit.core.activation.Softmax;
import mlpkit.core.concept.Concept;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.Kernels;

/**
 * ℓ = −Σ_k y_k log softmax(z)_k = Σ_k y_k (logsumexp(z) − z_k) (the negative log-likelihood of a
 * categorical distribution), evaluated from the logits with logsumexp(z) = max z + log Σ_j e^(z_j − max z),
 * so it never takes the log of 0. Only defined after a softmax output, with which it fuses to
 * ∂ℓ/∂z = a·Σ_k y_k − y, the familiar a − y for targets that sum to 1.
 */
public record SoftmaxCrossEntropy() implements Loss {
    public static final Concept<Loss> CONCEPT = Concept.of(KIND, "softmax-ce").alias("softmaxCrossEntropy")
            .summary("−Σ_k y_k log softmax(z)_k from the logits of a softmax output")
            .build(SoftmaxCrossEntropy.class);

    @Override
    public double sum(Activation outputActivation, DenseMatrix z, DenseMatrix a, DenseMatrix y) {
        Kernels.requireSameShape(z, y);
        int rows = z.getRowDimension(), cols = z.getColumnDimension();
        double[] zd = z.data(), yd = y.data();
        double total = 0;
        for (int i = 0; i < rows; i++) {
            int zr = z.offset() + i * cols, yr = y.offset() + i * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, zd[zr + j]);
            }
            double sumExp = 0;
            for (int j = 0; j < cols; j++) {
                sumExp += Math.exp(zd[zr + j] - max);
            }
            double logSumExp = max + Math.log(sumExp);
            for (int j = 0; j < cols; j++) {
                double t = yd[yr + j];
                if (t != 0) {
                    total += t * (logSumExp - zd[zr + j]);
                }
            }
        }
        return total;
    }

    @Override
    public boolean fusesWith(Activation outputActivation) {
        return outputActivation instanceof Softmax;
    }

    /** dZ = scale · (a·Σ_k y_k − y) row by row. */
    @Override
    public void fusedDelta(DenseMatrix a, DenseMatrix y, double scale, DenseMatrix dZ) {
        Kernels.requireSameShape(a, y);
        Kernels.requireSameShape(a, dZ);
        int rows = a.getRowDimension(), cols = a.getColumnDimension();
        double[] ad = a.data(), yd = y.data(), od = dZ.data();
        for (int i = 0; i < rows; i++) {
            int ar = a.offset() + i * cols, yr = y.offset() + i * cols, orow = dZ.offset() + i * cols;
            double targetMass = 0;
            for (int j = 0; j < cols; j++) {
                targetMass += yd[yr + j];
            }
            for (int j = 0; j < cols; j++) {
                od[orow + j] = scale * (ad[ar + j] * targetMass - yd[yr + j]);
            }
        }
    }

    /** Never needed: only a softmax output suits this loss, and it always fuses. */
    @Override
    public void outputGradient(DenseMatrix a, DenseMatrix y, double scale, DenseMatrix dA) {
        throw new UnsupportedOperationException("softmax-ce is computed from the logits and always fuses with softmax");
    }

    @Override
    public Targets targets() {
        return Targets.ONE_HOT;
    }

    @Override
    public boolean suits(Activation outputActivation) {
        return outputActivation instanceof Softmax;
    }

    @Override
    public String suitedOutputs() {
        return "the logits of a softmax output layer, dense(k, softmax)";
    }

    @Override
    public Concept<Loss> concept() {
        return CONCEPT;
    }

    @Override
    public String toString() {
        return notation();
    }
}
