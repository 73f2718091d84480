package mlpkit.core.matrix;

/**
 * Vector fast paths that activations register for their element-wise maps. Each returns how many leading
 * entries it computed: a multiple of the vector length once the SIMD kernels are warm
 * ({@link KernelSelection}), 0 without the Vector API or before warm-up. The activation computes the
 * remaining entries with its own scalar maths, which is the reference: the fast path gives the same bits
 * (the activations' tests check this).
 */
public final class VectorPaths {
    private VectorPaths() {
    }

    /** a = σ(z) over the leading entries of z (same shape). */
    public static int sigmoid(DenseMatrix z, DenseMatrix a) {
        Kernels.requireSameShape(z, a);
        ActivationKernel k = KernelSelection.activations();
        return k == null ? 0 : k.sigmoid(z.data(), z.offset(), a.data(), a.offset(), z.size());
    }

    /** dZ = dA · a · (1 − a) over the leading entries. */
    public static int sigmoidBackward(DenseMatrix a, DenseMatrix dA, DenseMatrix dZ) {
        Kernels.requireSameShape(a, dA);
        Kernels.requireSameShape(a, dZ);
        ActivationKernel k = KernelSelection.activations();
        return k == null ? 0 : k.sigmoidBackward(a.data(), a.offset(), dA.data(), dA.offset(), dZ.data(), dZ.offset(), a.size());
    }

    /** a = z for z &gt; 0, α·z otherwise, over the leading entries. */
    public static int leakyRelu(DenseMatrix z, double alpha, DenseMatrix a) {
        Kernels.requireSameShape(z, a);
        ActivationKernel k = KernelSelection.activations();
        return k == null ? 0 : k.leakyRelu(z.data(), z.offset(), alpha, a.data(), a.offset(), z.size());
    }

    /** dZ = dA for z &gt; 0, α·dA otherwise, over the leading entries. */
    public static int leakyReluBackward(DenseMatrix z, double alpha, DenseMatrix dA, DenseMatrix dZ) {
        Kernels.requireSameShape(z, dA);
        Kernels.requireSameShape(z, dZ);
        ActivationKernel k = KernelSelection.activations();
        return k == null ? 0 : k.leakyReluBackward(z.data(), z.offset(), alpha, dA.data(), dA.offset(), dZ.data(), dZ.offset(), z.size());
    }
}
