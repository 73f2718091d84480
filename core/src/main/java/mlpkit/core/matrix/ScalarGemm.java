package mlpkit.core.matrix;

/**
 * The portable product: plain Java, cache-blocked, four output rows sharing each load of B, and
 * {@link Math#fma} (which Java never applies on its own). C2 does not vectorise this loop (it indexes
 * two arrays with offsets), so it reaches ~12 GFLOP/s here; {@link VectorGemm} is used when the JDK's
 * Vector API is available. Same entry-by-entry chain as every {@link GemmKernel}.
 */
final class ScalarGemm implements GemmKernel {
    static final ScalarGemm INSTANCE = new ScalarGemm();

    /** Depth of a block of the inner dimension: 256 doubles of four rows of A plus the matching B panel fit in L2. */
    private static final int DEPTH_BLOCK = 256;
    /** Width of a block of output columns: four rows of 512 doubles of C stay in L1/L2 across a depth block. */
    private static final int COLUMN_BLOCK = 512;

    private ScalarGemm() {
    }

    @Override
    public void gemm(int i0, int i1, int n, int k, double[] a, int ao, int ars, int ads, double[] b, int bo,
                     double[] c, int co, boolean accumulate, double[] bias, int biasOffset) {
        if (!accumulate) {
            java.util.Arrays.fill(c, co + i0 * n, co + i1 * n, 0.0);
        }
        for (int j0 = 0; j0 < n; j0 += COLUMN_BLOCK) {
            int j1 = Math.min(n, j0 + COLUMN_BLOCK);
            for (int p0 = 0; p0 < k; p0 += DEPTH_BLOCK) {
                int p1 = Math.min(k, p0 + DEPTH_BLOCK);
                int i = i0;
                for (; i + 4 <= i1; i += 4) {
                    int c0 = co + i * n;
                    int a0 = ao + i * ars;
                    for (int p = p0; p < p1; p++) {
                        int ap = a0 + p * ads;
                        rank1Update4(c, c0, n, a[ap], a[ap + ars], a[ap + 2 * ars], a[ap + 3 * ars], b, bo + p * n, j0, j1);
                    }
                }
                for (; i < i1; i++) {
                    int c0 = co + i * n;
                    int a0 = ao + i * ars;
                    for (int p = p0; p < p1; p++) {
                        rank1Update1(c, c0, a[a0 + p * ads], b, bo + p * n, j0, j1);
                    }
                }
            }
        }
        if (bias != null) {
            for (int i = i0; i < i1; i++) {
                int c0 = co + i * n;
                for (int j = 0; j < n; j++) {
                    c[c0 + j] += bias[biasOffset + j];
                }
            }
        }
    }

    /** Four output rows c[r..r+3][j0..j1) += x_r · b[row][j0..j1): one load of b feeds four FMAs. */
    private static void rank1Update4(double[] cd, int c0, int n, double x0, double x1, double x2, double x3,
                                     double[] bd, int b0, int j0, int j1) {
        int c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
        for (int j = j0; j < j1; j++) {
            double bj = bd[b0 + j];
            cd[c0 + j] = Math.fma(x0, bj, cd[c0 + j]);
            cd[c1 + j] = Math.fma(x1, bj, cd[c1 + j]);
            cd[c2 + j] = Math.fma(x2, bj, cd[c2 + j]);
            cd[c3 + j] = Math.fma(x3, bj, cd[c3 + j]);
        }
    }

    private static void rank1Update1(double[] cd, int c0, double x, double[] bd, int b0, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            cd[c0 + j] = Math.fma(x, bd[b0 + j], cd[c0 + j]);
        }
    }

    @Override
    public String name() {
        return "scalar";
    }
}
