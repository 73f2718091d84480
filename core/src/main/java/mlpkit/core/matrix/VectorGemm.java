package mlpkit.core.matrix;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD product, on the JDK's Vector API ({@code jdk.incubator.vector}). Loaded only when that
 * module is present ({@link KernelSelection}), so the library still runs without
 * {@code --add-modules jdk.incubator.vector}, on {@link ScalarGemm}.
 *
 * <p>Register blocking: an R-row × C-vector tile of C ({@link VectorTiles}: 8×3 with 512-bit vectors, 6×2
 * where the CPU may have only 16 vector registers, each measured) stays in registers across a depth block of at
 * most 256; each step loads C vectors of one row of B and broadcasts one entry of A per row. The panels of B are as
 * wide as the main tile, then one vector narrower for what is left (16 vectors at width 3: 4 × 3 + 2 × 2).
 * B's rows are read in place: copying each panel into contiguous memory first (packing) was measured and
 * did not pay at an MLP's sizes (C1 within noise). Columns past the last whole vector are done by one
 * more vector column that ends at column n and overlaps the columns before it (their lanes are written
 * back unchanged); a column one vector wide runs down twelve rows at a time ({@link #tile12x1}). Products
 * with fewer columns than a vector: with A row-major, each row of C is one vector
 * whose spare lanes multiply zeros ({@link #paddedRows}); with Aᵀ given (A's rows side by side), vectors run
 * down groups of LANES rows instead ({@link #narrowProduct}). Only what fits neither way is scalar: fewer than
 * LANES rows and columns, or a narrow product that accumulates. A bias can be added in the epilogue, as each entry is
 * finished (z = x·W + b without a second pass).
 *
 * <p>Each lane computes {@code c = fma(a, b, c)} exactly like {@link Math#fma}, in the order of p, so
 * the result equals {@link ScalarGemm}'s bit for bit.
 */
final class VectorGemm implements GemmKernel {
    /** Must be a static final constant for C2 to compile the vector operations into instructions. */
    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    private static final int DEPTH_BLOCK = 256;
    /** Lane i holds i: compared with a count, it gives the mask of the first lanes. */
    private static final DoubleVector IOTA = DoubleVector.fromArray(SPECIES, iota(), 0);
    /** Rows of C from which a panel of B is packed (-Dmlpkit.packRows, for measurements; 0 packs always). */
    private static final int PACK_ROWS = Integer.getInteger("mlpkit.packRows", 96);
    /** Packed panels up to this many bytes (-Dmlpkit.packBytes): they must stay in L1 beside A's rows and C's tile. */
    private static final int PACK_BYTES = Integer.getInteger("mlpkit.packBytes", 24 * 1024);
    private static final ThreadLocal<NarrowScratch> SCRATCH = ThreadLocal.withInitial(NarrowScratch::new);

    /**
     * Per-thread scratch: packed panels of B, B's rows padded to whole vectors ({@link #paddedRows}), and four
     * vectors of results on their way into C. Allocated when a thread first needs it and grown only for a larger
     * product (never per product at a fixed shape); it carries no result from call to call.
     */
    private static final class NarrowScratch {
        final double[] out = new double[4 * LANES];

        double[] panel = new double[0];

        double[] panel(int size) {
            if (panel.length < size) {
                panel = new double[size];
            }
            return panel;
        }
    }

    /** The product with the tile for this JVM's vectors ({@link VectorTiles#preferred}), or the one forced by {@code -Dmlpkit.kernels=vector:RxC}. */
    static final VectorGemm INSTANCE = new VectorGemm(chosenShape());

    /** The main register tile: {@code rows} of C × {@code vectors} vectors of columns. */
    private final VectorTiles.Shape shape;
    /** Rows of the tiles in the panels of v vectors (v below the main width): {@link VectorTiles#rowsFor}. */
    private final int[] panelRows;

    private VectorGemm(VectorTiles.Shape shape) {
        this.shape = shape;
        this.panelRows = new int[shape.vectors() + 1];
        for (int v = 2; v <= shape.vectors(); v++) {
            panelRows[v] = v == shape.vectors() ? shape.rows() : VectorTiles.rowsFor(shape.rows(), v);
        }
    }

    /** The tile a {@code -Dmlpkit.kernels} value {@code vector:RxC} names, or null when it names none. */
    static VectorTiles.Shape forcedTile(String kernels) {
        return kernels.startsWith("vector:") ? VectorTiles.parse(kernels.substring("vector:".length())) : null;
    }

    /** The product on another main tile: the same bits, another speed (for tests and benchmarks). */
    static VectorGemm withTile(VectorTiles.Shape shape) {
        if (!VectorTiles.SHAPES.contains(shape)) {
            throw new IllegalArgumentException("no " + shape + " tile (expected one of " + VectorTiles.SHAPES + ")");
        }
        return new VectorGemm(shape);
    }

    private static VectorTiles.Shape chosenShape() {
        VectorTiles.Shape preferred = VectorTiles.preferred(SPECIES.vectorBitSize());
        String forced = System.getProperty("mlpkit.kernels", "");
        if (!forced.startsWith("vector:")) {
            return preferred;
        }
        VectorTiles.Shape shape = forcedTile(forced);
        if (shape == null) {
            System.err.println("mlpkit: -Dmlpkit.kernels=" + forced + " names no tile (expected vector:RxC with RxC one of "
                    + VectorTiles.SHAPES + "); using the " + preferred + " tile");
            return preferred;
        }
        return shape;
    }

    private static double[] iota() {
        double[] lanes = new double[LANES];
        for (int i = 0; i < LANES; i++) {
            lanes[i] = i;
        }
        return lanes;
    }

    @Override
    public int tileRows() {
        return shape.rows();
    }

    @Override
    public String name() {
        return "vector-" + SPECIES.vectorBitSize() + " " + shape;
    }

    @Override
    public void gemm(int i0, int i1, int n, int k, double[] a, int ao, int ars, int ads, double[] b, int bo,
                     double[] c, int co, boolean accumulate, double[] bias, int biasOffset) {
        gemmPieces(i0, i1, 0, Integer.MAX_VALUE, n, k, a, ao, ars, ads, b, bo, c, co, accumulate, bias, biasOffset);
    }

    /**
     * The column pieces of C are its panels of B in the order {@link #gemm} does them (main width, then one vector
     * narrower, then single vectors); the vector that ends at column n and overlaps the columns before it belongs to
     * the last piece (it writes those lanes back as it read them, so no other thread may be writing them).
     */
    @Override
    public int columnPieces(int n) {
        if (n < LANES) {
            return 1;
        }
        int mainVectors = shape.vectors(), mainPanels = mainPanels(n);
        int pieces = mainPanels, left = n / LANES - mainPanels * mainVectors;
        for (int vectors = mainVectors - 1; vectors >= 1; vectors--) {
            pieces += left / vectors;
            left %= vectors;
        }
        return pieces;
    }

    @Override
    public int pieceStart(int n, int q) {
        if (q <= 0) {
            return 0;
        }
        if (n < LANES || q >= columnPieces(n)) {
            return n;
        }
        // The order of gemmPieces: panels of the main width, then of one vector fewer, …, then single vectors.
        int mainVectors = shape.vectors(), mainEnd = mainPanels(n) * mainVectors * LANES;
        int j = 0, piece = 0;
        for (int vectors = mainVectors; vectors >= 1; vectors--) {
            int width = vectors * LANES, end = vectors == mainVectors ? mainEnd : n;
            for (; j + width <= end; j += width, piece++) {
                if (piece == q) {
                    return j;
                }
            }
        }
        return n;
    }

    /**
     * Panels of the main width across n columns. When the whole vectors do not divide evenly, fewer of them, so that
     * the rest fill panels one vector narrower rather than leave single vectors (16 vectors at width 3: 4 × 3 + 2 × 2).
     */
    private int mainPanels(int n) {
        int mainVectors = shape.vectors(), wholeVectors = n / LANES;
        int mainPanels = wholeVectors / mainVectors, rest = wholeVectors % mainVectors;
        if (mainVectors > 2 && rest > 0 && rest < mainVectors - 1) {
            mainPanels -= Math.min(mainPanels, mainVectors - 1 - rest);
        }
        return mainPanels;
    }

    @Override
    public void gemmPieces(int i0, int i1, int q0, int q1, int n, int k, double[] a, int ao, int ars, int ads, double[] b, int bo,
                           double[] c, int co, boolean accumulate, double[] bias, int biasOffset) {
        if (k == 0 || n < LANES && (accumulate || i1 - i0 < LANES)) {
            if (q0 > 0) {
                return;   // one piece, the whole product
            }
            // Nothing to multiply, or no vector fits across the columns and none can run down whole groups of rows.
            scalarColumns(i0, i1, n, a, ao, ars, ads, b, bo, c, co, k, accumulate, bias, biasOffset);
            return;
        }
        if (n < LANES) {
            if (q0 > 0) {
                return;
            }
            // Fewer columns than a vector (an output layer, a narrow hidden layer). A single column of A (k = 1: δ·Wᵀ
            // through a one-output layer) has row stride 1 either way; its rows go padded too, whose vectors are
            // stored in place, where the vectors down the rows would be scattered entry by entry into C's columns.
            if (ars != 1 || k == 1 && n > 1) {
                paddedRows(i0, i1, n, k, a, ao, ars, ads, b, bo, c, co, bias, biasOffset);
                return;
            }
            // Aᵀ given: vectors run down LANES rows.
            int i = i0 + (i1 - i0) / LANES * LANES;
            narrowProduct(i0, i, n, k, a, ao, ads, b, bo, c, co, bias, biasOffset);
            if (i < i1) {
                scalarColumns(i, i1, n, a, ao, ars, ads, b, bo, c, co, k, false, bias, biasOffset);
            }
            return;
        }
        // Depth blocks of equal length, at most DEPTH_BLOCK: 784 = 4 × 196, not 3 × 256 + 16 (a short last block
        // pays a whole pass of loads and stores of C for a few steps).
        int blocks = (k + DEPTH_BLOCK - 1) / DEPTH_BLOCK, blockDepth = (k + blocks - 1) / blocks;
        int mainVectors = shape.vectors();
        int mainEnd = mainPanels(n) * mainVectors * LANES;
        int lastPiece = columnPieces(n) - 1;
        NarrowScratch scratch = SCRATCH.get();
        for (int p0 = 0; p0 < k; p0 += blockDepth) {
            int depth = Math.min(k, p0 + blockDepth) - p0;
            boolean load = accumulate || p0 > 0;
            // The bias goes into the chains' last depth block, as each entry is finished.
            double[] blockBias = p0 + depth == k ? bias : null;
            int aBlock = ao + p0 * ads;
            int bBlock = bo + p0 * n;
            int j = 0, piece = 0;
            // Panels of the main width, then of one vector fewer.
            for (int vectors = mainVectors; vectors >= 2; vectors--) {
                int rows = panelRows[vectors];
                int width = vectors * LANES;
                boolean pack = packs(i1 - i0, depth, width);
                int end = vectors == mainVectors ? mainEnd : n;
                for (; j + width <= end; j += width, piece++) {
                    if (piece < q0 || piece >= q1) {
                        continue;
                    }
                    double[] panel = b;
                    int at = bBlock + j, stride = n;
                    if (pack) {
                        panel = scratch.panel(depth * width);
                        for (int p = 0, from = bBlock + j; p < depth; p++, from += n) {
                            System.arraycopy(b, from, panel, p * width, width);
                        }
                        at = 0;
                        stride = width;
                    }
                    int i = i0;
                    for (; i + rows <= i1; i += rows) {
                        VectorTiles.tile(rows, vectors, a, aBlock + i * ars, ars, ads, panel, at, stride, n, c, co + i * n + j, depth,
                                load, blockBias, biasOffset + j);
                    }
                    for (; i + 4 <= i1; i += 4) {
                        VectorTiles.tile(4, vectors, a, aBlock + i * ars, ars, ads, panel, at, stride, n, c, co + i * n + j, depth,
                                load, blockBias, biasOffset + j);
                    }
                    for (; i < i1; i++) {
                        VectorTiles.tile(1, vectors, a, aBlock + i * ars, ars, ads, panel, at, stride, n, c, co + i * n + j, depth,
                                load, blockBias, biasOffset + j);
                    }
                }
            }
            for (; j + LANES <= n; j += LANES, piece++) {
                if (piece >= q0 && piece < q1) {
                    vectorColumn(i0, i1, j, 0, n, a, aBlock, ars, ads, b, bBlock, c, co, depth, load, blockBias, biasOffset);
                }
            }
            if (j < n && lastPiece >= q0 && lastPiece < q1) {
                // The last columns, narrower than a vector: one more vector column ending at column n, overlapping
                // columns already done; those lanes are written back as they were (same chains, no masked loads).
                vectorColumn(i0, i1, n - LANES, j - (n - LANES), n, a, aBlock, ars, ads, b, bBlock, c, co, depth, load,
                        blockBias, biasOffset);
            }
        }
    }

    /** Whether a panel of B read by {@code rows} rows of C is copied into contiguous memory first. */
    static boolean packs(int rows, int depth, int width) {
        return rows >= PACK_ROWS && depth * width * Double.BYTES <= PACK_BYTES;
    }

    /** One vector of columns [j, j + LANES) for rows [i0, i1), the first {@code keepLanes} lanes left as they are. */
    private static void vectorColumn(int i0, int i1, int j, int keepLanes, int n, double[] a, int aBlock, int ars, int ads,
                                     double[] b, int bBlock, double[] c, int co, int depth, boolean load,
                                     double[] bias, int biasOffset) {
        int i = i0;
        for (; i + 12 <= i1; i += 12) {
            tile12x1(a, aBlock + i * ars, ars, ads, b, bBlock + j, n, n, c, co + i * n + j, depth, load, bias, biasOffset + j, keepLanes);
        }
        for (; i + 8 <= i1; i += 8) {
            tile8x1(a, aBlock + i * ars, ars, ads, b, bBlock + j, n, n, c, co + i * n + j, depth, load, bias, biasOffset + j, keepLanes);
        }
        for (; i + 4 <= i1; i += 4) {
            tile4x1(a, aBlock + i * ars, ars, ads, b, bBlock + j, n, n, c, co + i * n + j, depth, load, bias, biasOffset + j, keepLanes);
        }
        for (; i < i1; i++) {
            tile1x1(a, aBlock + i * ars, ads, b, bBlock + j, n, n, c, co + i * n + j, depth, load, bias, biasOffset + j, keepLanes);
        }
    }

    private static DoubleVector start(double[] c, int at, boolean load) {
        return load ? DoubleVector.fromArray(SPECIES, c, at) : DoubleVector.zero(SPECIES);
    }

    /**
     * Twelve rows × one vector: twelve independent chains (14 vector registers with the load of B and the broadcast,
     * so it fits AVX2's 16). Measured on an AMD EPYC at 512 bits (2026-12-08), products with 8 columns, one vector,
     * per row of A: 4000 × 20 · 20 × 8 took 5.43–5.80 ns against 5.49–6.04 ns with eight-row tiles, and the weight
     * gradient xᵀ·δ of the same shapes 5.12–5.67 against 5.49–6.23 ns (three alternating runs; in a bare loop,
     * 21.8–23.0 µs against 26.3–28.1 µs a product). Sixteen rows were slower than twelve.
     */
    private static void tile12x1(double[] a, int ap, int ars, int ads, double[] b, int bp, int bn, int n,
                                 double[] c, int cp, int depth, boolean load, double[] bias, int biasAt, int keepLanes) {
        int r1 = cp + n, r2 = r1 + n, r3 = r2 + n, r4 = r3 + n, r5 = r4 + n, r6 = r5 + n, r7 = r6 + n, r8 = r7 + n, r9 = r8 + n,
                r10 = r9 + n, r11 = r10 + n;
        DoubleVector c0 = start(c, cp, load), c1 = start(c, r1, load), c2 = start(c, r2, load), c3 = start(c, r3, load);
        DoubleVector c4 = start(c, r4, load), c5 = start(c, r5, load), c6 = start(c, r6, load), c7 = start(c, r7, load);
        DoubleVector c8 = start(c, r8, load), c9 = start(c, r9, load), c10 = start(c, r10, load), c11 = start(c, r11, load);
        for (int p = 0; p < depth; p++, ap += ads, bp += bn) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bp);
            c0 = DoubleVector.broadcast(SPECIES, a[ap]).fma(b0, c0);
            c1 = DoubleVector.broadcast(SPECIES, a[ap + ars]).fma(b0, c1);
            c2 = DoubleVector.broadcast(SPECIES, a[ap + 2 * ars]).fma(b0, c2);
            c3 = DoubleVector.broadcast(SPECIES, a[ap + 3 * ars]).fma(b0, c3);
            c4 = DoubleVector.broadcast(SPECIES, a[ap + 4 * ars]).fma(b0, c4);
            c5 = DoubleVector.broadcast(SPECIES, a[ap + 5 * ars]).fma(b0, c5);
            c6 = DoubleVector.broadcast(SPECIES, a[ap + 6 * ars]).fma(b0, c6);
            c7 = DoubleVector.broadcast(SPECIES, a[ap + 7 * ars]).fma(b0, c7);
            c8 = DoubleVector.broadcast(SPECIES, a[ap + 8 * ars]).fma(b0, c8);
            c9 = DoubleVector.broadcast(SPECIES, a[ap + 9 * ars]).fma(b0, c9);
            c10 = DoubleVector.broadcast(SPECIES, a[ap + 10 * ars]).fma(b0, c10);
            c11 = DoubleVector.broadcast(SPECIES, a[ap + 11 * ars]).fma(b0, c11);
        }
        if (bias != null) {   // the epilogue of z = x·W + b: each entry gets b_j once its chain is done
            DoubleVector bias0 = DoubleVector.fromArray(SPECIES, bias, biasAt);
            c0 = c0.add(bias0);
            c1 = c1.add(bias0);
            c2 = c2.add(bias0);
            c3 = c3.add(bias0);
            c4 = c4.add(bias0);
            c5 = c5.add(bias0);
            c6 = c6.add(bias0);
            c7 = c7.add(bias0);
            c8 = c8.add(bias0);
            c9 = c9.add(bias0);
            c10 = c10.add(bias0);
            c11 = c11.add(bias0);
        }
        if (keepLanes > 0) {   // lanes of columns already done are written back as they are
            VectorMask<Double> keep = IOTA.compare(VectorOperators.LT, (double) keepLanes);
            c0 = c0.blend(DoubleVector.fromArray(SPECIES, c, cp), keep);
            c1 = c1.blend(DoubleVector.fromArray(SPECIES, c, r1), keep);
            c2 = c2.blend(DoubleVector.fromArray(SPECIES, c, r2), keep);
            c3 = c3.blend(DoubleVector.fromArray(SPECIES, c, r3), keep);
            c4 = c4.blend(DoubleVector.fromArray(SPECIES, c, r4), keep);
            c5 = c5.blend(DoubleVector.fromArray(SPECIES, c, r5), keep);
            c6 = c6.blend(DoubleVector.fromArray(SPECIES, c, r6), keep);
            c7 = c7.blend(DoubleVector.fromArray(SPECIES, c, r7), keep);
            c8 = c8.blend(DoubleVector.fromArray(SPECIES, c, r8), keep);
            c9 = c9.blend(DoubleVector.fromArray(SPECIES, c, r9), keep);
            c10 = c10.blend(DoubleVector.fromArray(SPECIES, c, r10), keep);
            c11 = c11.blend(DoubleVector.fromArray(SPECIES, c, r11), keep);
        }
        c0.intoArray(c, cp);
        c1.intoArray(c, r1);
        c2.intoArray(c, r2);
        c3.intoArray(c, r3);
        c4.intoArray(c, r4);
        c5.intoArray(c, r5);
        c6.intoArray(c, r6);
        c7.intoArray(c, r7);
        c8.intoArray(c, r8);
        c9.intoArray(c, r9);
        c10.intoArray(c, r10);
        c11.intoArray(c, r11);
    }

    private static void tile8x1(double[] a, int ap, int ars, int ads, double[] b, int bp, int bn, int n,
                                double[] c, int cp, int depth, boolean load, double[] bias, int biasAt, int keepLanes) {
        int r1 = cp + n, r2 = r1 + n, r3 = r2 + n, r4 = r3 + n, r5 = r4 + n, r6 = r5 + n, r7 = r6 + n;
        DoubleVector c0 = start(c, cp, load), c1 = start(c, r1, load), c2 = start(c, r2, load), c3 = start(c, r3, load);
        DoubleVector c4 = start(c, r4, load), c5 = start(c, r5, load), c6 = start(c, r6, load), c7 = start(c, r7, load);
        for (int p = 0; p < depth; p++, ap += ads, bp += bn) {
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
        if (bias != null) {   // the epilogue of z = x·W + b: each entry gets b_j once its chain is done
            DoubleVector bias0 = DoubleVector.fromArray(SPECIES, bias, biasAt);
            c0 = c0.add(bias0);
            c1 = c1.add(bias0);
            c2 = c2.add(bias0);
            c3 = c3.add(bias0);
            c4 = c4.add(bias0);
            c5 = c5.add(bias0);
            c6 = c6.add(bias0);
            c7 = c7.add(bias0);
        }
        if (keepLanes > 0) {   // lanes of columns already done are written back as they are
            VectorMask<Double> keep = IOTA.compare(VectorOperators.LT, (double) keepLanes);
            c0 = c0.blend(DoubleVector.fromArray(SPECIES, c, cp), keep);
            c1 = c1.blend(DoubleVector.fromArray(SPECIES, c, r1), keep);
            c2 = c2.blend(DoubleVector.fromArray(SPECIES, c, r2), keep);
            c3 = c3.blend(DoubleVector.fromArray(SPECIES, c, r3), keep);
            c4 = c4.blend(DoubleVector.fromArray(SPECIES, c, r4), keep);
            c5 = c5.blend(DoubleVector.fromArray(SPECIES, c, r5), keep);
            c6 = c6.blend(DoubleVector.fromArray(SPECIES, c, r6), keep);
            c7 = c7.blend(DoubleVector.fromArray(SPECIES, c, r7), keep);
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

    private static void tile4x1(double[] a, int ap, int ars, int ads, double[] b, int bp, int bn, int n,
                                double[] c, int cp, int depth, boolean load, double[] bias, int biasAt, int keepLanes) {
        int r1 = cp + n, r2 = r1 + n, r3 = r2 + n;
        DoubleVector c0 = start(c, cp, load), c1 = start(c, r1, load), c2 = start(c, r2, load), c3 = start(c, r3, load);
        for (int p = 0; p < depth; p++, ap += ads, bp += bn) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bp);
            c0 = DoubleVector.broadcast(SPECIES, a[ap]).fma(b0, c0);
            c1 = DoubleVector.broadcast(SPECIES, a[ap + ars]).fma(b0, c1);
            c2 = DoubleVector.broadcast(SPECIES, a[ap + 2 * ars]).fma(b0, c2);
            c3 = DoubleVector.broadcast(SPECIES, a[ap + 3 * ars]).fma(b0, c3);
        }
        if (bias != null) {   // the epilogue of z = x·W + b: each entry gets b_j once its chain is done
            DoubleVector bias0 = DoubleVector.fromArray(SPECIES, bias, biasAt);
            c0 = c0.add(bias0);
            c1 = c1.add(bias0);
            c2 = c2.add(bias0);
            c3 = c3.add(bias0);
        }
        if (keepLanes > 0) {   // lanes of columns already done are written back as they are
            VectorMask<Double> keep = IOTA.compare(VectorOperators.LT, (double) keepLanes);
            c0 = c0.blend(DoubleVector.fromArray(SPECIES, c, cp), keep);
            c1 = c1.blend(DoubleVector.fromArray(SPECIES, c, r1), keep);
            c2 = c2.blend(DoubleVector.fromArray(SPECIES, c, r2), keep);
            c3 = c3.blend(DoubleVector.fromArray(SPECIES, c, r3), keep);
        }
        c0.intoArray(c, cp);
        c1.intoArray(c, r1);
        c2.intoArray(c, r2);
        c3.intoArray(c, r3);
    }

    /**
     * Rows [i0, i1) × all n < LANES columns of C with A row-major: B's k rows are copied into whole vectors
     * with zeros past column n (and the bias after them), and each row of C is one vector, lane j running the
     * chain of c_ij, fma(A(i, p), B(p, j), ·) for p in order, the same as every kernel, in the row tiles of the
     * wide product (one load of B feeds eight rows). A row's vector is stored whole at the row's place in C: its
     * spare lanes land on the next rows' entries, which are stored after it. The last rows, whose spare lanes
     * would reach past row i1 − 1 (another thread's, or past C), go through the scratch. Nothing is transposed.
     */
    private static void paddedRows(int i0, int i1, int n, int k, double[] a, int ao, int ars, int ads, double[] b, int bo,
                                   double[] c, int co, double[] bias, int biasOffset) {
        NarrowScratch scratch = SCRATCH.get();
        double[] padded = scratch.panel((k + 1) * LANES);
        for (int p = 0; p < k; p++) {
            System.arraycopy(b, bo + p * n, padded, p * LANES, n);
            Arrays.fill(padded, p * LANES + n, (p + 1) * LANES, 0.0);
        }
        int biasAt = k * LANES;
        if (bias != null) {
            System.arraycopy(bias, biasOffset, padded, biasAt, n);
            Arrays.fill(padded, biasAt + n, biasAt + LANES, 0.0);
        }
        double[] paddedBias = bias == null ? null : padded;
        int reach = (LANES - 1) / n;   // rows after a row that its spare lanes reach: ⌈(LANES − n) / n⌉
        int whole = Math.max(i0, i1 - reach), i = i0;
        for (; i + 12 <= whole; i += 12) {
            tile12x1(a, ao + i * ars, ars, ads, padded, 0, LANES, n, c, co + i * n, k, false, paddedBias, biasAt, 0);
        }
        for (; i + 8 <= whole; i += 8) {
            tile8x1(a, ao + i * ars, ars, ads, padded, 0, LANES, n, c, co + i * n, k, false, paddedBias, biasAt, 0);
        }
        for (; i + 4 <= whole; i += 4) {
            tile4x1(a, ao + i * ars, ars, ads, padded, 0, LANES, n, c, co + i * n, k, false, paddedBias, biasAt, 0);
        }
        for (; i < whole; i++) {
            tile1x1(a, ao + i * ars, ads, padded, 0, LANES, n, c, co + i * n, k, false, paddedBias, biasAt, 0);
        }
        for (double[] out = scratch.out; i < i1; i++) {
            tile1x1(a, ao + i * ars, ads, padded, 0, LANES, n, out, 0, k, false, paddedBias, biasAt, 0);
            System.arraycopy(out, 0, c, co + i * n, n);
        }
    }

    /**
     * Rows [i0, i1) (a multiple of LANES) × all n < LANES columns of C with Aᵀ given (row stride 1: the values of
     * each p for consecutive rows side by side), LANES rows at a time: lane r of the vector for column j runs the
     * chain of c_(i+r)j, fma(A(i+r, p), B(p, j), ·) for p in order, the same as every kernel. Columns go four at
     * a time ({@link #rowsBlock}), so one load of A feeds four accumulators.
     */
    private static void narrowProduct(int i0, int i1, int n, int k, double[] a, int ao, int ads, double[] b, int bo,
                                      double[] c, int co, double[] bias, int biasOffset) {
        if (n == 1) {
            // One column: the LANES rows of a vector are LANES consecutive entries of C, stored directly.
            for (int i = i0; i < i1; i += LANES) {
                rowsColumn(a, ao + i, ads, b, bo, k, c, co + i);
                if (bias != null) {
                    for (int r = 0, at = co + i; r < LANES; r++, at++) {
                        c[at] += bias[biasOffset];
                    }
                }
            }
            return;
        }
        double[] out = SCRATCH.get().out;
        for (int j0 = 0; j0 < n; j0 += 4) {
            int width = Math.min(4, n - j0);
            for (int i = i0; i < i1; i += LANES) {
                rowsBlock(a, ao + i, ads, b, bo + j0, n, k, width, out);
                // Lanes run down rows of C: from the scratch into C's columns.
                for (int r = 0; r < LANES; r++) {
                    int at = co + (i + r) * n + j0;
                    for (int w = 0; w < width; w++) {
                        double v = out[w * LANES + r];
                        c[at + w] = bias == null ? v : v + bias[biasOffset + j0 + w];
                    }
                }
            }
        }
    }

    /**
     * Up to four columns' chains for LANES rows, A(i + r, p) = rows[xp + r + p·xStride], into {@code out}
     * (column w at w·LANES). With fewer than four columns the spare accumulators repeat the last column
     * (their lanes are never read): the loop has no branches, and C2 keeps all four vectors in registers.
     */
    private static void rowsBlock(double[] rows, int xp, int xStride, double[] b, int bp, int n, int depth, int width,
                                  double[] out) {
        int o1 = Math.min(1, width - 1), o2 = Math.min(2, width - 1), o3 = Math.min(3, width - 1);
        DoubleVector c0 = DoubleVector.zero(SPECIES), c1 = c0, c2 = c0, c3 = c0;
        for (int p = 0; p < depth; p++, xp += xStride, bp += n) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, rows, xp);
            c0 = x.fma(DoubleVector.broadcast(SPECIES, b[bp]), c0);
            c1 = x.fma(DoubleVector.broadcast(SPECIES, b[bp + o1]), c1);
            c2 = x.fma(DoubleVector.broadcast(SPECIES, b[bp + o2]), c2);
            c3 = x.fma(DoubleVector.broadcast(SPECIES, b[bp + o3]), c3);
        }
        c0.intoArray(out, 0);
        c1.intoArray(out, LANES);
        c2.intoArray(out, 2 * LANES);
        c3.intoArray(out, 3 * LANES);
    }

    /** The chain of one column for LANES rows, stored straight into LANES consecutive entries of C (n = 1). */
    private static void rowsColumn(double[] rows, int xp, int xStride, double[] b, int bp, int depth, double[] c, int cAt) {
        DoubleVector sum = DoubleVector.zero(SPECIES);
        for (int p = 0; p < depth; p++, xp += xStride) {
            sum = DoubleVector.fromArray(SPECIES, rows, xp).fma(DoubleVector.broadcast(SPECIES, b[bp + p]), sum);
        }
        sum.intoArray(c, cAt);
    }

    private static void tile1x1(double[] a, int ap, int ads, double[] b, int bp, int bn, int n,
                                double[] c, int cp, int depth, boolean load, double[] bias, int biasAt, int keepLanes) {
        DoubleVector c0 = start(c, cp, load);
        for (int p = 0; p < depth; p++, ap += ads, bp += bn) {
            c0 = DoubleVector.broadcast(SPECIES, a[ap]).fma(DoubleVector.fromArray(SPECIES, b, bp), c0);
        }
        if (bias != null) {   // the epilogue of z = x·W + b: each entry gets b_j once its chain is done
            DoubleVector bias0 = DoubleVector.fromArray(SPECIES, bias, biasAt);
            c0 = c0.add(bias0);
        }
        if (keepLanes > 0) {   // lanes of columns already done are written back as they are
            VectorMask<Double> keep = IOTA.compare(VectorOperators.LT, (double) keepLanes);
            c0 = c0.blend(DoubleVector.fromArray(SPECIES, c, cp), keep);
        }
        c0.intoArray(c, cp);
    }

    /**
     * All n columns for rows [i0, i1) in scalar code, the same chain per entry, over the whole depth
     * (from c when {@code accumulate}), four rows at a time so that four independent chains hide the
     * latency of each fma; used where no vector fits (fewer than LANES rows and columns, or a narrow
     * product that accumulates). Masked loads are not compiled to instructions on JDK 17. The last
     * group of fewer than four rows repeats its last row in the spare chains (the same chain computes
     * the same value, so the repeated stores write it again): one pass, not one chain after another.
     */
    private static void scalarColumns(int i0, int i1, int n, double[] a, int ao, int ars, int ads,
                                      double[] b, int bo, double[] c, int co, int depth, boolean load,
                                      double[] bias, int biasOffset) {
        for (int i = i0; i < i1; i += 4) {
            int last = Math.min(3, i1 - i - 1);
            int a1 = Math.min(1, last) * ars, a2 = Math.min(2, last) * ars, a3 = last * ars;
            int r1 = Math.min(1, last) * n, r2 = Math.min(2, last) * n, r3 = last * n;
            int a0 = ao + i * ars;
            for (int j = 0; j < n; j++) {
                int c0 = co + i * n + j;
                double s0 = load ? c[c0] : 0.0, s1 = load ? c[c0 + r1] : 0.0, s2 = load ? c[c0 + r2] : 0.0, s3 = load ? c[c0 + r3] : 0.0;
                int ap = a0, bp = bo + j;
                for (int p = 0; p < depth; p++, ap += ads, bp += n) {
                    double y = b[bp];
                    s0 = Math.fma(a[ap], y, s0);
                    s1 = Math.fma(a[ap + a1], y, s1);
                    s2 = Math.fma(a[ap + a2], y, s2);
                    s3 = Math.fma(a[ap + a3], y, s3);
                }
                if (bias != null) {
                    double bj = bias[biasOffset + j];
                    s0 += bj;
                    s1 += bj;
                    s2 += bj;
                    s3 += bj;
                }
                // Highest row first: with fewer than four rows the repeated ones land on the same entry.
                c[c0 + r3] = s3;
                c[c0 + r2] = s2;
                c[c0 + r1] = s1;
                c[c0] = s0;
            }
        }
    }
}
