package mlpkit.core.matrix;

/**
 * The element-wise maps of the activations over flat arrays ({@code n} entries from each offset).
 * Every implementation applies the same operations to each entry in the same order ({@link ScalarMaps}
 * defines them entry by entry), so scalar and SIMD results are bit-identical.
 */
interface MapKernel {
    /** a = σ(z) = (z ≥ 0 ? 1 : e) / (1 + e) with e = {@link ScalarMaps#exp}(−|z|): no overflow for any z. */
    void sigmoid(double[] z, int zo, double[] a, int ao, int n);

    /** out = g · a(1 − a), the sigmoid's derivative from its output a. */
    void sigmoidBackward(double[] a, int ao, double[] g, int go, double[] out, int oo, int n);

    /** a = z for z &gt; 0, α·z otherwise. */
    void leakyRelu(double[] z, int zo, double alpha, double[] a, int ao, int n);

    /** out = g for z &gt; 0, α·g otherwise. */
    void leakyReluBackward(double[] z, int zo, double alpha, double[] g, int go, double[] out, int oo, int n);

    /** m[i][j] += v[vo + j] for a rows × cols row-major m at mo: the bias broadcast. */
    void addRowVector(double[] m, int mo, int rows, int cols, double[] v, int vo);

    /** out[oo + j] += Σ_i m[i][j], rows added in order: the bias gradient (out zeroed by the caller for "="). */
    void addColumnSums(double[] m, int mo, int rows, int cols, double[] out, int oo);
}
