package mlpkit.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mlpkit.core.concept.Concept;
import mlpkit.core.concept.Registry;
import mlpkit.core.matrix.KernelThreads;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

/** The update split between kernel threads, each thread the columns of W its products compute (ParameterShares). */
class ParallelUpdateTest {
    /** A small network's layout: 50×40 W, 40 b, 40×7 W, 7 b, 7×1 W, 1 b. */
    private static final int[][] TENSORS = {{0, 50, 40}, {2000, 1, 40}, {2040, 40, 7}, {2320, 1, 7}, {2327, 7, 1}, {2334, 1, 1}};
    private static final int SIZE = 2335;

    private static final List<String> RULES = List.of(
            "sgd(lr=0.1)", "sgd(lr=0.1, momentum=0.9, nesterov=true)", "sgd(lr=0.1, momentum=0.8, convention=torch)",
            "sgd(lr=0.1, weightDecay=0.01, weightDecayPer=sample)", "adam(lr=0.01, weightDecay=0.001)",
            "adam(lr=0.01, convention=torch)", "adamw(lr=0.01, weightDecay=0.05)", "nadam(lr=0.01)", "rmsprop(lr=0.01)",
            "rmsprop(lr=0.01, convention=torch, weightDecay=0.01)", "adagrad(lr=0.1)", "adam(lr=0.01, clipNorm=0.5)");

    @Test
    void everyRuleSteppedOnTwoOrThreeThreadsGivesTheBitsOfOneThreadInParametersAndState() {
        Registry registry = Registry.builtIns();
        boolean[] mask = new boolean[SIZE];
        Arrays.fill(mask, 0, 2000, true);
        Arrays.fill(mask, 2040, 2320, true);
        for (String rule : RULES) {
            OptimizerSpec spec = registry.parse(OptimizerSpec.KIND, rule);
            assertTrue(spec.entryWise(), rule + " is entry-wise");
            double[] alone = run(spec, mask, null);
            for (int threads = 2; threads <= 3; threads++) {
                try (KernelThreads pool = KernelThreads.start(threads)) {
                    double[] split = run(spec, mask, ParameterShares.of(pool, SIZE, TENSORS));
                    for (int i = 0; i < alone.length; i++) {
                        assertEquals(Double.doubleToRawLongBits(alone[i]), Double.doubleToRawLongBits(split[i]),
                                rule + " on " + threads + " threads, entry " + i + " of parameters and state");
                    }
                }
            }
        }
    }

    @Test
    void everyBuiltInMiniBatchRuleIsEntryWise() {
        for (Concept<OptimizerSpec> concept : Registry.builtIns().of(OptimizerSpec.KIND).all()) {
            OptimizerSpec spec = Registry.builtIns().parse(OptimizerSpec.KIND, concept.name());
            assertTrue(spec.fullBatch() || spec.entryWise(), concept.name() + " steps on mini-batches but is not entry-wise");
        }
    }

    /** Five steps from the same start; the parameters followed by every state array. */
    private static double[] run(OptimizerSpec spec, boolean[] mask, ParameterShares shares) {
        MersenneTwister rng = new MersenneTwister(17);
        double[] params = new double[SIZE];
        for (int i = 0; i < SIZE; i++) {
            params[i] = rng.nextGaussian();
        }
        Optimizer optimizer = spec.start(mask);
        optimizer.useThreads(shares);
        for (int step = 0; step < 5; step++) {
            double[] grads = new double[SIZE];
            for (int i = 0; i < SIZE; i++) {
                grads[i] = rng.nextGaussian();
            }
            optimizer.step(params, grads, 0.5 + 0.1 * step, 32);
        }
        OptimizerState state = optimizer.exportState();
        double[] all = params;
        for (String name : state.names()) {
            double[] array = state.array(name);
            double[] joined = Arrays.copyOf(all, all.length + array.length);
            System.arraycopy(array, 0, joined, all.length, array.length);
            all = joined;
        }
        return all;
    }

    @Test
    void aRuleThatIsNotEntryWiseIsUpdatedWholeOnTheCallingThread() {
        List<String> calls = new ArrayList<>();
        OptimizerSpec whole = new OptimizerSpec() {
            @Override
            public double lr() {
                return 0.1;
            }

            @Override
            public double weightDecay() {
                return 0;
            }

            @Override
            public double clipNorm() {
                return 0;
            }

            @Override
            public List<String> stateNames() {
                return List.of();
            }

            @Override
            public void update(double[] params, double[] grads, double[][] state, double eta, long t) {
                calls.add(Thread.currentThread().getName() + " " + params.length);
                for (int i = 0; i < params.length; i++) {
                    params[i] -= eta * grads[i];
                }
            }

            @Override
            public Concept<OptimizerSpec> concept() {
                return Sgd.CONCEPT;
            }
        };
        assertEquals(false, whole.entryWise());
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> whole.update(new double[4], new double[4], new double[0][], 0.1, 1, 1, 3));
        assertTrue(e.getMessage().contains("not entries [1, 3) on their own"), e.getMessage());
        try (KernelThreads pool = KernelThreads.start(2)) {
            Optimizer optimizer = whole.start(null);
            optimizer.useThreads(ParameterShares.of(pool, SIZE, TENSORS));
            double[] params = new double[SIZE];
            double[] grads = new double[SIZE];
            Arrays.fill(grads, 2.0);
            optimizer.step(params, grads, 0.5);
            assertEquals(List.of(Thread.currentThread().getName() + " " + SIZE), calls);
            assertEquals(-1.0, params[SIZE - 1], 0.0);
        }
    }

    @Test
    void eachThreadsShareIsItsColumnsOfEveryTensorAndTheSharesCoverEveryEntryOnce() {
        for (int threads = 1; threads <= 3; threads++) {
            try (KernelThreads pool = KernelThreads.start(threads)) {
                ParameterShares shares = ParameterShares.of(pool, SIZE, TENSORS);
                assertEquals(threads * shares.perThread(), chunkCount(shares, threads));
                int[] owner = new int[SIZE];
                Arrays.fill(owner, -1);
                long[] entries = new long[threads * shares.perThread()];
                for (int c = 0; c < entries.length; c++) {
                    int[] ranges = shares.chunk(c);
                    for (int r = 0; r < ranges.length; r += 2) {
                        for (int i = ranges[r]; i < ranges[r + 1]; i++) {
                            assertEquals(-1, owner[i], "entry " + i + " is in two chunks");
                            owner[i] = c / shares.perThread();
                            entries[c]++;
                        }
                    }
                }
                for (int[] tensor : TENSORS) {
                    int offset = tensor[0], rows = tensor[1], cols = tensor[2];
                    for (int t = 0; t < threads; t++) {
                        int c0 = pool.columnShare(cols, t), c1 = pool.columnShare(cols, t + 1);
                        for (int r = 0; r < rows; r++) {
                            for (int j = c0; j < c1; j++) {
                                assertEquals(t, owner[offset + r * cols + j], threads + " threads: tensor at " + offset
                                        + ", row " + r + ", column " + j);
                            }
                        }
                    }
                }
                // A thread's chunks differ by at most one entry.
                for (int t = 0; t < threads; t++) {
                    long[] own = Arrays.copyOfRange(entries, t * shares.perThread(), (t + 1) * shares.perThread());
                    long min = Arrays.stream(own).min().orElseThrow(), max = Arrays.stream(own).max().orElseThrow();
                    assertTrue(max - min <= 1, threads + " threads: thread " + t + "'s chunks hold " + Arrays.toString(own));
                }
            }
        }
    }

    private static int chunkCount(ParameterShares shares, int threads) {
        int count = 0;
        for (int c = 0; c < threads * shares.perThread(); c++) {
            if (shares.chunk(c) != null) {
                count++;
            }
        }
        return count;
    }

    @Test
    void tensorsThatDoNotCoverTheVectorOrLieOutsideItAreRefusedWithTheirSizes() {
        try (KernelThreads pool = KernelThreads.start(2)) {
            IllegalArgumentException gap = assertThrows(IllegalArgumentException.class,
                    () -> ParameterShares.of(pool, SIZE + 3, TENSORS));
            assertEquals("the tensors hold 2335 entries but the vector has 2338; pass every tensor of the layout once",
                    gap.getMessage());
            IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                    () -> ParameterShares.of(pool, 100, new int[][] {{90, 2, 10}}));
            assertEquals("tensor {offset 90, 2×10} does not lie in a vector of 100 entries", outside.getMessage());
        }
    }
}
