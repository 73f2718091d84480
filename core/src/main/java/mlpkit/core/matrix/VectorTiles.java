package mlpkit.core.matrix;

import static mlpkit.core.matrix.VectorGemm.LANES;
import static mlpkit.core.matrix.VectorGemm.SPECIES;

import java.util.List;
import jdk.incubator.vector.DoubleVector;

/**
 * The register tiles of {@link VectorGemm}: an R-row × C-vector block of C kept in R·C vector registers
 * across a depth block, fed each step by C loads of one row of B and one broadcast of A per row. A tile
 * needs R·C + C + 1 vector registers; more than the CPU has and the loop spills to the stack every step.
 * AVX2 has 16 registers (of 256 bits), AVX-512 and NEON 32. Which tile runs is chosen per vector shape
 * ({@link #preferred}), or forced with {@code -Dmlpkit.kernels=vector:RxC}.
 *
 * <p>Every tile computes each entry of C by the same chain, {@code c = fma(a, b, c)} in the order of p: the
 * tile changes the speed, never the bits. The methods are written out (no arrays of vectors) so that C2
 * keeps every accumulator in a register.
 */
final class VectorTiles {
    /** A main tile shape: rows of C × vectors of columns. */
    record Shape(int rows, int vectors) {
        /** Vector registers the inner loop needs: accumulators, loads of B, one broadcast. */
        int registers() {
            return rows * vectors + vectors + 1;
        }

        @Override
        public String toString() {
            return rows + "x" + vectors;
        }
    }

    /** The main tiles there are; the narrower 4-row and 1-row tiles of each width serve the edges. */
    static final List<Shape> SHAPES = List.of(new Shape(12, 2), new Shape(8, 3), new Shape(8, 2), new Shape(6, 2), new Shape(4, 4), new Shape(4, 3));

    private VectorTiles() {
    }

    /**
     * The tile for a vector of {@code bits} bits, from {@code bench/tiles.sh 2 c1} (C1 seconds per epoch, two rounds, every
     * tile; Intel Xeon @ 2.80GHz with AVX-512, 2026-12-06; the 256-bit rows with HotSpot limited to AVX2 code and its 16
     * registers by {@code -XX:UseAVX=2}):
     * <pre>
     *   tile            8x2   12x2   8x3    6x2    4x4    4x3
     *   512-bit  run 1  1.32  1.37   1.27   1.56   1.64   1.87
     *            run 2  1.30  1.25   1.07   1.30   1.31   1.40
     *   256-bit  run 1  2.28  2.17   2.37   1.72   2.08   1.81
     *            run 2  2.09  2.18   2.11   1.73   2.03   1.90
     * </pre>
     * With 512-bit vectors (AVX-512, 32 registers) 8×3: 24 accumulators + 3 loads + 1 broadcast = 28 registers. With
     * 256-bit vectors the machine may be AVX2 with 16 registers: 6×2 (12 + 2 + 1 = 15), ahead of 4×3 (16, no register to
     * spare) and far ahead of the tiles that need more than 16 and spill. With 128-bit vectors (SSE: 16 registers, NEON:
     * 32) the same 6×2, which fits either.
     */
    static Shape preferred(int bits) {
        return bits >= 512 ? new Shape(8, 3) : new Shape(6, 2);
    }

    /**
     * The rows of the tiles in the panels of {@code vectors} vectors next to a main tile of {@code mainRows} rows: as
     * many rows where that shape is one of {@link #SHAPES} (8×2 beside 8×3), else 4 (the edge tiles of every width).
     */
    static int rowsFor(int mainRows, int vectors) {
        return SHAPES.contains(new Shape(mainRows, vectors)) ? mainRows : 4;
    }

    /** The shape written as {@code RxC}, e.g. {@code 6x2}, or null when it is not one of {@link #SHAPES}. */
    static Shape parse(String text) {
        for (Shape shape : SHAPES) {
            if (shape.toString().equals(text)) {
                return shape;
            }
        }
        return null;
    }

    private static DoubleVector start(double[] c, int at, boolean load) {
        return load ? DoubleVector.fromArray(SPECIES, c, at) : DoubleVector.zero(SPECIES);
    }

    /**
     * The {@code rows} × {@code vectors} tile (a main shape, or 4 or 1 rows of 2 to 4 vectors): A(r, p) at
     * {@code a[ap + r·ars + p·ads]}, B's row p at {@code b[bp + p·bs]} (bs is n in place, the panel's width when packed),
     * C's row r at {@code c[cp + r·n]}.
     */
    static void tile(int rows, int vectors, double[] a, int ap, int ars, int ads, double[] b, int bp, int bs, int n,
                     double[] c, int cp, int depth, boolean load, double[] bias, int biasAt) {
        switch (rows * 10 + vectors) {
            case 122 -> tile12x2(a, ap, ars, ads, b, bp, bs, n, c, cp, depth, load, bias, biasAt);
            case 83 -> tile8x3(a, ap, ars, ads, b, bp, bs, n, c, cp, depth, load, bias, biasAt);
            case 82 -> tile8x2(a, ap, ars, ads, b, bp, bs, n, c, cp, depth, load, bias, biasAt);
            case 62 -> tile6x2(a, ap, ars, ads, b, bp, bs, n, c, cp, depth, load, bias, biasAt);
            case 44 -> tile4x4(a, ap, ars, ads, b, bp, bs, n, c, cp, depth, load, bias, biasAt);
            case 43 -> tile4x3(a, ap, ars, ads, b, bp, bs, n, c, cp, depth, load, bias, biasAt);
            case 42 -> tile4x2(a, ap, ars, ads, b, bp, bs, n, c, cp, depth, load, bias, biasAt);
            case 14 -> tile1x4(a, ap, ars, ads, b, bp, bs, n, c, cp, depth, load, bias, biasAt);
            case 13 -> tile1x3(a, ap, ars, ads, b, bp, bs, n, c, cp, depth, load, bias, biasAt);
            case 12 -> tile1x2(a, ap, ars, ads, b, bp, bs, n, c, cp, depth, load, bias, biasAt);
            default -> throw new IllegalArgumentException("no " + rows + "x" + vectors + " tile");
        }
    }

    /** A 12-row × 2-vector tile of C over one depth block: 24 accumulators, 2 loads of B and one broadcast a step. */
    static void tile12x2(double[] a, int ap, int ars, int ads, double[] b, int bp, int bs, int n,
                     double[] c, int cp, int depth, boolean load, double[] bias, int biasAt) {
        int r1 = cp + n, r2 = r1 + n, r3 = r2 + n, r4 = r3 + n, r5 = r4 + n, r6 = r5 + n, r7 = r6 + n, r8 = r7 + n, r9 = r8 + n, r10 = r9 + n, r11 = r10 + n;
        DoubleVector c0_0 = start(c, cp, load), c0_1 = start(c, cp + LANES, load);
        DoubleVector c1_0 = start(c, r1, load), c1_1 = start(c, r1 + LANES, load);
        DoubleVector c2_0 = start(c, r2, load), c2_1 = start(c, r2 + LANES, load);
        DoubleVector c3_0 = start(c, r3, load), c3_1 = start(c, r3 + LANES, load);
        DoubleVector c4_0 = start(c, r4, load), c4_1 = start(c, r4 + LANES, load);
        DoubleVector c5_0 = start(c, r5, load), c5_1 = start(c, r5 + LANES, load);
        DoubleVector c6_0 = start(c, r6, load), c6_1 = start(c, r6 + LANES, load);
        DoubleVector c7_0 = start(c, r7, load), c7_1 = start(c, r7 + LANES, load);
        DoubleVector c8_0 = start(c, r8, load), c8_1 = start(c, r8 + LANES, load);
        DoubleVector c9_0 = start(c, r9, load), c9_1 = start(c, r9 + LANES, load);
        DoubleVector c10_0 = start(c, r10, load), c10_1 = start(c, r10 + LANES, load);
        DoubleVector c11_0 = start(c, r11, load), c11_1 = start(c, r11 + LANES, load);
        for (int p = 0; p < depth; p++, ap += ads, bp += bs) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bp + LANES);
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[ap]);
            c0_0 = x.fma(b0, c0_0);
            c0_1 = x.fma(b1, c0_1);
            x = DoubleVector.broadcast(SPECIES, a[ap + ars]);
            c1_0 = x.fma(b0, c1_0);
            c1_1 = x.fma(b1, c1_1);
            x = DoubleVector.broadcast(SPECIES, a[ap + 2 * ars]);
            c2_0 = x.fma(b0, c2_0);
            c2_1 = x.fma(b1, c2_1);
            x = DoubleVector.broadcast(SPECIES, a[ap + 3 * ars]);
            c3_0 = x.fma(b0, c3_0);
            c3_1 = x.fma(b1, c3_1);
            x = DoubleVector.broadcast(SPECIES, a[ap + 4 * ars]);
            c4_0 = x.fma(b0, c4_0);
            c4_1 = x.fma(b1, c4_1);
            x = DoubleVector.broadcast(SPECIES, a[ap + 5 * ars]);
            c5_0 = x.fma(b0, c5_0);
            c5_1 = x.fma(b1, c5_1);
            x = DoubleVector.broadcast(SPECIES, a[ap + 6 * ars]);
            c6_0 = x.fma(b0, c6_0);
            c6_1 = x.fma(b1, c6_1);
            x = DoubleVector.broadcast(SPECIES, a[ap + 7 * ars]);
            c7_0 = x.fma(b0, c7_0);
            c7_1 = x.fma(b1, c7_1);
            x = DoubleVector.broadcast(SPECIES, a[ap + 8 * ars]);
            c8_0 = x.fma(b0, c8_0);
            c8_1 = x.fma(b1, c8_1);
            x = DoubleVector.broadcast(SPECIES, a[ap + 9 * ars]);
            c9_0 = x.fma(b0, c9_0);
            c9_1 = x.fma(b1, c9_1);
            x = DoubleVector.broadcast(SPECIES, a[ap + 10 * ars]);
            c10_0 = x.fma(b0, c10_0);
            c10_1 = x.fma(b1, c10_1);
            x = DoubleVector.broadcast(SPECIES, a[ap + 11 * ars]);
            c11_0 = x.fma(b0, c11_0);
            c11_1 = x.fma(b1, c11_1);
        }
        if (bias != null) {   // the epilogue of z = x·W + b: each entry gets b_j once its chain is done
            DoubleVector bias0 = DoubleVector.fromArray(SPECIES, bias, biasAt);
            DoubleVector bias1 = DoubleVector.fromArray(SPECIES, bias, biasAt + LANES);
            c0_0 = c0_0.add(bias0);
            c0_1 = c0_1.add(bias1);
            c1_0 = c1_0.add(bias0);
            c1_1 = c1_1.add(bias1);
            c2_0 = c2_0.add(bias0);
            c2_1 = c2_1.add(bias1);
            c3_0 = c3_0.add(bias0);
            c3_1 = c3_1.add(bias1);
            c4_0 = c4_0.add(bias0);
            c4_1 = c4_1.add(bias1);
            c5_0 = c5_0.add(bias0);
            c5_1 = c5_1.add(bias1);
            c6_0 = c6_0.add(bias0);
            c6_1 = c6_1.add(bias1);
            c7_0 = c7_0.add(bias0);
            c7_1 = c7_1.add(bias1);
            c8_0 = c8_0.add(bias0);
            c8_1 = c8_1.add(bias1);
            c9_0 = c9_0.add(bias0);
            c9_1 = c9_1.add(bias1);
            c10_0 = c10_0.add(bias0);
            c10_1 = c10_1.add(bias1);
            c11_0 = c11_0.add(bias0);
            c11_1 = c11_1.add(bias1);
        }
        c0_0.intoArray(c, cp);
        c0_1.intoArray(c, cp + LANES);
        c1_0.intoArray(c, r1);
        c1_1.intoArray(c, r1 + LANES);
        c2_0.intoArray(c, r2);
        c2_1.intoArray(c, r2 + LANES);
        c3_0.intoArray(c, r3);
        c3_1.intoArray(c, r3 + LANES);
        c4_0.intoArray(c, r4);
        c4_1.intoArray(c, r4 + LANES);
        c5_0.intoArray(c, r5);
        c5_1.intoArray(c, r5 + LANES);
        c6_0.intoArray(c, r6);
        c6_1.intoArray(c, r6 + LANES);
        c7_0.intoArray(c, r7);
        c7_1.intoArray(c, r7 + LANES);
        c8_0.intoArray(c, r8);
        c8_1.intoArray(c, r8 + LANES);
        c9_0.intoArray(c, r9);
        c9_1.intoArray(c, r9 + LANES);
        c10_0.intoArray(c, r10);
        c10_1.intoArray(c, r10 + LANES);
        c11_0.intoArray(c, r11);
        c11_1.intoArray(c, r11 + LANES);
    }

    /** A 8-row × 3-vector tile of C over one depth block: 24 accumulators, 3 loads of B and one broadcast a step. */
    static void tile8x3(double[] a, int ap, int ars, int ads, double[] b, int bp, int bs, int n,
                     double[] c, int cp, int depth, boolean load, double[] bias, int biasAt) {
        int r1 = cp + n, r2 = r1 + n, r3 = r2 + n, r4 = r3 + n, r5 = r4 + n, r6 = r5 + n, r7 = r6 + n;
        DoubleVector c0_0 = start(c, cp, load), c0_1 = start(c, cp + LANES, load), c0_2 = start(c, cp + 2 * LANES, load);
        DoubleVector c1_0 = start(c, r1, load), c1_1 = start(c, r1 + LANES, load), c1_2 = start(c, r1 + 2 * LANES, load);
        DoubleVector c2_0 = start(c, r2, load), c2_1 = start(c, r2 + LANES, load), c2_2 = start(c, r2 + 2 * LANES, load);
        DoubleVector c3_0 = start(c, r3, load), c3_1 = start(c, r3 + LANES, load), c3_2 = start(c, r3 + 2 * LANES, load);
        DoubleVector c4_0 = start(c, r4, load), c4_1 = start(c, r4 + LANES, load), c4_2 = start(c, r4 + 2 * LANES, load);
        DoubleVector c5_0 = start(c, r5, load), c5_1 = start(c, r5 + LANES, load), c5_2 = start(c, r5 + 2 * LANES, load);
        DoubleVector c6_0 = start(c, r6, load), c6_1 = start(c, r6 + LANES, load), c6_2 = start(c, r6 + 2 * LANES, load);
        DoubleVector c7_0 = start(c, r7, load), c7_1 = start(c, r7 + LANES, load), c7_2 = start(c, r7 + 2 * LANES, load);
        for (int p = 0; p < depth; p++, ap += ads, bp += bs) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bp + LANES);
            DoubleVector b2 = DoubleVector.fromArray(SPECIES, b, bp + 2 * LANES);
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[ap]);
            c0_0 = x.fma(b0, c0_0);
            c0_1 = x.fma(b1, c0_1);
            c0_2 = x.fma(b2, c0_2);
            x = DoubleVector.broadcast(SPECIES, a[ap + ars]);
            c1_0 = x.fma(b0, c1_0);
            c1_1 = x.fma(b1, c1_1);
            c1_2 = x.fma(b2, c1_2);
            x = DoubleVector.broadcast(SPECIES, a[ap + 2 * ars]);
            c2_0 = x.fma(b0, c2_0);
            c2_1 = x.fma(b1, c2_1);
            c2_2 = x.fma(b2, c2_2);
            x = DoubleVector.broadcast(SPECIES, a[ap + 3 * ars]);
            c3_0 = x.fma(b0, c3_0);
            c3_1 = x.fma(b1, c3_1);
            c3_2 = x.fma(b2, c3_2);
            x = DoubleVector.broadcast(SPECIES, a[ap + 4 * ars]);
            c4_0 = x.fma(b0, c4_0);
            c4_1 = x.fma(b1, c4_1);
            c4_2 = x.fma(b2, c4_2);
            x = DoubleVector.broadcast(SPECIES, a[ap + 5 * ars]);
            c5_0 = x.fma(b0, c5_0);
            c5_1 = x.fma(b1, c5_1);
            c5_2 = x.fma(b2, c5_2);
            x = DoubleVector.broadcast(SPECIES, a[ap + 6 * ars]);
            c6_0 = x.fma(b0, c6_0);
            c6_1 = x.fma(b1, c6_1);
            c6_2 = x.fma(b2, c6_2);
            x = DoubleVector.broadcast(SPECIES, a[ap + 7 * ars]);
            c7_0 = x.fma(b0, c7_0);
            c7_1 = x.fma(b1, c7_1);
            c7_2 = x.fma(b2, c7_2);
        }
        if (bias != null) {   // the epilogue of z = x·W + b: each entry gets b_j once its chain is done
            DoubleVector bias0 = DoubleVector.fromArray(SPECIES, bias, biasAt);
            DoubleVector bias1 = DoubleVector.fromArray(SPECIES, bias, biasAt + LANES);
            DoubleVector bias2 = DoubleVector.fromArray(SPECIES, bias, biasAt + 2 * LANES);
            c0_0 = c0_0.add(bias0);
            c0_1 = c0_1.add(bias1);
            c0_2 = c0_2.add(bias2);
            c1_0 = c1_0.add(bias0);
            c1_1 = c1_1.add(bias1);
            c1_2 = c1_2.add(bias2);
            c2_0 = c2_0.add(bias0);
            c2_1 = c2_1.add(bias1);
            c2_2 = c2_2.add(bias2);
            c3_0 = c3_0.add(bias0);
            c3_1 = c3_1.add(bias1);
            c3_2 = c3_2.add(bias2);
            c4_0 = c4_0.add(bias0);
            c4_1 = c4_1.add(bias1);
            c4_2 = c4_2.add(bias2);
            c5_0 = c5_0.add(bias0);
            c5_1 = c5_1.add(bias1);
            c5_2 = c5_2.add(bias2);
            c6_0 = c6_0.add(bias0);
            c6_1 = c6_1.add(bias1);
            c6_2 = c6_2.add(bias2);
            c7_0 = c7_0.add(bias0);
            c7_1 = c7_1.add(bias1);
            c7_2 = c7_2.add(bias2);
        }
        c0_0.intoArray(c, cp);
        c0_1.intoArray(c, cp + LANES);
        c0_2.intoArray(c, cp + 2 * LANES);
        c1_0.intoArray(c, r1);
        c1_1.intoArray(c, r1 + LANES);
        c1_2.intoArray(c, r1 + 2 * LANES);
        c2_0.intoArray(c, r2);
        c2_1.intoArray(c, r2 + LANES);
        c2_2.intoArray(c, r2 + 2 * LANES);
        c3_0.intoArray(c, r3);
        c3_1.intoArray(c, r3 + LANES);
        c3_2.intoArray(c, r3 + 2 * LANES);
        c4_0.intoArray(c, r4);
        c4_1.intoArray(c, r4 + LANES);
        c4_2.intoArray(c, r4 + 2 * LANES);
        c5_0.intoArray(c, r5);
        c5_1.intoArray(c, r5 + LANES);
        c5_2.intoArray(c, r5 + 2 * LANES);
        c6_0.intoArray(c, r6);
        c6_1.intoArray(c, r6 + LANES);
        c6_2.intoArray(c, r6 + 2 * LANES);
        c7_0.intoArray(c, r7);
        c7_1.intoArray(c, r7 + LANES);
        c7_2.intoArray(c, r7 + 2 * LANES);
    }

    /** A 8-row × 2-vector tile of C over one depth block: 16 accumulators, 2 loads of B and one broadcast a step. */
    static void tile8x2(double[] a, int ap, int ars, int ads, double[] b, int bp, int bs, int n,
                     double[] c, int cp, int depth, boolean load, double[] bias, int biasAt) {
        int r1 = cp + n, r2 = r1 + n, r3 = r2 + n, r4 = r3 + n, r5 = r4 + n, r6 = r5 + n, r7 = r6 + n;
        DoubleVector c0_0 = start(c, cp, load), c0_1 = start(c, cp + LANES, load);
        DoubleVector c1_0 = start(c, r1, load), c1_1 = start(c, r1 + LANES, load);
        DoubleVector c2_0 = start(c, r2, load), c2_1 = start(c, r2 + LANES, load);
        DoubleVector c3_0 = start(c, r3, load), c3_1 = start(c, r3 + LANES, load);
        DoubleVector c4_0 = start(c, r4, load), c4_1 = start(c, r4 + LANES, load);
        DoubleVector c5_0 = start(c, r5, load), c5_1 = start(c, r5 + LANES, load);
        DoubleVector c6_0 = start(c, r6, load), c6_1 = start(c, r6 + LANES, load);
        DoubleVector c7_0 = start(c, r7, load), c7_1 = start(c, r7 + LANES, load);
        for (int p = 0; p < depth; p++, ap += ads, bp += bs) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bp + LANES);
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[ap]);
            c0_0 = x.fma(b0, c0_0);
            c0_1 = x.fma(b1, c0_1);
            x = DoubleVector.broadcast(SPECIES, a[ap + ars]);
            c1_0 = x.fma(b0, c1_0);
            c1_1 = x.fma(b1, c1_1);
            x = DoubleVector.broadcast(SPECIES, a[ap + 2 * ars]);
            c2_0 = x.fma(b0, c2_0);
            c2_1 = x.fma(b1, c2_1);
            x = DoubleVector.broadcast(SPECIES, a[ap + 3 * ars]);
            c3_0 = x.fma(b0, c3_0);
            c3_1 = x.fma(b1, c3_1);
            x = DoubleVector.broadcast(SPECIES, a[ap + 4 * ars]);
            c4_0 = x.fma(b0, c4_0);
            c4_1 = x.fma(b1, c4_1);
            x = DoubleVector.broadcast(SPECIES, a[ap + 5 * ars]);
            c5_0 = x.fma(b0, c5_0);
            c5_1 = x.fma(b1, c5_1);
            x = DoubleVector.broadcast(SPECIES, a[ap + 6 * ars]);
            c6_0 = x.fma(b0, c6_0);
            c6_1 = x.fma(b1, c6_1);
            x = DoubleVector.broadcast(SPECIES, a[ap + 7 * ars]);
            c7_0 = x.fma(b0, c7_0);
            c7_1 = x.fma(b1, c7_1);
        }
        if (bias != null) {   // the epilogue of z = x·W + b: each entry gets b_j once its chain is done
            DoubleVector bias0 = DoubleVector.fromArray(SPECIES, bias, biasAt);
            DoubleVector bias1 = DoubleVector.fromArray(SPECIES, bias, biasAt + LANES);
            c0_0 = c0_0.add(bias0);
            c0_1 = c0_1.add(bias1);
            c1_0 = c1_0.add(bias0);
            c1_1 = c1_1.add(bias1);
            c2_0 = c2_0.add(bias0);
            c2_1 = c2_1.add(bias1);
            c3_0 = c3_0.add(bias0);
            c3_1 = c3_1.add(bias1);
            c4_0 = c4_0.add(bias0);
            c4_1 = c4_1.add(bias1);
            c5_0 = c5_0.add(bias0);
            c5_1 = c5_1.add(bias1);
            c6_0 = c6_0.add(bias0);
            c6_1 = c6_1.add(bias1);
            c7_0 = c7_0.add(bias0);
            c7_1 = c7_1.add(bias1);
        }
        c0_0.intoArray(c, cp);
        c0_1.intoArray(c, cp + LANES);
        c1_0.intoArray(c, r1);
        c1_1.intoArray(c, r1 + LANES);
        c2_0.intoArray(c, r2);
        c2_1.intoArray(c, r2 + LANES);
        c3_0.intoArray(c, r3);
        c3_1.intoArray(c, r3 + LANES);
        c4_0.intoArray(c, r4);
        c4_1.intoArray(c, r4 + LANES);
        c5_0.intoArray(c, r5);
        c5_1.intoArray(c, r5 + LANES);
        c6_0.intoArray(c, r6);
        c6_1.intoArray(c, r6 + LANES);
        c7_0.intoArray(c, r7);
        c7_1.intoArray(c, r7 + LANES);
    }

    /** A 6-row × 2-vector tile of C over one depth block: 12 accumulators, 2 loads of B and one broadcast a step. */
    static void tile6x2(double[] a, int ap, int ars, int ads, double[] b, int bp, int bs, int n,
                     double[] c, int cp, int depth, boolean load, double[] bias, int biasAt) {
        int r1 = cp + n, r2 = r1 + n, r3 = r2 + n, r4 = r3 + n, r5 = r4 + n;
        DoubleVector c0_0 = start(c, cp, load), c0_1 = start(c, cp + LANES, load);
        DoubleVector c1_0 = start(c, r1, load), c1_1 = start(c, r1 + LANES, load);
        DoubleVector c2_0 = start(c, r2, load), c2_1 = start(c, r2 + LANES, load);
        DoubleVector c3_0 = start(c, r3, load), c3_1 = start(c, r3 + LANES, load);
        DoubleVector c4_0 = start(c, r4, load), c4_1 = start(c, r4 + LANES, load);
        DoubleVector c5_0 = start(c, r5, load), c5_1 = start(c, r5 + LANES, load);
        for (int p = 0; p < depth; p++, ap += ads, bp += bs) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bp + LANES);
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[ap]);
            c0_0 = x.fma(b0, c0_0);
            c0_1 = x.fma(b1, c0_1);
            x = DoubleVector.broadcast(SPECIES, a[ap + ars]);
            c1_0 = x.fma(b0, c1_0);
            c1_1 = x.fma(b1, c1_1);
            x = DoubleVector.broadcast(SPECIES, a[ap + 2 * ars]);
            c2_0 = x.fma(b0, c2_0);
            c2_1 = x.fma(b1, c2_1);
            x = DoubleVector.broadcast(SPECIES, a[ap + 3 * ars]);
            c3_0 = x.fma(b0, c3_0);
            c3_1 = x.fma(b1, c3_1);
            x = DoubleVector.broadcast(SPECIES, a[ap + 4 * ars]);
            c4_0 = x.fma(b0, c4_0);
            c4_1 = x.fma(b1, c4_1);
            x = DoubleVector.broadcast(SPECIES, a[ap + 5 * ars]);
            c5_0 = x.fma(b0, c5_0);
            c5_1 = x.fma(b1, c5_1);
        }
        if (bias != null) {   // the epilogue of z = x·W + b: each entry gets b_j once its chain is done
            DoubleVector bias0 = DoubleVector.fromArray(SPECIES, bias, biasAt);
            DoubleVector bias1 = DoubleVector.fromArray(SPECIES, bias, biasAt + LANES);
            c0_0 = c0_0.add(bias0);
            c0_1 = c0_1.add(bias1);
            c1_0 = c1_0.add(bias0);
            c1_1 = c1_1.add(bias1);
            c2_0 = c2_0.add(bias0);
            c2_1 = c2_1.add(bias1);
            c3_0 = c3_0.add(bias0);
            c3_1 = c3_1.add(bias1);
            c4_0 = c4_0.add(bias0);
            c4_1 = c4_1.add(bias1);
            c5_0 = c5_0.add(bias0);
            c5_1 = c5_1.add(bias1);
        }
        c0_0.intoArray(c, cp);
        c0_1.intoArray(c, cp + LANES);
        c1_0.intoArray(c, r1);
        c1_1.intoArray(c, r1 + LANES);
        c2_0.intoArray(c, r2);
        c2_1.intoArray(c, r2 + LANES);
        c3_0.intoArray(c, r3);
        c3_1.intoArray(c, r3 + LANES);
        c4_0.intoArray(c, r4);
        c4_1.intoArray(c, r4 + LANES);
        c5_0.intoArray(c, r5);
        c5_1.intoArray(c, r5 + LANES);
    }

    /** A 4-row × 4-vector tile of C over one depth block: 16 accumulators, 4 loads of B and one broadcast a step. */
    static void tile4x4(double[] a, int ap, int ars, int ads, double[] b, int bp, int bs, int n,
                     double[] c, int cp, int depth, boolean load, double[] bias, int biasAt) {
        int r1 = cp + n, r2 = r1 + n, r3 = r2 + n;
        DoubleVector c0_0 = start(c, cp, load), c0_1 = start(c, cp + LANES, load), c0_2 = start(c, cp + 2 * LANES, load), c0_3 = start(c, cp + 3 * LANES, load);
        DoubleVector c1_0 = start(c, r1, load), c1_1 = start(c, r1 + LANES, load), c1_2 = start(c, r1 + 2 * LANES, load), c1_3 = start(c, r1 + 3 * LANES, load);
        DoubleVector c2_0 = start(c, r2, load), c2_1 = start(c, r2 + LANES, load), c2_2 = start(c, r2 + 2 * LANES, load), c2_3 = start(c, r2 + 3 * LANES, load);
        DoubleVector c3_0 = start(c, r3, load), c3_1 = start(c, r3 + LANES, load), c3_2 = start(c, r3 + 2 * LANES, load), c3_3 = start(c, r3 + 3 * LANES, load);
        for (int p = 0; p < depth; p++, ap += ads, bp += bs) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bp + LANES);
            DoubleVector b2 = DoubleVector.fromArray(SPECIES, b, bp + 2 * LANES);
            DoubleVector b3 = DoubleVector.fromArray(SPECIES, b, bp + 3 * LANES);
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[ap]);
            c0_0 = x.fma(b0, c0_0);
            c0_1 = x.fma(b1, c0_1);
            c0_2 = x.fma(b2, c0_2);
            c0_3 = x.fma(b3, c0_3);
            x = DoubleVector.broadcast(SPECIES, a[ap + ars]);
            c1_0 = x.fma(b0, c1_0);
            c1_1 = x.fma(b1, c1_1);
            c1_2 = x.fma(b2, c1_2);
            c1_3 = x.fma(b3, c1_3);
            x = DoubleVector.broadcast(SPECIES, a[ap + 2 * ars]);
            c2_0 = x.fma(b0, c2_0);
            c2_1 = x.fma(b1, c2_1);
            c2_2 = x.fma(b2, c2_2);
            c2_3 = x.fma(b3, c2_3);
            x = DoubleVector.broadcast(SPECIES, a[ap + 3 * ars]);
            c3_0 = x.fma(b0, c3_0);
            c3_1 = x.fma(b1, c3_1);
            c3_2 = x.fma(b2, c3_2);
            c3_3 = x.fma(b3, c3_3);
        }
        if (bias != null) {   // the epilogue of z = x·W + b: each entry gets b_j once its chain is done
            DoubleVector bias0 = DoubleVector.fromArray(SPECIES, bias, biasAt);
            DoubleVector bias1 = DoubleVector.fromArray(SPECIES, bias, biasAt + LANES);
            DoubleVector bias2 = DoubleVector.fromArray(SPECIES, bias, biasAt + 2 * LANES);
            DoubleVector bias3 = DoubleVector.fromArray(SPECIES, bias, biasAt + 3 * LANES);
            c0_0 = c0_0.add(bias0);
            c0_1 = c0_1.add(bias1);
            c0_2 = c0_2.add(bias2);
            c0_3 = c0_3.add(bias3);
            c1_0 = c1_0.add(bias0);
            c1_1 = c1_1.add(bias1);
            c1_2 = c1_2.add(bias2);
            c1_3 = c1_3.add(bias3);
            c2_0 = c2_0.add(bias0);
            c2_1 = c2_1.add(bias1);
            c2_2 = c2_2.add(bias2);
            c2_3 = c2_3.add(bias3);
            c3_0 = c3_0.add(bias0);
            c3_1 = c3_1.add(bias1);
            c3_2 = c3_2.add(bias2);
            c3_3 = c3_3.add(bias3);
        }
        c0_0.intoArray(c, cp);
        c0_1.intoArray(c, cp + LANES);
        c0_2.intoArray(c, cp + 2 * LANES);
        c0_3.intoArray(c, cp + 3 * LANES);
        c1_0.intoArray(c, r1);
        c1_1.intoArray(c, r1 + LANES);
        c1_2.intoArray(c, r1 + 2 * LANES);
        c1_3.intoArray(c, r1 + 3 * LANES);
        c2_0.intoArray(c, r2);
        c2_1.intoArray(c, r2 + LANES);
        c2_2.intoArray(c, r2 + 2 * LANES);
        c2_3.intoArray(c, r2 + 3 * LANES);
        c3_0.intoArray(c, r3);
        c3_1.intoArray(c, r3 + LANES);
        c3_2.intoArray(c, r3 + 2 * LANES);
        c3_3.intoArray(c, r3 + 3 * LANES);
    }

    /** A 4-row × 3-vector tile of C over one depth block: 12 accumulators, 3 loads of B and one broadcast a step. */
    static void tile4x3(double[] a, int ap, int ars, int ads, double[] b, int bp, int bs, int n,
                     double[] c, int cp, int depth, boolean load, double[] bias, int biasAt) {
        int r1 = cp + n, r2 = r1 + n, r3 = r2 + n;
        DoubleVector c0_0 = start(c, cp, load), c0_1 = start(c, cp + LANES, load), c0_2 = start(c, cp + 2 * LANES, load);
        DoubleVector c1_0 = start(c, r1, load), c1_1 = start(c, r1 + LANES, load), c1_2 = start(c, r1 + 2 * LANES, load);
        DoubleVector c2_0 = start(c, r2, load), c2_1 = start(c, r2 + LANES, load), c2_2 = start(c, r2 + 2 * LANES, load);
        DoubleVector c3_0 = start(c, r3, load), c3_1 = start(c, r3 + LANES, load), c3_2 = start(c, r3 + 2 * LANES, load);
        for (int p = 0; p < depth; p++, ap += ads, bp += bs) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bp + LANES);
            DoubleVector b2 = DoubleVector.fromArray(SPECIES, b, bp + 2 * LANES);
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[ap]);
            c0_0 = x.fma(b0, c0_0);
            c0_1 = x.fma(b1, c0_1);
            c0_2 = x.fma(b2, c0_2);
            x = DoubleVector.broadcast(SPECIES, a[ap + ars]);
            c1_0 = x.fma(b0, c1_0);
            c1_1 = x.fma(b1, c1_1);
            c1_2 = x.fma(b2, c1_2);
            x = DoubleVector.broadcast(SPECIES, a[ap + 2 * ars]);
            c2_0 = x.fma(b0, c2_0);
            c2_1 = x.fma(b1, c2_1);
            c2_2 = x.fma(b2, c2_2);
            x = DoubleVector.broadcast(SPECIES, a[ap + 3 * ars]);
            c3_0 = x.fma(b0, c3_0);
            c3_1 = x.fma(b1, c3_1);
            c3_2 = x.fma(b2, c3_2);
        }
        if (bias != null) {   // the epilogue of z = x·W + b: each entry gets b_j once its chain is done
            DoubleVector bias0 = DoubleVector.fromArray(SPECIES, bias, biasAt);
            DoubleVector bias1 = DoubleVector.fromArray(SPECIES, bias, biasAt + LANES);
            DoubleVector bias2 = DoubleVector.fromArray(SPECIES, bias, biasAt + 2 * LANES);
            c0_0 = c0_0.add(bias0);
            c0_1 = c0_1.add(bias1);
            c0_2 = c0_2.add(bias2);
            c1_0 = c1_0.add(bias0);
            c1_1 = c1_1.add(bias1);
            c1_2 = c1_2.add(bias2);
            c2_0 = c2_0.add(bias0);
            c2_1 = c2_1.add(bias1);
            c2_2 = c2_2.add(bias2);
            c3_0 = c3_0.add(bias0);
            c3_1 = c3_1.add(bias1);
            c3_2 = c3_2.add(bias2);
        }
        c0_0.intoArray(c, cp);
        c0_1.intoArray(c, cp + LANES);
        c0_2.intoArray(c, cp + 2 * LANES);
        c1_0.intoArray(c, r1);
        c1_1.intoArray(c, r1 + LANES);
        c1_2.intoArray(c, r1 + 2 * LANES);
        c2_0.intoArray(c, r2);
        c2_1.intoArray(c, r2 + LANES);
        c2_2.intoArray(c, r2 + 2 * LANES);
        c3_0.intoArray(c, r3);
        c3_1.intoArray(c, r3 + LANES);
        c3_2.intoArray(c, r3 + 2 * LANES);
    }

    /** A 4-row × 2-vector tile of C over one depth block: 8 accumulators, 2 loads of B and one broadcast a step. */
    static void tile4x2(double[] a, int ap, int ars, int ads, double[] b, int bp, int bs, int n,
                     double[] c, int cp, int depth, boolean load, double[] bias, int biasAt) {
        int r1 = cp + n, r2 = r1 + n, r3 = r2 + n;
        DoubleVector c0_0 = start(c, cp, load), c0_1 = start(c, cp + LANES, load);
        DoubleVector c1_0 = start(c, r1, load), c1_1 = start(c, r1 + LANES, load);
        DoubleVector c2_0 = start(c, r2, load), c2_1 = start(c, r2 + LANES, load);
        DoubleVector c3_0 = start(c, r3, load), c3_1 = start(c, r3 + LANES, load);
        for (int p = 0; p < depth; p++, ap += ads, bp += bs) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bp + LANES);
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[ap]);
            c0_0 = x.fma(b0, c0_0);
            c0_1 = x.fma(b1, c0_1);
            x = DoubleVector.broadcast(SPECIES, a[ap + ars]);
            c1_0 = x.fma(b0, c1_0);
            c1_1 = x.fma(b1, c1_1);
            x = DoubleVector.broadcast(SPECIES, a[ap + 2 * ars]);
            c2_0 = x.fma(b0, c2_0);
            c2_1 = x.fma(b1, c2_1);
            x = DoubleVector.broadcast(SPECIES, a[ap + 3 * ars]);
            c3_0 = x.fma(b0, c3_0);
            c3_1 = x.fma(b1, c3_1);
        }
        if (bias != null) {   // the epilogue of z = x·W + b: each entry gets b_j once its chain is done
            DoubleVector bias0 = DoubleVector.fromArray(SPECIES, bias, biasAt);
            DoubleVector bias1 = DoubleVector.fromArray(SPECIES, bias, biasAt + LANES);
            c0_0 = c0_0.add(bias0);
            c0_1 = c0_1.add(bias1);
            c1_0 = c1_0.add(bias0);
            c1_1 = c1_1.add(bias1);
            c2_0 = c2_0.add(bias0);
            c2_1 = c2_1.add(bias1);
            c3_0 = c3_0.add(bias0);
            c3_1 = c3_1.add(bias1);
        }
        c0_0.intoArray(c, cp);
        c0_1.intoArray(c, cp + LANES);
        c1_0.intoArray(c, r1);
        c1_1.intoArray(c, r1 + LANES);
        c2_0.intoArray(c, r2);
        c2_1.intoArray(c, r2 + LANES);
        c3_0.intoArray(c, r3);
        c3_1.intoArray(c, r3 + LANES);
    }

    /** A 1-row × 4-vector tile of C over one depth block: 4 accumulators, 4 loads of B and one broadcast a step. */
    static void tile1x4(double[] a, int ap, int ars, int ads, double[] b, int bp, int bs, int n,
                     double[] c, int cp, int depth, boolean load, double[] bias, int biasAt) {
        DoubleVector c0_0 = start(c, cp, load), c0_1 = start(c, cp + LANES, load), c0_2 = start(c, cp + 2 * LANES, load), c0_3 = start(c, cp + 3 * LANES, load);
        for (int p = 0; p < depth; p++, ap += ads, bp += bs) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bp + LANES);
            DoubleVector b2 = DoubleVector.fromArray(SPECIES, b, bp + 2 * LANES);
            DoubleVector b3 = DoubleVector.fromArray(SPECIES, b, bp + 3 * LANES);
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[ap]);
            c0_0 = x.fma(b0, c0_0);
            c0_1 = x.fma(b1, c0_1);
            c0_2 = x.fma(b2, c0_2);
            c0_3 = x.fma(b3, c0_3);
        }
        if (bias != null) {   // the epilogue of z = x·W + b: each entry gets b_j once its chain is done
            DoubleVector bias0 = DoubleVector.fromArray(SPECIES, bias, biasAt);
            DoubleVector bias1 = DoubleVector.fromArray(SPECIES, bias, biasAt + LANES);
            DoubleVector bias2 = DoubleVector.fromArray(SPECIES, bias, biasAt + 2 * LANES);
            DoubleVector bias3 = DoubleVector.fromArray(SPECIES, bias, biasAt + 3 * LANES);
            c0_0 = c0_0.add(bias0);
            c0_1 = c0_1.add(bias1);
            c0_2 = c0_2.add(bias2);
            c0_3 = c0_3.add(bias3);
        }
        c0_0.intoArray(c, cp);
        c0_1.intoArray(c, cp + LANES);
        c0_2.intoArray(c, cp + 2 * LANES);
        c0_3.intoArray(c, cp + 3 * LANES);
    }

    /** A 1-row × 3-vector tile of C over one depth block: 3 accumulators, 3 loads of B and one broadcast a step. */
    static void tile1x3(double[] a, int ap, int ars, int ads, double[] b, int bp, int bs, int n,
                     double[] c, int cp, int depth, boolean load, double[] bias, int biasAt) {
        DoubleVector c0_0 = start(c, cp, load), c0_1 = start(c, cp + LANES, load), c0_2 = start(c, cp + 2 * LANES, load);
        for (int p = 0; p < depth; p++, ap += ads, bp += bs) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bp + LANES);
            DoubleVector b2 = DoubleVector.fromArray(SPECIES, b, bp + 2 * LANES);
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[ap]);
            c0_0 = x.fma(b0, c0_0);
            c0_1 = x.fma(b1, c0_1);
            c0_2 = x.fma(b2, c0_2);
        }
        if (bias != null) {   // the epilogue of z = x·W + b: each entry gets b_j once its chain is done
            DoubleVector bias0 = DoubleVector.fromArray(SPECIES, bias, biasAt);
            DoubleVector bias1 = DoubleVector.fromArray(SPECIES, bias, biasAt + LANES);
            DoubleVector bias2 = DoubleVector.fromArray(SPECIES, bias, biasAt + 2 * LANES);
            c0_0 = c0_0.add(bias0);
            c0_1 = c0_1.add(bias1);
            c0_2 = c0_2.add(bias2);
        }
        c0_0.intoArray(c, cp);
        c0_1.intoArray(c, cp + LANES);
        c0_2.intoArray(c, cp + 2 * LANES);
    }

    /** A 1-row × 2-vector tile of C over one depth block: 2 accumulators, 2 loads of B and one broadcast a step. */
    static void tile1x2(double[] a, int ap, int ars, int ads, double[] b, int bp, int bs, int n,
                     double[] c, int cp, int depth, boolean load, double[] bias, int biasAt) {
        DoubleVector c0_0 = start(c, cp, load), c0_1 = start(c, cp + LANES, load);
        for (int p = 0; p < depth; p++, ap += ads, bp += bs) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bp + LANES);
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[ap]);
            c0_0 = x.fma(b0, c0_0);
            c0_1 = x.fma(b1, c0_1);
        }
        if (bias != null) {   // the epilogue of z = x·W + b: each entry gets b_j once its chain is done
            DoubleVector bias0 = DoubleVector.fromArray(SPECIES, bias, biasAt);
            DoubleVector bias1 = DoubleVector.fromArray(SPECIES, bias, biasAt + LANES);
            c0_0 = c0_0.add(bias0);
            c0_1 = c0_1.add(bias1);
        }
        c0_0.intoArray(c, cp);
        c0_1.intoArray(c, cp + LANES);
    }

}
