package mlpkit.core.loss;

import mlpkit.core.activation.Activation;
import mlpkit.core.activation.Sigmoid;
import mlpkit.core.concept.Concept;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.Exp;
import mlpkit.core.matrix.Kernels;
import mlpkit.core.matrix.Log1p;
import mlpkit.core.matrix.VectorPaths;

/**
 * ℓ = −Σ_k [y_k log a_k + (1 − y_k) log(1 − a_k)], summed over the outputs of a sample (one output for
 * a binary problem; several for independent labels). With a sigmoid output it is evaluated from the
 * logits as max(z, 0) − z·y + log(1 + e^−|z|), finite however saturated σ(z) is, and the delta fuses to
 * ∂ℓ/∂z = a − y (σ'(z) = a(1 − a) cancels the denominator of ∂ℓ/∂a = (a − y) / (a(1 − a))).
 */
public record BinaryCrossEntropy() implements Loss {
    public static final Concept<Loss> CONCEPT = Concept.of(KIND, "bce").alias("binaryCrossEntropy")
            .summary("−Σ[y log a + (1 − y) log(1 − a)] from the logits of a sigmoid output")
            .build(BinaryCrossEntropy.class);

    /** Probabilities are clipped to [ε, 1 − ε] where they must be used directly (as scikit-learn's log_loss). */
    static final double EPSILON = 1e-15;

    @Override
    public double sum(Activation outputActivation, DenseMatrix z, DenseMatrix a, DenseMatrix y) {
        return outputActivation instanceof Sigmoid ? sumFromLogits(z, y) : sumFromProbabilities(a, y);
    }

    /** The entries' losses added in index order; the leading whole vectors by the vector path, with the same bits. */
    private static double sumFromLogits(DenseMatrix z, DenseMatrix y) {
        Kernels.requireSameShape(z, y);
        double[] zd = z.data(), yd = y.data();
        int zo = z.offset(), yo = y.offset(), n = z.size();
        int done = VectorPaths.vectorPart(n);
        double sum = VectorPaths.logisticLossSum(zd, zo, yd, yo, done, 0.0);
        for (int i = done; i < n; i++) {
            sum += fromLogit(zd[zo + i], yd[yo + i]);
        }
        return sum;
    }

    /** ℓ(z, y) = (max(z, 0) − z·y) + log1p(e^−|z|), with mlpkit's own e^x and log1p (those of the vector path). */
    static double fromLogit(double z, double y) {
        return Math.max(z, 0) - z * y + Log1p.ofUnitInterval(Exp.ofNonPositive(-Math.abs(z)));
    }

    private static double sumFromProbabilities(DenseMatrix p, DenseMatrix y) {
        Kernels.requireSameShape(p, y);
        double[] pd = p.data(), yd = y.data();
        int po = p.offset(), yo = y.offset(), n = p.size();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double q = Math.min(Math.max(pd[po + i], EPSILON), 1.0 - EPSILON);
            double t = yd[yo + i];
            sum -= t * Math.log(q) + (1.0 - t) * Math.log(1.0 - q);
        }
        return sum;
    }

    @Override
    public boolean fusesWith(Activation outputActivation) {
        return outputActivation instanceof Sigmoid;
    }

    /** ∂ℓ/∂z = (a − y). */
    @Override
    public void fusedDelta(DenseMatrix a, DenseMatrix y, double scale, DenseMatrix dZ) {
        Kernels.scaledDifference(a, y, scale, dZ);
    }

    /** ∂ℓ/∂a = (a − y) / (a(1 − a)), a clipped as in the loss. */
    @Override
    public void outputGradient(DenseMatrix a, DenseMatrix y, double scale, DenseMatrix dA) {
        Kernels.requireSameShape(a, y);
        Kernels.requireSameShape(a, dA);
        double[] pd = a.data(), yd = y.data(), od = dA.data();
        int po = a.offset(), yo = y.offset(), oo = dA.offset(), n = a.size();
        for (int i = 0; i < n; i++) {
            double q = Math.min(Math.max(pd[po + i], EPSILON), 1.0 - EPSILON);
            od[oo + i] = scale * (q - yd[yo + i]) / (q * (1.0 - q));
        }
    }

    @Override
    public Targets targets() {
        return Targets.BINARY;
    }

    @Override
    public boolean suits(Activation outputActivation) {
        return outputActivation instanceof Sigmoid;
    }

    @Override
    public String suitedOutputs() {
        return "probabilities from a sigmoid output layer, dense(k, sigmoid)";
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
