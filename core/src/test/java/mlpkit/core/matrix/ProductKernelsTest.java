package mlpkit.core.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mlpkit.core.TestData;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scalar and SIMD products compute every entry by the same fma chain ({@link GemmKernel}), so
 * they must agree bit for bit with a naive chain, whatever the shape, and at any thread count.
 */
class ProductKernelsTest {
    /** c_ij = (c_ij or 0) then fma(A(i,p), B(p,j), ·) for p = 0..k−1: the definition, in plain loops. */
    private static double[] naiveChain(int m, int n, int k, double[] a, int ars, int ads, double[] b, double[] c0, boolean accumulate) {
        double[] c = c0.clone();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = accumulate ? c[i * n + j] : 0.0;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(a[i * ars + p * ads], b[p * n + j], s);
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    private static void assertBitIdentical(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToRawLongBits(expected[i]) != Double.doubleToRawLongBits(actual[i])) {
                throw new AssertionError(what + ": entry " + i + " is " + actual[i] + " but the fma chain gives " + expected[i]);
            }
        }
    }

    @Test
    void theTestsRunTheVectorKernelWhenTheIncubatorModuleIsPresent() {
        // Surefire starts the JVM with --add-modules jdk.incubator.vector; without it this suite would
        // only ever test the scalar fallback.
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(), "surefire's argLine lost --add-modules");
        assertTrue(Kernels.productKernel().startsWith("vector-"), Kernels.productKernel());
    }

    @Test
    void panelsOfBArePackedForManyRowsOfCWhenTheyFitBesideTheTileInL1() {
        assertTrue(VectorGemm.packs(130, 64, 3 * VectorGemm.LANES), "130 rows, depth 64");
        assertTrue(VectorGemm.packs(784, 64, 2 * VectorGemm.LANES), "the weight gradient of C1's first layer");
        assertFalse(VectorGemm.packs(64, 196, 2 * VectorGemm.LANES), "64 rows (a batch) read B in place");
        assertFalse(VectorGemm.packs(101, 150, 24), "150 × 24 doubles are 28.8 KB, more than half of a 48 KB L1");
        assertTrue(VectorGemm.packs(101, 150, 16), "150 × 16 doubles are 19.2 KB");
    }

    @Test
    void everyMainTileFitsTheThirtyTwoRegistersOfAvx512AndThePreferredTilesFitTheirMachines() {
        for (VectorTiles.Shape shape : VectorTiles.SHAPES) {
            assertTrue(shape.registers() <= 32, shape + " needs " + shape.registers() + " vector registers");
        }
        // 256- and 128-bit vectors may be AVX2 / SSE with 16 registers: the tile chosen for them must fit 16.
        assertTrue(VectorTiles.preferred(256).registers() <= 16, VectorTiles.preferred(256).toString());
        assertTrue(VectorTiles.preferred(128).registers() <= 16, VectorTiles.preferred(128).toString());
        assertEquals(VectorTiles.preferred(VectorGemm.SPECIES.vectorBitSize()).toString(), Kernels.productKernel().split(" ")[1]);
    }

    /**
     * Shapes across the 8×2-vector tile, the 4-row and 1-row tiles, the overlapping last vector column
     * (15, 10, 31, 9 columns), products narrower than a vector run down the rows (1–7 columns, from 8 rows,
     * also past the depth block), the scalar corner and the depth block of 256; from 96 rows on, panels of B packed
     * into contiguous memory (130×64·64×40, the weight gradient 784×64·64×128, and 101×300·300×72, whose wide panels at
     * 512 bits are too large to pack and its narrower ones not).
     */
    @ParameterizedTest(name = "m={0} k={1} n={2}")
    @CsvSource({"1,1,1", "3,5,2", "8,4,16", "15,64,15", "17,9,31", "64,784,128", "64,128,10", "20,300,8", "13,257,40",
            "9,3,1", "20,300,3", "8,260,2", "12,5,9", "64,15,15", "15,15,10", "4000,8,3", "4000,3,1", "4000,1,3", "33,20,7",
            "27,11,5", "16,300,3", "7,6,7", "9,520,12", "13,300,56", "26,257,200", "9,40,100",
            "130,64,40", "784,64,128", "101,300,72"})
    void scalarAndVectorProductsUnderEveryTileEqualTheFmaChainBitForBit(int m, int k, int n) {
        MersenneTwister rng = new MersenneTwister(31L * m + 7L * k + n);
        double[] a = TestData.gaussian(rng, m, k).data();
        double[] aT = TestData.gaussian(rng, k, m).data();
        double[] b = TestData.gaussian(rng, k, n).data();
        double[] start = TestData.gaussian(rng, m, n).data();
        List<GemmKernel> kernels = new ArrayList<>(List.of(ScalarGemm.INSTANCE, VectorGemm.INSTANCE));
        VectorTiles.SHAPES.forEach(shape -> kernels.add(VectorGemm.withTile(shape)));
        for (boolean accumulate : new boolean[] {false, true}) {
            double[] plain = naiveChain(m, n, k, a, k, 1, b, start, accumulate);
            double[] transposed = naiveChain(m, n, k, aT, 1, m, b, start, accumulate);
            for (GemmKernel kernel : kernels) {
                double[] c = start.clone();
                kernel.gemm(0, m, n, k, a, 0, k, 1, b, 0, c, 0, accumulate);
                assertBitIdentical(plain, c, kernel.name() + " a·b accumulate=" + accumulate);
                double[] ct = start.clone();
                kernel.gemm(0, m, n, k, aT, 0, 1, m, b, 0, ct, 0, accumulate);
                assertBitIdentical(transposed, ct, kernel.name() + " aᵀ·b accumulate=" + accumulate);
            }
        }
    }

    @ParameterizedTest(name = "m={0} k={1} n={2}")
    @CsvSource({"1,1,1", "15,64,15", "15,15,10", "17,9,31", "64,128,10", "4000,8,3", "4000,3,1", "33,20,7", "13,257,40", "16,300,3",
            "9,520,12", "7,6,7", "13,300,56", "26,257,200"})
    void aBiasAddedInTheEpilogueGivesTheBitsOfAddingItAfterTheProduct(int m, int k, int n) {
        MersenneTwister rng = new MersenneTwister(17L * m + 5L * k + n);
        double[] a = TestData.gaussian(rng, m, k).data();
        double[] aT = TestData.gaussian(rng, k, m).data();
        double[] b = TestData.gaussian(rng, k, n).data();
        double[] bias = TestData.gaussian(rng, 1, n + 3).data();   // read from offset 3
        double[] garbage = TestData.gaussian(rng, m, n).data();    // whatever C held before is overwritten
        double[] plain = naiveChain(m, n, k, a, k, 1, b, garbage, false);
        double[] transposed = naiveChain(m, n, k, aT, 1, m, b, garbage, false);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                plain[i * n + j] += bias[3 + j];
                transposed[i * n + j] += bias[3 + j];
            }
        }
        List<GemmKernel> kernels = new ArrayList<>(List.of(ScalarGemm.INSTANCE, VectorGemm.INSTANCE));
        VectorTiles.SHAPES.forEach(shape -> kernels.add(VectorGemm.withTile(shape)));
        for (GemmKernel kernel : kernels) {
            double[] c = garbage.clone();
            kernel.gemm(0, m, n, k, a, 0, k, 1, b, 0, c, 0, false, bias, 3);
            assertBitIdentical(plain, c, kernel.name() + " a·b + bias");
            double[] ct = garbage.clone();
            kernel.gemm(0, m, n, k, aT, 0, 1, m, b, 0, ct, 0, false, bias, 3);
            assertBitIdentical(transposed, ct, kernel.name() + " aᵀ·b + bias");
        }
    }

    @Test
    void zEqualsTheProductPlusTheBiasRowWithTheThreadsSplittingTheRows() {
        MersenneTwister rng = new MersenneTwister(23);
        DenseMatrix x = TestData.gaussian(rng, 4000, 20);
        DenseMatrix w = TestData.gaussian(rng, 20, 3);
        double[] bias = {0.5, -1.25, 2.0};
        DenseMatrix separate = new DenseMatrix(4000, 3);
        Kernels.multiply(x, w, separate, false);
        Kernels.addRowVector(separate, bias, 0);
        assertEquals(x.getRowVector(7).dotProduct(w.getColumnVector(2)) + 2.0, separate.getEntry(7, 2), 1e-12);
        for (int threads = 1; threads <= 2; threads++) {
            try (KernelThreads pool = KernelThreads.start(threads)) {
                DenseMatrix fused = new DenseMatrix(4000, 3);
                Kernels.multiplyAddRowVector(x, w, bias, 0, fused, pool);
                assertBitIdentical(separate.data(), fused.data(), threads + " thread(s), x·W + b");
            }
        }
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Kernels.multiplyAddRowVector(x, w, new double[] {1, 2}, 0, new DenseMatrix(4000, 3), KernelThreads.single()));
        assertTrue(e.getMessage().contains("needs 3 entries"), e.getMessage());
    }

    /**
     * a = f(x·W + b) with f applied to each block of rows as the product finishes it gives the bits of the product
     * followed by f over all of z, at any thread count, for the vector sigmoid and for a scalar map; small W are
     * mapped block by block (at least 2048 entries and k rows a block, whole tiles), a large W after the product.
     */
    @ParameterizedTest(name = "{0}×{1}·{1}×{2}")
    @CsvSource({"4000,20,8,true", "4000,8,3,true", "4000,3,1,true", "301,5,7,true", "1000,30,100,true", "64,784,128,false",
            "100,3000,10,false"})
    void aMapAppliedToEachBlockOfRowsAsTheProductFinishesItGivesTheBitsOfTheProductThenTheMap(int m, int k, int n,
                                                                                             boolean blocked) {
        MersenneTwister rng = new MersenneTwister(41L * m + k + n);
        DenseMatrix x = TestData.gaussian(rng, m, k);
        DenseMatrix w = TestData.gaussian(rng, k, n);
        double[] bias = TestData.gaussian(rng, 1, n + 2).data();
        DenseMatrix z0 = new DenseMatrix(m, n);
        Kernels.multiplyAddRowVector(x, w, bias, 2, z0, KernelThreads.single());
        mlpkit.core.activation.Sigmoid sigmoid = new mlpkit.core.activation.Sigmoid();
        DenseMatrix sig0 = new DenseMatrix(m, n);
        sigmoid.forward(z0, sig0);
        double[] cubed0 = z0.data().clone();
        for (int i = 0; i < cubed0.length; i++) {
            cubed0[i] = cubed0[i] * cubed0[i] * cubed0[i];
        }
        List<Integer> blocks = java.util.Collections.synchronizedList(new ArrayList<>());   // the threads map their own rows
        Kernels.EntryMap cube = (from, fo, to, at, count) -> {
            blocks.add(count);
            for (int i = 0; i < count; i++) {
                to[at + i] = from[fo + i] * from[fo + i] * from[fo + i];
            }
        };
        for (int threads = 1; threads <= 3; threads++) {
            try (KernelThreads pool = KernelThreads.start(threads)) {
                DenseMatrix z = new DenseMatrix(m, n), a = new DenseMatrix(m, n), cubed = new DenseMatrix(m, n);
                Kernels.multiplyAddRowVector(x, w, bias, 2, z, sigmoid, a, pool);
                assertBitIdentical(z0.data(), z.data(), threads + " thread(s), z");
                assertBitIdentical(sig0.data(), a.data(), threads + " thread(s), σ(z)");
                blocks.clear();
                Kernels.multiplyAddRowVector(x, w, bias, 2, new DenseMatrix(m, n), cube, cubed, pool);
                assertBitIdentical(cubed0, cubed.data(), threads + " thread(s), z³");
                assertEquals(m * n, blocks.stream().mapToInt(Integer::intValue).sum(), "every entry mapped once");
                if (threads == 1 && blocked) {
                    assertTrue(blocks.size() > 1, "mapped in blocks: " + blocks);
                    for (int block : blocks.subList(0, blocks.size() - 1)) {
                        assertTrue(block >= 2048 && block >= k * n && block % n == 0, "a block of whole rows: " + blocks);
                    }
                } else if (threads == 1) {
                    assertEquals(List.of(m * n), blocks, "one map after the product");
                }
            }
        }
    }

    /** Also narrow products, whose rows are stored as whole vectors reaching into the next rows (paddedRows). */
    @ParameterizedTest(name = "n={0}")
    @ValueSource(ints = {19, 7, 5, 3, 2, 1})
    void aProductOfRowsInTheMiddleTouchesOnlyThoseRowsAndHonoursOffsets(int n) {
        MersenneTwister rng = new MersenneTwister(5);
        int m = 21, k = 33, offset = 7;
        double[] a = new double[offset + m * k];
        double[] b = new double[offset + k * n];
        double[] c = new double[offset + m * n];
        for (double[] x : new double[][] {a, b, c}) {
            for (int i = 0; i < x.length; i++) {
                x[i] = rng.nextGaussian();
            }
        }
        for (GemmKernel kernel : new GemmKernel[] {ScalarGemm.INSTANCE, VectorGemm.INSTANCE}) {
            double[] out = c.clone();
            kernel.gemm(5, 13, n, k, a, offset, k, 1, b, offset, out, offset, false);
            double[] expected = naiveChain(m, n, k, Arrays.copyOfRange(a, offset, a.length), k, 1,
                    Arrays.copyOfRange(b, offset, b.length), Arrays.copyOfRange(c, offset, c.length), false);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double want = i >= 5 && i < 13 ? expected[i * n + j] : c[offset + i * n + j];
                    assertEquals(want, out[offset + i * n + j], 0.0, kernel.name() + " row " + i + " column " + j);
                }
            }
            assertEquals(Arrays.toString(Arrays.copyOf(c, offset)), Arrays.toString(Arrays.copyOf(out, offset)));
        }
    }

    @Test
    void splittingTheRowsBetweenThreadsGivesTheSameBitsAtAnyThreadCount() {
        MersenneTwister rng = new MersenneTwister(11);
        DenseMatrix x = TestData.gaussian(rng, 64, 784);
        DenseMatrix w = TestData.gaussian(rng, 784, 128);
        DenseMatrix delta = TestData.gaussian(rng, 64, 128);
        DenseMatrix z1 = new DenseMatrix(64, 128);
        DenseMatrix g1 = new DenseMatrix(784, 128);
        Kernels.multiply(x, w, z1, false);
        Kernels.multiplyTransposeA(x, delta, g1, false);
        for (int threads = 2; threads <= 3; threads++) {
            try (KernelThreads pool = KernelThreads.start(threads)) {
                assertEquals(threads, pool.count());
                for (int repeat = 0; repeat < 20; repeat++) {
                    DenseMatrix z = new DenseMatrix(64, 128);
                    DenseMatrix g = new DenseMatrix(784, 128);
                    Kernels.multiply(x, w, z, false, pool);
                    Kernels.multiplyTransposeA(x, delta, g, false, pool);
                    assertBitIdentical(z1.data(), z.data(), threads + " threads, x·W, repeat " + repeat);
                    assertBitIdentical(g1.data(), g.data(), threads + " threads, xᵀ·δ, repeat " + repeat);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}×{1}·{1}×{2}")
    @CsvSource({"64, 784, 128", "64, 600, 61", "32, 128, 10", "17, 40, 200", "64, 300, 15", "9, 20, 7"})
    void eachColumnPieceWritesOnlyItsOwnColumnsAndThePiecesTogetherGiveTheWholeProductUnderEveryTile(int m, int k, int n) {
        MersenneTwister rng = new MersenneTwister(31L * m + n);
        double[] a = TestData.gaussian(rng, m, k).data(), b = TestData.gaussian(rng, k, n).data();
        double[] start = TestData.gaussian(rng, m, n).data(), bias = TestData.gaussian(rng, 1, n).data();
        List<GemmKernel> kernels = new ArrayList<>(List.of(ScalarGemm.INSTANCE, VectorGemm.INSTANCE));
        VectorTiles.SHAPES.forEach(shape -> kernels.add(VectorGemm.withTile(shape)));
        for (GemmKernel kernel : kernels) {
            double[] whole = start.clone();
            kernel.gemm(0, m, n, k, a, 0, k, 1, b, 0, whole, 0, false, bias, 0);
            int pieces = kernel.columnPieces(n);
            double[] together = start.clone();
            int nextColumn = 0;
            for (int q = pieces - 1; q >= 0; q--) {
                double[] alone = start.clone();
                kernel.gemmPieces(0, m, q, q + 1, n, k, a, 0, k, 1, b, 0, alone, 0, false, bias, 0);
                kernel.gemmPieces(0, m, q, q + 1, n, k, a, 0, k, 1, b, 0, together, 0, false, bias, 0);
                // The columns this piece changed: one run, disjoint from the others' (checked by their order below).
                int first = n, last = -1;
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        if (Double.doubleToRawLongBits(alone[i * n + j]) != Double.doubleToRawLongBits(start[i * n + j])) {
                            first = Math.min(first, j);
                            last = Math.max(last, j);
                        }
                    }
                }
                String what = kernel.name() + " piece " + q + " of " + pieces;
                assertTrue(last >= first, what + " wrote nothing");
                for (int i = 0; i < m; i++) {
                    for (int j = first; j <= last; j++) {
                        assertEquals(whole[i * n + j], alone[i * n + j], what + " entry " + i + "," + j);
                    }
                }
                assertEquals(kernel.pieceStart(n, q), first, what + " starts at pieceStart");
                assertEquals(kernel.pieceStart(n, q + 1), last + 1, what + " ends where pieceStart puts the next");
                if (q == pieces - 1) {
                    assertEquals(n - 1, last, what + " is the last piece");
                } else {
                    assertEquals(nextColumn, last + 1, what + " ends where the next piece begins");
                }
                nextColumn = first;
            }
            assertEquals(0, nextColumn, kernel.name() + ": the pieces start at column 0");
            assertBitIdentical(whole, together, kernel.name() + ", pieces computed last to first");
        }
        assertEquals(1, ScalarGemm.INSTANCE.columnPieces(n), "the scalar product is one piece");
    }

    @ParameterizedTest(name = "{0}×{1}·{1}×{2}")
    @CsvSource({"64, 784, 128", "64, 600, 61", "64, 300, 100", "128, 128, 128", "64, 128, 200", "256, 300, 72", "100, 64, 40"})
    void aBatchCutByColumnsBetweenThreadsGivesTheSameBitsAtAnyThreadCount(int m, int k, int n) {
        MersenneTwister rng = new MersenneTwister(7L * m + k);
        DenseMatrix x = TestData.gaussian(rng, m, k);
        DenseMatrix w = TestData.gaussian(rng, k, n);
        double[] bias = TestData.gaussian(rng, 1, n).data();
        DenseMatrix expected = new DenseMatrix(m, n);
        Kernels.multiplyAddRowVector(x, w, bias, 0, expected, KernelThreads.single());
        for (int threads = 2; threads <= 4; threads++) {
            try (KernelThreads pool = KernelThreads.start(threads)) {
                for (int repeat = 0; repeat < 10; repeat++) {
                    DenseMatrix z = new DenseMatrix(m, n);
                    Kernels.multiplyAddRowVector(x, w, bias, 0, z, pool);
                    assertBitIdentical(expected.data(), z.data(), threads + " threads, repeat " + repeat);
                }
            }
        }
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {1, 7, 8, 10, 16, 24, 61, 100, 128, 200, 512, 784})
    void eachThreadOwnsConsecutivePiecesWhoseBoundIsThePieceStartNearestAnEvenSplitUnderEveryTile(int n) {
        List<GemmKernel> kernels = new ArrayList<>(List.of(VectorGemm.INSTANCE));
        VectorTiles.SHAPES.forEach(shape -> kernels.add(VectorGemm.withTile(shape)));
        for (int threads = 2; threads <= 4; threads++) {
            try (KernelThreads pool = KernelThreads.start(threads)) {
                for (GemmKernel kernel : kernels) {
                    int pieces = kernel.columnPieces(n);
                    if (pieces < threads) {
                        continue;   // such a product is not cut by columns
                    }
                    int[] first = pool.sharePieces(kernel, n);
                    String what = kernel.name() + ", " + threads + " threads";
                    assertEquals(0, first[0], what);
                    assertEquals(pieces, first[threads], what);
                    for (int t = 1; t < threads; t++) {
                        // The piece start nearest t·n/threads (the later one on a tie), after the previous bound and
                        // leaving a piece for each later thread.
                        double target = (double) t * n / threads;
                        int expected = -1;
                        for (int q = first[t - 1] + 1; q <= pieces - (threads - t); q++) {
                            if (expected < 0 || Math.abs(kernel.pieceStart(n, q) - target)
                                    <= Math.abs(kernel.pieceStart(n, expected) - target)) {
                                expected = q;
                            }
                        }
                        assertEquals(expected, first[t], what + ", bound " + t);
                    }
                }
            }
        }
    }

    @Test
    void productsOfMoreDistinctWidthsThanThePoolRemembersKeepTheBitsOfOneThread() {
        int[] widths = {16, 24, 32, 40, 48, 56, 64, 72, 80, 96, 112, 128};   // more than the 8 the shares are kept for
        MersenneTwister rng = new MersenneTwister(5);
        DenseMatrix x = TestData.gaussian(rng, 64, 50);
        try (KernelThreads pool = KernelThreads.start(2)) {
            for (int round = 0; round < 3; round++) {
                for (int n : widths) {
                    DenseMatrix w = TestData.gaussian(new MersenneTwister(n), 50, n);
                    DenseMatrix alone = new DenseMatrix(64, n), shared = new DenseMatrix(64, n);
                    Kernels.multiply(x, w, alone, false);
                    Kernels.multiply(x, w, shared, false, pool);
                    assertBitIdentical(alone.data(), shared.data(), "round " + round + ", n = " + n);
                }
            }
        }
    }

    @Test
    void ownedChunksRunOnceEachAndALateThreadsChunksAreTakenFromTheFarEndByTheOthers() throws InterruptedException {
        for (int threads = 1; threads <= 4; threads++) {
            try (KernelThreads pool = KernelThreads.start(threads)) {
                for (int repeat = 0; repeat < 500; repeat++) {
                    java.util.concurrent.atomic.AtomicIntegerArray runs = new java.util.concurrent.atomic.AtomicIntegerArray(threads * 3);
                    pool.forOwnedChunks(3, runs::incrementAndGet);
                    for (int c = 0; c < threads * 3; c++) {
                        assertEquals(1, runs.get(c), threads + " threads, repeat " + repeat + ": chunk " + c + " ran " + runs.get(c) + " times");
                    }
                }
            }
        }
        try (KernelThreads pool = KernelThreads.start(2)) {
            String caller = Thread.currentThread().getName();
            String[] ranOn = new String[8];
            pool.forOwnedChunks(4, chunk -> {
                ranOn[chunk] = Thread.currentThread().getName();
                if (chunk == 4 && !ranOn[chunk].equals(caller)) {
                    try {
                        Thread.sleep(300);   // the worker is held up in its first chunk
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            for (int chunk = 0; chunk < 4; chunk++) {
                assertEquals(caller, ranOn[chunk], "the caller's own chunk " + chunk);
            }
            for (int chunk = 5; chunk < 8; chunk++) {
                assertEquals(caller, ranOn[chunk], "chunk " + chunk + " of the held-up worker, taken by the caller");
            }
        }
    }

    @Test
    void aClosedPoolRefusesWorkThatItWouldSplitAndSaysWhy() {
        KernelThreads pool = KernelThreads.start(2);
        pool.close();
        MersenneTwister rng = new MersenneTwister(2);
        DenseMatrix a = TestData.gaussian(rng, 64, 128);
        DenseMatrix b = TestData.gaussian(rng, 128, 128);
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> Kernels.multiply(a, b, new DenseMatrix(64, 128), false, pool));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void aTransposedProductEqualsTheProductWithAnExplicitTransposeBitForBit() {
        MersenneTwister rng = new MersenneTwister(3);
        DenseMatrix delta = TestData.gaussian(rng, 37, 129);
        DenseMatrix w = TestData.gaussian(rng, 70, 129);
        DenseMatrix wT = new DenseMatrix(129, 70);
        Kernels.transpose(w, wT);
        assertEquals(w.getEntry(13, 100), wT.getEntry(100, 13), 0.0);
        DenseMatrix viaTranspose = new DenseMatrix(37, 70);
        DenseMatrix direct = new DenseMatrix(37, 70);
        Kernels.multiply(delta, wT, viaTranspose, false);
        Kernels.multiplyTransposeB(delta, w, direct, false);
        assertBitIdentical(viaTranspose.data(), direct.data(), "δ·Wᵀ");
    }
}
