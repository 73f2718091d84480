package mlpkit.core.matrix;

/**
 * The shared linear algebra of mlpkit: matrix products with either operand transposed, the bias
 * broadcast, column sums and a few element-wise helpers. The maths of each activation and loss lives in
 * its own file; the SIMD fast paths that some of them register are in {@link VectorPaths}.
 *
 * <p>Every kernel writes into an output the caller preallocated (no allocation here) and works on
 * the flat row-major storage of {@link DenseMatrix}. The products run on {@link VectorGemm} (the JDK's
 * Vector API, register- and cache-blocked) when the JVM has {@code jdk.incubator.vector}, else on
 * {@link ScalarGemm}; both compute every entry by the same chain of {@link Math#fma} in the same order
 * ({@link GemmKernel}), so results are bit-identical run to run, kernel to kernel and at any number of
 * {@link KernelThreads}.
 */
public final class Kernels {
    private Kernels() {
    }

    // ------------------------------------------------------------------ products

    /** {@code c = a·b}, or {@code c += a·b} when {@code accumulate}; a is m×k, b is k×n, c is m×n. */
    public static void multiply(DenseMatrix a, DenseMatrix b, DenseMatrix c, boolean accumulate) {
        multiply(a, b, c, accumulate, KernelThreads.single());
    }

    /** As {@link #multiply(DenseMatrix, DenseMatrix, DenseMatrix, boolean)}, the rows of c split between {@code threads}. */
    public static void multiply(DenseMatrix a, DenseMatrix b, DenseMatrix c, boolean accumulate, KernelThreads threads) {
        int m = a.getRowDimension(), k = a.getColumnDimension(), n = b.getColumnDimension();
        requireShape("a·b", a, b, c, m, n, b.getRowDimension() == k, "a's columns must equal b's rows");
        // A(i, p) = a[ao + i·k + p]: row stride k, depth stride 1.
        threads.gemm(m, n, k, a.data(), a.offset(), k, 1, b.data(), b.offset(), c.data(), c.offset(), accumulate, null, 0);
    }

    /**
     * {@code c = a·b + 1·bᵀ}: the product with {@code bias[biasOffset + j]} added to every entry of column j
     * as each entry is finished (z = x·W + b in one pass over z). The same bits as {@link #multiply}
     * followed by {@link #addRowVector}.
     */
    public static void multiplyAddRowVector(DenseMatrix a, DenseMatrix b, double[] bias, int biasOffset, DenseMatrix c,
                                            KernelThreads threads) {
        multiplyAddRowVector(a, b, bias, biasOffset, c, null, c, threads);
    }

    /**
     * An element-wise map of {@code count} entries, {@code from[fo…]} into {@code to[at…]} (an activation's
     * forward pass, {@code a = f(z)}), which the product can apply to each block of rows it finishes.
     */
    @FunctionalInterface
    public interface EntryMap {
        void mapEntries(double[] from, int fo, double[] to, int at, int count);
    }

    /**
     * {@code c = a·b + 1·bᵀ} and {@code out = map(c)}, the map applied to each block of rows as soon as the product
     * has finished it, while the block is still in the core's cache, rather than in a second pass over c (when b is
     * small enough for that to pay; see {@link KernelThreads}). The same bits as the product followed by the map;
     * with map null, the product alone.
     */
    public static void multiplyAddRowVector(DenseMatrix a, DenseMatrix b, double[] bias, int biasOffset, DenseMatrix c,
                                            EntryMap map, DenseMatrix out, KernelThreads threads) {
        int m = a.getRowDimension(), k = a.getColumnDimension(), n = b.getColumnDimension();
        requireShape("a·b + bias", a, b, c, m, n, b.getRowDimension() == k, "a's columns must equal b's rows");
        requireSameShape(c, out);
        if (biasOffset < 0 || biasOffset + n > bias.length) {
            throw new IllegalArgumentException("a·b + bias: the bias needs " + n + " entries from offset " + biasOffset
                    + ", but its array has " + bias.length);
        }
        threads.gemm(m, n, k, a.data(), a.offset(), k, 1, b.data(), b.offset(), c.data(), c.offset(), false, bias, biasOffset,
                map, out.data(), out.offset());
    }

    /** {@code c = aᵀ·b}, or {@code c += aᵀ·b}; a is k×m, b is k×n, c is m×n (the weight gradient Xᵀ·δ). */
    public static void multiplyTransposeA(DenseMatrix a, DenseMatrix b, DenseMatrix c, boolean accumulate) {
        multiplyTransposeA(a, b, c, accumulate, KernelThreads.single());
    }

    /** As {@link #multiplyTransposeA(DenseMatrix, DenseMatrix, DenseMatrix, boolean)}, the rows of c split between {@code threads}. */
    public static void multiplyTransposeA(DenseMatrix a, DenseMatrix b, DenseMatrix c, boolean accumulate,
                                          KernelThreads threads) {
        int k = a.getRowDimension(), m = a.getColumnDimension(), n = b.getColumnDimension();
        requireShape("aᵀ·b", a, b, c, m, n, b.getRowDimension() == k, "a and b must have the same number of rows");
        // Aᵀ(i, p) = a[ao + p·m + i]: row stride 1, depth stride m; no transposed copy.
        threads.gemm(m, n, k, a.data(), a.offset(), 1, m, b.data(), b.offset(), c.data(), c.offset(), accumulate, null, 0);
    }

    /**
     * Waits (up to {@code timeoutMillis}) until the SIMD kernels are compiled and in use; until then the
     * scalar ones serve, with the same results. For benchmarks, which should time the steady state.
     */
    public static boolean awaitWarmKernels(long timeoutMillis) throws InterruptedException {
        return KernelSelection.awaitWarm(timeoutMillis);
    }

    /** The name of the product kernel this JVM uses: {@code scalar}, or {@code vector-512} with the Vector API. */
    public static String productKernel() {
        return KernelSelection.productKernelName();
    }

    /**
     * {@code c = a·bᵀ}, or {@code c += a·bᵀ}; a is m×k, b is n×k, c is m×n. Every entry is a dot product
     * of two contiguous rows, computed by the same chain as the other products (from 0 or from c_ij, p in
     * order), so it equals {@code multiply(a, transpose(b))} bit for bit. The training loop transposes W
     * once per batch into a buffer and uses the faster {@link #multiply} instead ({@code Dense}).
     */
    public static void multiplyTransposeB(DenseMatrix a, DenseMatrix b, DenseMatrix c, boolean accumulate) {
        int m = a.getRowDimension(), k = a.getColumnDimension(), n = b.getRowDimension();
        requireShape("a·bᵀ", a, b, c, m, n, b.getColumnDimension() == k, "a and b must have the same number of columns");
        double[] ad = a.data(), bd = b.data(), cd = c.data();
        int ao = a.offset(), bo = b.offset(), co = c.offset();
        // 2 rows of a × 2 rows of b share their loads.
        int j = 0;
        for (; j + 2 <= n; j += 2) {
            int b0 = bo + j * k, b1 = b0 + k;
            int i = 0;
            for (; i + 2 <= m; i += 2) {
                int a0 = ao + i * k, a1 = a0 + k;
                int c0 = co + i * n + j, c1 = c0 + n;
                double s00 = accumulate ? cd[c0] : 0, s01 = accumulate ? cd[c0 + 1] : 0;
                double s10 = accumulate ? cd[c1] : 0, s11 = accumulate ? cd[c1 + 1] : 0;
                for (int p = 0; p < k; p++) {
                    double x0 = ad[a0 + p], x1 = ad[a1 + p], y0 = bd[b0 + p], y1 = bd[b1 + p];
                    s00 = Math.fma(x0, y0, s00);
                    s01 = Math.fma(x0, y1, s01);
                    s10 = Math.fma(x1, y0, s10);
                    s11 = Math.fma(x1, y1, s11);
                }
                cd[c0] = s00;
                cd[c0 + 1] = s01;
                cd[c1] = s10;
                cd[c1 + 1] = s11;
            }
            for (; i < m; i++) {
                int a0 = ao + i * k;
                int c0 = co + i * n + j;
                double s0 = accumulate ? cd[c0] : 0, s1 = accumulate ? cd[c0 + 1] : 0;
                for (int p = 0; p < k; p++) {
                    double x = ad[a0 + p];
                    s0 = Math.fma(x, bd[b0 + p], s0);
                    s1 = Math.fma(x, bd[b1 + p], s1);
                }
                cd[c0] = s0;
                cd[c0 + 1] = s1;
            }
        }
        for (; j < n; j++) {
            int b0 = bo + j * k;
            for (int i = 0; i < m; i++) {
                int a0 = ao + i * k;
                int c0 = co + i * n + j;
                double s = accumulate ? cd[c0] : 0;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(ad[a0 + p], bd[b0 + p], s);
                }
                cd[c0] = s;
            }
        }
    }

    /** {@code out = inᵀ}; in is r×c, out is c×r. Blocked so both sides are walked in cache-sized tiles. */
    public static void transpose(DenseMatrix in, DenseMatrix out) {
        int rows = in.getRowDimension(), cols = in.getColumnDimension();
        if (out.getRowDimension() != cols || out.getColumnDimension() != rows) {
            throw new IllegalArgumentException("transpose: the output must be " + cols + "×" + rows + " for a "
                    + shape(in) + " input, got " + shape(out));
        }
        double[] id = in.data(), od = out.data();
        int io = in.offset(), oo = out.offset();
        final int tile = 32;
        for (int i0 = 0; i0 < rows; i0 += tile) {
            int i1 = Math.min(rows, i0 + tile);
            for (int j0 = 0; j0 < cols; j0 += tile) {
                int j1 = Math.min(cols, j0 + tile);
                for (int i = i0; i < i1; i++) {
                    int from = io + i * cols;
                    for (int j = j0; j < j1; j++) {
                        od[oo + j * rows + i] = id[from + j];
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ broadcasts and reductions

    /** {@code m[i][j] += v[vOffset + j]} for every row i: the bias broadcast of z = x·W + b. */
    public static void addRowVector(DenseMatrix m, double[] v, int vOffset) {
        KernelSelection.maps().addRowVector(m.data(), m.offset(), m.getRowDimension(), m.getColumnDimension(), v, vOffset);
    }

    /** {@code out[outOffset + j] (+)= Σ_i m[i][j]}: the bias gradient Σ over the batch of δ. */
    public static void columnSums(DenseMatrix m, double[] out, int outOffset, boolean accumulate) {
        int cols = m.getColumnDimension();
        if (!accumulate) {
            java.util.Arrays.fill(out, outOffset, outOffset + cols, 0.0);
        }
        KernelSelection.maps().addColumnSums(m.data(), m.offset(), m.getRowDimension(), cols, out, outOffset);
    }

    /** Sets every entry of {@code m} to {@code value}. */
    public static void fill(DenseMatrix m, double value) {
        java.util.Arrays.fill(m.data(), m.offset(), m.offset() + m.size(), value);
    }

    /** {@code out = in} entry by entry (same shape). */
    public static void copy(DenseMatrix in, DenseMatrix out) {
        requireSameShape(in, out);
        System.arraycopy(in.data(), in.offset(), out.data(), out.offset(), in.size());
    }

    /** {@code out = a ⊙ b} (Hadamard product; out may be a or b). */
    public static void hadamard(DenseMatrix a, DenseMatrix b, DenseMatrix out) {
        requireSameShape(a, b);
        requireSameShape(a, out);
        double[] ad = a.data(), bd = b.data(), od = out.data();
        int ao = a.offset(), bo = b.offset(), oo = out.offset(), n = a.size();
        for (int i = 0; i < n; i++) {
            od[oo + i] = ad[ao + i] * bd[bo + i];
        }
    }

    /** {@code out = scale · (a − b)}: the fused output delta (ŷ − y) and the gradient of ½‖ŷ − y‖². */
    public static void scaledDifference(DenseMatrix a, DenseMatrix b, double scale, DenseMatrix out) {
        requireSameShape(a, b);
        requireSameShape(a, out);
        double[] ad = a.data(), bd = b.data(), od = out.data();
        int ao = a.offset(), bo = b.offset(), oo = out.offset(), n = a.size();
        for (int i = 0; i < n; i++) {
            od[oo + i] = scale * (ad[ao + i] - bd[bo + i]);
        }
    }

    // ------------------------------------------------------------------ sums

    /** Σ over all entries of (a − y)². */
    public static double squaredErrorSum(DenseMatrix a, DenseMatrix y) {
        requireSameShape(a, y);
        double[] ad = a.data(), yd = y.data();
        int ao = a.offset(), yo = y.offset(), n = a.size();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = ad[ao + i] - yd[yo + i];
            sum += d * d;
        }
        return sum;
    }

    // ------------------------------------------------------------------ checks

    /**
     * Checks a product's operands and output. The message is built only when a check fails: these
     * checks run on every batch, and the happy path must not allocate.
     */
    private static void requireShape(String op, DenseMatrix a, DenseMatrix b, DenseMatrix c, int rows, int cols,
                                     boolean operandsAgree, String rule) {
        if (operandsAgree && c.getRowDimension() == rows && c.getColumnDimension() == cols) {
            return;
        }
        String operands = "a is " + shape(a) + " and b is " + shape(b) + " (" + rule + ")";
        if (!operandsAgree) {
            throw new IllegalArgumentException(op + ": incompatible operands: " + operands);
        }
        if (c.getRowDimension() != rows || c.getColumnDimension() != cols) {
            throw new IllegalArgumentException(op + ": the output must be " + rows + "×" + cols + " but is "
                    + shape(c) + "; " + operands);
        }
    }

    /** Throws unless a and b have the same shape. */
    public static void requireSameShape(DenseMatrix a, DenseMatrix b) {
        if (a.getRowDimension() != b.getRowDimension() || a.getColumnDimension() != b.getColumnDimension()) {
            throw new IllegalArgumentException("expected matrices of the same shape, got " + shape(a)
                    + " and " + shape(b));
        }
    }

    /** {@code rows×cols}. */
    public static String shape(DenseMatrix m) {
        return m.getRowDimension() + "×" + m.getColumnDimension();
    }
}
