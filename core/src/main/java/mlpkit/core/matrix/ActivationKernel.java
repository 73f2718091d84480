package mlpkit.core.matrix;

/**
 * The SIMD fast paths some activations and losses register ({@link VectorPaths}). Each method handles the
 * leading entries that fill whole vectors ({@link #vectorPart}) and returns how many that was, or their sum;
 * the activation or loss computes the rest with its own scalar maths, which the vector code reproduces lane by
 * lane (the same operations in the same order, so the same bits).
 */
interface ActivationKernel {
    /** a = σ(z) as {@code Sigmoid.value} computes it. */
    int sigmoid(double[] z, int zo, double[] a, int ao, int n);

    /** a = max(z, 0) + log1p(e^−|z|) as {@code Softplus.value} computes it. */
    int softplus(double[] z, int zo, double[] a, int ao, int n);

    /** out = g · a · (1 − a), left to right. */
    int sigmoidBackward(double[] a, int ao, double[] g, int go, double[] out, int oo, int n);

    /** a = z for z &gt; 0, α·z otherwise. */
    int leakyRelu(double[] z, int zo, double alpha, double[] a, int ao, int n);

    /** out = g for z &gt; 0, α·g otherwise. */
    int leakyReluBackward(double[] z, int zo, double alpha, double[] g, int go, double[] out, int oo, int n);

    /** How many leading entries of n fill whole vectors. */
    int vectorPart(int n);

    /**
     * sum + Σ ℓ(z_i, y_i) over the first {@link #vectorPart vectorPart(n)} entries, ℓ(z, y) = (max(z, 0) − z·y) +
     * log1p(e^−|z|) as {@code BinaryCrossEntropy} computes it, added one entry after another in index order.
     */
    double logisticLossSum(double[] z, int zo, double[] y, int yo, int n, double sum);
}
