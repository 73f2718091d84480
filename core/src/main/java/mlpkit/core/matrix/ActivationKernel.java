package mlpkit.core.matrix;

/**
 * The SIMD fast paths some activations register ({@link VectorPaths}). Each method handles the leading
 * entries that fill whole vectors and returns how many that was; the activation computes the rest with its
 * own scalar maths, which the vector code reproduces lane by lane (the same operations in the same order,
 * so the same bits).
 */
interface ActivationKernel {
    /** a = σ(z) as {@code Sigmoid.value} computes it. */
    int sigmoid(double[] z, int zo, double[] a, int ao, int n);

    /** out = g · a · (1 − a), left to right. */
    int sigmoidBackward(double[] a, int ao, double[] g, int go, double[] out, int oo, int n);

    /** a = z for z &gt; 0, α·z otherwise. */
    int leakyRelu(double[] z, int zo, double alpha, double[] a, int ao, int n);

    /** out = g for z &gt; 0, α·g otherwise. */
    int leakyReluBackward(double[] z, int zo, double alpha, double[] g, int go, double[] out, int oo, int n);
}
