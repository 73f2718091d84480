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

/** The update split between kernel threads, each thread a consecutive part of the parameter vector (ParameterShares). */
class ParallelUpdateTest {
    /** A small network's parameters: 50×40 W, 40 b, 40×7 W, 7 b, 7×1 W, 1 b (decay on the W). */
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
                    double[] split = run(spec, mask, ParameterShares.of(pool, SIZE));
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
            optimizer.useThreads(ParameterShares.of(pool, SIZE));
            double[] params = new double[SIZE];
            double[] grads = new double[SIZE];
            Arrays.fill(grads, 2.0);
            optimizer.step(params, grads, 0.5);
            assertEquals(List.of(Thread.currentThread().getName() + " " + SIZE), calls);
            assertEquals(-1.0, params[SIZE - 1], 0.0);
        }
    }

    @Test
    void theChunksAreConsecutiveOfEqualLengthAndCoverEveryEntryOnce() {
        for (int threads = 1; threads <= 3; threads++) {
            try (KernelThreads pool = KernelThreads.start(threads)) {
                ParameterShares shares = ParameterShares.of(pool, SIZE);
                int chunks = threads * shares.perThread();
                int next = 0;
                for (int c = 0; c < chunks; c++) {
                    assertEquals(next, shares.from(c), threads + " threads: chunk " + c + " starts where the last ended");
                    int length = shares.to(c) - shares.from(c);
                    assertTrue(length == SIZE / chunks || length == SIZE / chunks + 1, "chunk " + c + " holds " + length);
                    next = shares.to(c);
                }
                assertEquals(SIZE, next, threads + " threads: the chunks end at the last entry");
            }
        }
    }

    @Test
    void aNegativeSizeIsRefusedWithTheValue() {
        try (KernelThreads pool = KernelThreads.start(2)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParameterShares.of(pool, -3));
            assertEquals("size must be at least 0, got -3", e.getMessage());
        }
    }
}
