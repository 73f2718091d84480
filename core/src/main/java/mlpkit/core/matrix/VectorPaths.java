package mlpkit.core.matrix;

/**
 * Vector fast paths that activations register for their element-wise maps, and the binary cross-entropy for its
 * sum. Each returns how many leading entries it computed (or their sum over {@link #vectorPart}'s entries): a
 * multiple of the vector length once the SIMD kernels are warm ({@link KernelSelection}), 0 without the Vector API
 * or before warm-up. The activation or loss computes the remaining entries with its own scalar maths, which is the
 * reference: the fast path gives the same bits (the activations' and the loss's tests check this, and
 * {@code ProductBitsCheck} at every vector width).
 */
public final class VectorPaths {
    private VectorPaths() {
    }

    /** a = σ(z) over the leading entries of {@code count}, z from {@code zo}, a from {@code ao}. */
    public static int sigmoid(double[] z, int zo, double[] a, int ao, int count) {
        ActivationKernel k = KernelSelection.activations();
        return k == null ? 0 : k.sigmoid(z, zo, a, ao, count);
    }

    /** a = softplus(z) = max(z, 0) + log1p(e^−|z|) over the leading entries of {@code count}. */
    public static int softplus(double[] z, int zo, double[] a, int ao, int count) {
        ActivationKernel k = KernelSelection.activations();
        return k == null ? 0 : k.softplus(z, zo, a, ao, count);
    }

    /** dZ = dA · a · (1 − a) over the leading entries. */
    public static int sigmoidBackward(DenseMatrix a, DenseMatrix dA, DenseMatrix dZ) {
        Kernels.requireSameShape(a, dA);
        Kernels.requireSameShape(a, dZ);
        ActivationKernel k = KernelSelection.activations();
        return k == null ? 0 : k.sigmoidBackward(a.data(), a.offset(), dA.data(), dA.offset(), dZ.data(), dZ.offset(), a.size());
    }

    /** a = z for z &gt; 0, α·z otherwise, over the leading entries of {@code count}. */
    public static int leakyRelu(double[] z, int zo, double alpha, double[] a, int ao, int count) {
        ActivationKernel k = KernelSelection.activations();
        return k == null ? 0 : k.leakyRelu(z, zo, alpha, a, ao, count);
    }

    /** dZ = dA for z &gt; 0, α·dA otherwise, over the leading entries. */
    public static int leakyReluBackward(DenseMatrix z, double alpha, DenseMatrix dA, DenseMatrix dZ) {
        Kernels.requireSameShape(z, dA);
        Kernels.requireSameShape(z, dZ);
        ActivationKernel k = KernelSelection.activations();
        return k == null ? 0 : k.leakyReluBackward(z.data(), z.offset(), alpha, dA.data(), dA.offset(), dZ.data(), dZ.offset(), z.size());
    }

    /** How many leading entries of {@code count} the fast paths compute: 0 without the Vector API or before warm-up. */
    public static int vectorPart(int count) {
        ActivationKernel k = KernelSelection.activations();
        return k == null ? 0 : k.vectorPart(count);
    }

    /**
     * sum + Σ_i (max(z_i, 0) − z_i·y_i) + log1p(e^−|z_i|) over the first {@code count} entries, which must be
     * {@link #vectorPart}'s (0 returns sum): the binary cross-entropy of σ(z) against y, entry after entry.
     */
    public static double logisticLossSum(double[] z, int zo, double[] y, int yo, int count, double sum) {
        ActivationKernel k = KernelSelection.activations();
        if (count == 0) {
            return sum;
        }
        if (k == null || k.vectorPart(count) != count) {
            throw new IllegalArgumentException("logisticLossSum takes vectorPart's count of entries, got " + count);
        }
        return k.logisticLossSum(z, zo, y, yo, count, sum);
    }
}
