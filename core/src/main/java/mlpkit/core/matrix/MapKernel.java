package mlpkit.core.matrix;

/**
 * The bias broadcast and column sums over flat row-major arrays. Every implementation adds in the same
 * order ({@link ScalarMaps} defines it entry by entry), so scalar and SIMD results are bit-identical.
 */
interface MapKernel {
    /** m[i][j] += v[vo + j] for a rows × cols row-major m at mo: the bias broadcast. */
    void addRowVector(double[] m, int mo, int rows, int cols, double[] v, int vo);

    /** out[oo + j] += Σ_i m[i][j], rows added in order: the bias gradient (out zeroed by the caller for "="). */
    void addColumnSums(double[] m, int mo, int rows, int cols, double[] out, int oo);

    /**
     * to[at + i] = ((v − subtract) / divide) + add for the unsigned bytes v = from[start + i], as {@link ByteScaling}
     * computes it without a division (r = 1 / divide); returns how many of the {@code count} it converted, from the
     * first (the rest is left to the caller's table).
     */
    int scaleBytes(byte[] from, int start, double[] to, int at, int count, double subtract, double divide, double reciprocal, double add);
}
