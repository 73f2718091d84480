package mlpkit.core.matrix;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD product, on the JDK's Vector API ({@code jdk.incubator.vector}). Loaded only when that
 * module is present ({@link KernelSelection}), so the library still runs without
 * {@code --add-modules jdk.incubator.vector}, on {@link ScalarGemm}.
 *
 * <p>Register blocking: an 8-row × 2-vector tile of C (16 accumulators; 8 × 16 doubles with 512-bit
 * vectors) stays in registers across a depth block of 256; each step loads two vectors of one row of
 * B and broadcasts one entry of A per row. B's rows are read in place (no packing): for the widths of
 * an MLP (n ≤ a few hundred) a depth block of B's panel is 256 × 16 doubles = 32 KiB, which stays in
 * L1 while all row tiles of the block pass over it. Column tails narrower than a vector fall back to
 * the scalar chain, which is the same arithmetic entry by entry.
 *
 * <p>Each lane computes {@code c = fma(a, b, c)} exactly like {@link Math#fma}, in the order of p, so
 * the result equals {@link ScalarGemm}'s bit for bit.
 */
final class VectorGemm implements GemmKernel {
    /** Must be a static final constant for C2 to compile the vector operations into instructions. */
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final int DEPTH_BLOCK = 256;

    static final VectorGemm INSTANCE = new VectorGemm();

    private VectorGemm() {
    }

    @Override
    public String name() {
        return "vector-" + SPECIES.vectorBitSize();
    }

    @Override
    public void gemm(int i0, int i1, int n, int k, double[] a, int ao, int ars, int ads, double[] b, int bo,
                     double[] c, int co, boolean accumulate) {
        if (k == 0) {
            if (!accumulate) {
                java.util.Arrays.fill(c, co + i0 * n, co + i1 * n, 0.0);
            }
            return;
        }
        if (n <= 3 && ars == 1 && !accumulate && i1 - i0 >= LANES) {
            // Aᵀ·B with fewer columns than a vector (an output layer's weight gradient, xᵀ·δ with k = the
            // batch): vectors run down LANES rows of C instead, where Aᵀ's rows are contiguous in A.
            int i = i0;
            for (; i + LANES <= i1; i += LANES) {
                rowsTile(a, ao + i, ads, b, bo, n, k, c, co + i * n);
            }
            if (i < i1) {
                scalarColumns(i, i1, 0, n, a, ao, ars, ads, b, bo, c, co, k, false);
            }
            return;
        }
        for (int p0 = 0; p0 < k; p0 += DEPTH_BLOCK) {
            int depth = Math.min(k, p0 + DEPTH_BLOCK) - p0;
            boolean load = accumulate || p0 > 0;
            int aBlock = ao + p0 * ads;
            int bBlock = bo + p0 * n;
            int j = 0;
            for (; j + 2 * LANES <= n; j += 2 * LANES) {
                int i = i0;
                for (; i + 8 <= i1; i += 8) {
                    tile8x2(a, aBlock + i * ars, ars, ads, b, bBlock + j, n, c, co + i * n + j, depth, load);
                }
                for (; i + 4 <= i1; i += 4) {
                    tile4x2(a, aBlock + i * ars, ars, ads, b, bBlock + j, n, c, co + i * n + j, depth, load);
                }
                for (; i < i1; i++) {
                    tile1x2(a, aBlock + i * ars, ads, b, bBlock + j, n, c, co + i * n + j, depth, load);
                }
            }
            for (; j + LANES <= n; j += LANES) {
                int i = i0;
                for (; i + 8 <= i1; i += 8) {
                    tile8x1(a, aBlock + i * ars, ars, ads, b, bBlock + j, n, c, co + i * n + j, depth, load);
                }
                for (; i + 4 <= i1; i += 4) {
                    tile4x1(a, aBlock + i * ars, ars, ads, b, bBlock + j, n, c, co + i * n + j, depth, load);
                }
                for (; i < i1; i++) {
                    tile1x1(a, aBlock + i * ars, ads, b, bBlock + j, n, c, co + i * n + j, depth, load);
                }
            }
            if (j < n) {
                scalarColumns(i0, i1, j, n, a, aBlock, ars, ads, b, bBlock, c, co, depth, load);
            }
        }
    }

    private static DoubleVector start(double[] c, int at, boolean load) {
        return load ? DoubleVector.fromArray(SPECIES, c, at) : DoubleVector.zero(SPECIES);
    }

    private static void tile8x2(double[] a, int ap, int ars, int ads, double[] b, int bp, int n,
                                double[] c, int cp, int depth, boolean load) {
        int r1 = cp + n, r2 = r1 + n, r3 = r2 + n, r4 = r3 + n, r5 = r4 + n, r6 = r5 + n, r7 = r6 + n;
        DoubleVector c00 = start(c, cp, load), c01 = start(c, cp + LANES, load);
        DoubleVector c10 = start(c, r1, load), c11 = start(c, r1 + LANES, load);
        DoubleVector c20 = start(c, r2, load), c21 = start(c, r2 + LANES, load);
        DoubleVector c30 = start(c, r3, load), c31 = start(c, r3 + LANES, load);
        DoubleVector c40 = start(c, r4, load), c41 = start(c, r4 + LANES, load);
        DoubleVector c50 = start(c, r5, load), c51 = start(c, r5 + LANES, load);
        DoubleVector c60 = start(c, r6, load), c61 = start(c, r6 + LANES, load);
        DoubleVector c70 = start(c, r7, load), c71 = start(c, r7 + LANES, load);
        for (int p = 0; p < depth; p++, ap += ads, bp += n) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bp + LANES);
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(SPECIES, a[ap + ars]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(SPECIES, a[ap + 2 * ars]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(SPECIES, a[ap + 3 * ars]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = DoubleVector.broadcast(SPECIES, a[ap + 4 * ars]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = DoubleVector.broadcast(SPECIES, a[ap + 5 * ars]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = DoubleVector.broadcast(SPECIES, a[ap + 6 * ars]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = DoubleVector.broadcast(SPECIES, a[ap + 7 * ars]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        c00.intoArray(c, cp);
        c01.intoArray(c, cp + LANES);
        c10.intoArray(c, r1);
        c11.intoArray(c, r1 + LANES);
        c20.intoArray(c, r2);
        c21.intoArray(c, r2 + LANES);
        c30.intoArray(c, r3);
        c31.intoArray(c, r3 + LANES);
        c40.intoArray(c, r4);
        c41.intoArray(c, r4 + LANES);
        c50.intoArray(c, r5);
        c51.intoArray(c, r5 + LANES);
        c60.intoArray(c, r6);
        c61.intoArray(c, r6 + LANES);
        c70.intoArray(c, r7);
        c71.intoArray(c, r7 + LANES);
    }

    private static void tile4x2(double[] a, int ap, int ars, int ads, double[] b, int bp, int n,
                                double[] c, int cp, int depth, boolean load) {
        int r1 = cp + n, r2 = r1 + n, r3 = r2 + n;
        DoubleVector c00 = start(c, cp, load), c01 = start(c, cp + LANES, load);
        DoubleVector c10 = start(c, r1, load), c11 = start(c, r1 + LANES, load);
        DoubleVector c20 = start(c, r2, load), c21 = start(c, r2 + LANES, load);
        DoubleVector c30 = start(c, r3, load), c31 = start(c, r3 + LANES, load);
        for (int p = 0; p < depth; p++, ap += ads, bp += n) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bp + LANES);
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(SPECIES, a[ap + ars]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(SPECIES, a[ap + 2 * ars]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(SPECIES, a[ap + 3 * ars]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        c00.intoArray(c, cp);
        c01.intoArray(c, cp + LANES);
        c10.intoArray(c, r1);
        c11.intoArray(c, r1 + LANES);
        c20.intoArray(c, r2);
        c21.intoArray(c, r2 + LANES);
        c30.intoArray(c, r3);
        c31.intoArray(c, r3 + LANES);
    }

    private static void tile1x2(double[] a, int ap, int ads, double[] b, int bp, int n,
                                double[] c, int cp, int depth, boolean load) {
        DoubleVector c00 = start(c, cp, load), c01 = start(c, cp + LANES, load);
        for (int p = 0; p < depth; p++, ap += ads, bp += n) {
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[ap]);
            c00 = x.fma(DoubleVector.fromArray(SPECIES, b, bp), c00);
            c01 = x.fma(DoubleVector.fromArray(SPECIES, b, bp + LANES), c01);
        }
        c00.intoArray(c, cp);
        c01.intoArray(c, cp + LANES);
    }

    private static void tile8x1(double[] a, int ap, int ars, int ads, double[] b, int bp, int n,
                                double[] c, int cp, int depth, boolean load) {
        int r1 = cp + n, r2 = r1 + n, r3 = r2 + n, r4 = r3 + n, r5 = r4 + n, r6 = r5 + n, r7 = r6 + n;
        DoubleVector c0 = start(c, cp, load), c1 = start(c, r1, load), c2 = start(c, r2, load), c3 = start(c, r3, load);
        DoubleVector c4 = start(c, r4, load), c5 = start(c, r5, load), c6 = start(c, r6, load), c7 = start(c, r7, load);
        for (int p = 0; p < depth; p++, ap += ads, bp += n) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bp);
            c0 = DoubleVector.broadcast(SPECIES, a[ap]).fma(b0, c0);
            c1 = DoubleVector.broadcast(SPECIES, a[ap + ars]).fma(b0, c1);
            c2 = DoubleVector.broadcast(SPECIES, a[ap + 2 * ars]).fma(b0, c2);
            c3 = DoubleVector.broadcast(SPECIES, a[ap + 3 * ars]).fma(b0, c3);
            c4 = DoubleVector.broadcast(SPECIES, a[ap + 4 * ars]).fma(b0, c4);
            c5 = DoubleVector.broadcast(SPECIES, a[ap + 5 * ars]).fma(b0, c5);
            c6 = DoubleVector.broadcast(SPECIES, a[ap + 6 * ars]).fma(b0, c6);
            c7 = DoubleVector.broadcast(SPECIES, a[ap + 7 * ars]).fma(b0, c7);
        }
        c0.intoArray(c, cp);
        c1.intoArray(c, r1);
        c2.intoArray(c, r2);
        c3.intoArray(c, r3);
        c4.intoArray(c, r4);
        c5.intoArray(c, r5);
        c6.intoArray(c, r6);
        c7.intoArray(c, r7);
    }

    private static void tile4x1(double[] a, int ap, int ars, int ads, double[] b, int bp, int n,
                                double[] c, int cp, int depth, boolean load) {
        int r1 = cp + n, r2 = r1 + n, r3 = r2 + n;
        DoubleVector c0 = start(c, cp, load), c1 = start(c, r1, load), c2 = start(c, r2, load), c3 = start(c, r3, load);
        for (int p = 0; p < depth; p++, ap += ads, bp += n) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bp);
            c0 = DoubleVector.broadcast(SPECIES, a[ap]).fma(b0, c0);
            c1 = DoubleVector.broadcast(SPECIES, a[ap + ars]).fma(b0, c1);
            c2 = DoubleVector.broadcast(SPECIES, a[ap + 2 * ars]).fma(b0, c2);
            c3 = DoubleVector.broadcast(SPECIES, a[ap + 3 * ars]).fma(b0, c3);
        }
        c0.intoArray(c, cp);
        c1.intoArray(c, r1);
        c2.intoArray(c, r2);
        c3.intoArray(c, r3);
    }

    /**
     * LANES rows × n ≤ 3 columns of C = Aᵀ·B, from 0 over the whole depth: lane r of column j runs the
     * chain of c_(i+r)j, fma(Aᵀ(i+r, p), B(p, j), ·) for p in order, the same as every kernel.
     */
    private static void rowsTile(double[] a, int ap, int ads, double[] b, int bp, int n, int depth, double[] c, int cp) {
        DoubleVector c0 = DoubleVector.zero(SPECIES), c1 = c0, c2 = c0;
        for (int p = 0; p < depth; p++, ap += ads, bp += n) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, a, ap);
            c0 = x.fma(DoubleVector.broadcast(SPECIES, b[bp]), c0);
            if (n > 1) {
                c1 = x.fma(DoubleVector.broadcast(SPECIES, b[bp + 1]), c1);
                if (n > 2) {
                    c2 = x.fma(DoubleVector.broadcast(SPECIES, b[bp + 2]), c2);
                }
            }
        }
        for (int r = 0; r < LANES; r++) {
            int at = cp + r * n;
            c[at] = c0.lane(r);
            if (n > 1) {
                c[at + 1] = c1.lane(r);
                if (n > 2) {
                    c[at + 2] = c2.lane(r);
                }
            }
        }
    }

    private static void tile1x1(double[] a, int ap, int ads, double[] b, int bp, int n,
                                double[] c, int cp, int depth, boolean load) {
        DoubleVector c0 = start(c, cp, load);
        for (int p = 0; p < depth; p++, ap += ads, bp += n) {
            c0 = DoubleVector.broadcast(SPECIES, a[ap]).fma(DoubleVector.fromArray(SPECIES, b, bp), c0);
        }
        c0.intoArray(c, cp);
    }

    /**
     * Columns [j0, n) narrower than a vector (masked loads are not compiled to instructions on JDK 17,
     * and run ~100× slower): the same chain per entry in scalar code, four rows at a time so that four
     * independent chains hide the latency of each fma.
     */
    private static void scalarColumns(int i0, int i1, int j0, int n, double[] a, int aBlock, int ars, int ads,
                                      double[] b, int bBlock, double[] c, int co, int depth, boolean load) {
        int i = i0;
        for (; i + 4 <= i1; i += 4) {
            int a0 = aBlock + i * ars;
            for (int j = j0; j < n; j++) {
                int c0 = co + i * n + j, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
                double s0 = load ? c[c0] : 0.0, s1 = load ? c[c1] : 0.0, s2 = load ? c[c2] : 0.0, s3 = load ? c[c3] : 0.0;
                int ap = a0, bp = bBlock + j;
                for (int p = 0; p < depth; p++, ap += ads, bp += n) {
                    double y = b[bp];
                    s0 = Math.fma(a[ap], y, s0);
                    s1 = Math.fma(a[ap + ars], y, s1);
                    s2 = Math.fma(a[ap + 2 * ars], y, s2);
                    s3 = Math.fma(a[ap + 3 * ars], y, s3);
                }
                c[c0] = s0;
                c[c1] = s1;
                c[c2] = s2;
                c[c3] = s3;
            }
        }
        for (; i < i1; i++) {
            int a0 = aBlock + i * ars;
            int c0 = co + i * n;
            for (int j = j0; j < n; j++) {
                double s = load ? c[c0 + j] : 0.0;
                int ap = a0, bp = bBlock + j;
                for (int p = 0; p < depth; p++, ap += ads, bp += n) {
                    s = Math.fma(a[ap], b[bp], s);
                }
                c[c0 + j] = s;
            }
        }
    }
}
