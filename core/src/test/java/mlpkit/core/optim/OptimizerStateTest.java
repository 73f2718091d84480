package mlpkit.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OptimizerStateTest {

    private static final int SIZE = 7;
    private static final int STEPS = 12;
    private static final int SPLIT = 5;

    static Stream<Arguments> optimisers() {
        OptimizerOptions all = OptimizerOptions.DEFAULTS.withWeightDecay(0.05).withClipNorm(0.8)
                .withDecayMask(new boolean[] {true, true, false, true, true, false, true});
        List<Supplier<Optimizer>> list = List.of(
                Optimizers::sgd,
                () -> Optimizers.sgd(0.9, false),
                () -> Optimizers.sgd(0.8, true, all),
                Optimizers::rmsProp,
                () -> Optimizers.rmsProp(0.95, 1e-6, all),
                Optimizers::adam,
                () -> Optimizers.adam(0.85, 0.99, 1e-7, all),
                Optimizers::adamW,
                () -> Optimizers.adamW(0.9, 0.999, 1e-8, all));
        return list.stream().map(s -> Arguments.of(s.get().notation(), s));
    }

    /** Deterministic gradient for step k: depends on k and on the current parameters. */
    private static double[] gradient(double[] theta, int k) {
        Random rnd = new Random(1000 + k);
        double[] g = new double[theta.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = theta[i] * 0.3 + rnd.nextGaussian();
        }
        return g;
    }

    private static double rate(int k) {
        return 0.05 / Math.sqrt(k + 1.0); // a changing learning rate, as a schedule would give
    }

    private static double[] initial() {
        Random rnd = new Random(42);
        double[] theta = new double[SIZE];
        for (int i = 0; i < SIZE; i++) {
            theta[i] = rnd.nextGaussian();
        }
        return theta;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimisers")
    void exportThenRestoreThenContinueEqualsAnUninterruptedRunBitForBit(String name, Supplier<Optimizer> factory) {
        Optimizer uninterrupted = factory.get();
        double[] a = initial();
        for (int k = 0; k < STEPS; k++) {
            uninterrupted.step(a, gradient(a, k), rate(k));
        }

        Optimizer first = factory.get();
        double[] b = initial();
        for (int k = 0; k < SPLIT; k++) {
            first.step(b, gradient(b, k), rate(k));
        }
        OptimizerState saved = first.exportState();
        first.step(b.clone(), gradient(b, 99), 0.5); // touching the old optimiser must not affect the snapshot

        Optimizer resumed = factory.get();
        resumed.restoreState(saved);
        assertEquals(SPLIT, resumed.stepCount());
        for (int k = SPLIT; k < STEPS; k++) {
            resumed.step(b, gradient(b, k), rate(k));
        }

        assertArrayEquals(a, b, 0.0); // exact: bit-for-bit doubles
        assertEquals(uninterrupted.exportState(), resumed.exportState());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimisers")
    void continuingWithAFreshOptimiserInsteadOfARestoredOneGivesADifferentResult(String name,
                                                                               Supplier<Optimizer> factory) {
        // Guards the bit-for-bit test above: the state does matter for every optimiser with state.
        Optimizer uninterrupted = factory.get();
        double[] a = initial();
        for (int k = 0; k < STEPS; k++) {
            uninterrupted.step(a, gradient(a, k), rate(k));
        }
        Optimizer first = factory.get();
        double[] b = initial();
        for (int k = 0; k < SPLIT; k++) {
            first.step(b, gradient(b, k), rate(k));
        }
        Optimizer fresh = factory.get();
        for (int k = SPLIT; k < STEPS; k++) {
            fresh.step(b, gradient(b, k), rate(k));
        }
        boolean stateless = first.exportState().names().isEmpty();
        assertEquals(stateless, java.util.Arrays.equals(a, b));
    }

    @Test
    void restoringTheStepCounterMattersForAdamBiasCorrection() {
        Optimizer original = Optimizers.adam();
        double[] theta = {1.0, -2.0};
        original.step(theta, new double[] {0.5, -1.0}, 0.1);
        OptimizerState s = original.exportState();
        OptimizerState wrongStep = new OptimizerState(s.kind(), 0, s.arrays());

        double[] right = theta.clone();
        double[] wrong = theta.clone();
        Optimizer r = Optimizers.adam();
        r.restoreState(s);
        r.step(right, new double[] {0.2, 0.4}, 0.1);
        Optimizer w = Optimizers.adam();
        w.restoreState(wrongStep);
        w.step(wrong, new double[] {0.2, 0.4}, 0.1);
        // right is the hand-computed second step of AdamTest
        assertArrayEquals(new double[] {0.810142483902928, -1.865439416662626}, right, 1e-12);
        assertNotEquals(right[0], wrong[0]);
    }

    @Test
    void exportedStateIsADeepCopyInBothDirections() {
        Optimizer sgd = Optimizers.sgd(0.9, false);
        double[] theta = {1.0, -2.0};
        sgd.step(theta, new double[] {0.5, -1.0}, 0.1);
        OptimizerState s = sgd.exportState();

        s.arrays().get("velocity")[0] = 123.0;
        s.array("velocity")[1] = 456.0;
        assertArrayEquals(new double[] {-0.05, 0.1}, s.array("velocity"), 1e-15);

        sgd.step(theta, new double[] {0.5, -1.0}, 0.1); // optimiser moves on; the snapshot does not
        assertArrayEquals(new double[] {-0.05, 0.1}, s.array("velocity"), 1e-15);

        double[] input = {1.0, 2.0};
        Map<String, double[]> map = new LinkedHashMap<>();
        map.put("velocity", input);
        OptimizerState built = new OptimizerState("sgd", 3, map);
        input[0] = -1.0;
        map.put("other", new double[] {9.0, 9.0});
        assertArrayEquals(new double[] {1.0, 2.0}, built.array("velocity"), 0.0);
        assertEquals(List.of("velocity"), List.copyOf(built.names()));
        assertThrows(UnsupportedOperationException.class, () -> built.arrays().put("x", new double[2]));
    }

    @Test
    void restoredOptimiserDoesNotShareArraysWithTheState() {
        Optimizer source = Optimizers.sgd(0.9, false);
        source.step(new double[] {1.0}, new double[] {1.0}, 0.1);
        OptimizerState s = source.exportState();
        Optimizer target = Optimizers.sgd(0.9, false);
        target.restoreState(s);
        target.step(new double[] {1.0}, new double[] {1.0}, 0.1);
        assertArrayEquals(new double[] {-0.1}, s.array("velocity"), 1e-15); // unchanged
        assertArrayEquals(new double[] {-0.19}, target.exportState().array("velocity"), 1e-15);
    }

    @Test
    void restoringAStateOfAnotherKindSaysWhichKindWasExpected() {
        Optimizer adam = Optimizers.adam();
        adam.step(new double[2], new double[] {1.0, 1.0}, 0.1);
        Optimizer sgd = Optimizers.sgd(0.9, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sgd.restoreState(adam.exportState()));
        assertTrue(e.getMessage().contains("expected kind 'sgd' but got 'adam'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Optimizers.adamW().restoreState(adam.exportState()));
    }

    @Test
    void exportedStatesNameTheirKindByTheConceptName() {
        assertEquals("sgd", Optimizers.sgd(0.9, false).exportState().kind());
        assertEquals("rmsprop", Optimizers.rmsProp().exportState().kind());
        assertEquals("adam", Optimizers.adam().exportState().kind());
        assertEquals("adamw", Optimizers.adamW().exportState().kind());
    }

    @Test
    void aStateExportedUnderTheCamelCaseAliasIsRestoredAndContinuesBitForBit() {
        for (Supplier<Optimizer> factory : List.<Supplier<Optimizer>>of(Optimizers::rmsProp, Optimizers::adamW)) {
            Optimizer original = factory.get();
            double[] a = initial();
            for (int k = 0; k < SPLIT; k++) {
                original.step(a, gradient(a, k), rate(k));
            }
            OptimizerState saved = original.exportState();
            String alias = saved.kind().equals("rmsprop") ? "rmsProp" : "adamW";
            Optimizer resumed = factory.get();
            resumed.restoreState(new OptimizerState(alias, saved.step(), saved.arrays()));
            assertEquals(saved, resumed.exportState()); // exported again under the concept name

            double[] b = a.clone();
            for (int k = SPLIT; k < STEPS; k++) {
                original.step(a, gradient(a, k), rate(k));
                resumed.step(b, gradient(b, k), rate(k));
            }
            assertArrayEquals(a, b, 0.0);
        }
    }

    @Test
    void restoringAStateOfAnotherSizeSaysExpectedAndGot() {
        Optimizer small = Optimizers.adam();
        small.step(new double[2], new double[] {1.0, 1.0}, 0.1);
        Optimizer big = Optimizers.adam();
        big.init(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> big.restoreState(small.exportState()));
        assertTrue(e.getMessage().contains("expected size 3 but got 2"), e.getMessage());
        assertEquals(0, big.stepCount()); // unchanged after the failed restore
    }

    @Test
    void restoringAStateWithOtherArraysSaysExpectedAndGot() {
        Optimizer momentum = Optimizers.sgd(0.9, false);
        momentum.step(new double[2], new double[] {1.0, 1.0}, 0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Optimizers.sgd().restoreState(momentum.exportState()));
        assertTrue(e.getMessage().contains("expected arrays [] but got [velocity]"), e.getMessage());

        OptimizerState incomplete = new OptimizerState("adam", 4, Map.of());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                () -> Optimizers.adam().restoreState(incomplete));
        assertTrue(e2.getMessage().contains("expected arrays [m, v] but got none"), e2.getMessage());
    }

    @Test
    void restoringAStateExportedBeforeTheFirstStepResetsTheOptimiser() {
        OptimizerState fresh = Optimizers.adam().exportState();
        assertEquals(0, fresh.step());
        assertTrue(fresh.names().isEmpty());

        Optimizer used = Optimizers.adam();
        double[] a = {1.0, -2.0};
        used.step(a, new double[] {0.5, -1.0}, 0.1);
        used.restoreState(fresh);
        assertEquals(0, used.stepCount());
        // after the reset it behaves like a new optimiser, even for another size
        double[] theta = {1.0, -2.0, 3.0};
        used.step(theta, new double[] {0.5, -1.0, 0.0}, 0.1);
        assertArrayEquals(new double[] {0.900000002, -1.900000001, 3.0}, theta, 1e-12);
    }

    @Test
    void statesCompareByContent() {
        Map<String, double[]> m1 = Map.of("velocity", new double[] {1.0, 2.0});
        Map<String, double[]> m2 = Map.of("velocity", new double[] {1.0, 2.0});
        assertEquals(new OptimizerState("sgd", 1, m1), new OptimizerState("sgd", 1, m2));
        assertEquals(new OptimizerState("sgd", 1, m1).hashCode(), new OptimizerState("sgd", 1, m2).hashCode());
        assertNotEquals(new OptimizerState("sgd", 1, m1), new OptimizerState("sgd", 2, m2));
        assertNotEquals(new OptimizerState("sgd", 1, m1),
                new OptimizerState("sgd", 1, Map.of("velocity", new double[] {1.0, 2.5})));
        assertEquals(2, new OptimizerState("sgd", 1, m1).size());
        assertFalse(new OptimizerState("sgd", 1, m1).toString().isEmpty());
    }

    @Test
    void stateWithArraysOfDifferentLengthsIsRejected() {
        Map<String, double[]> arrays = new LinkedHashMap<>();
        arrays.put("m", new double[2]);
        arrays.put("v", new double[3]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OptimizerState("adam", 1, arrays));
        assertTrue(e.getMessage().contains("'v' has length 3 but the other arrays have length 2"), e.getMessage());
        IllegalArgumentException neg = assertThrows(IllegalArgumentException.class,
                () -> new OptimizerState("adam", -1, Map.of()));
        assertTrue(neg.getMessage().startsWith("step must be in [0, "), neg.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new OptimizerState(" ", 0, Map.of()));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new OptimizerState("adam", 0, Map.of("m", new double[1])).array("v"));
        assertTrue(unknown.getMessage().contains("no state array named 'v'"), unknown.getMessage());
    }
}
