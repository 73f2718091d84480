package mlpkit.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import mlpkit.core.ConceptContracts;
import mlpkit.core.concept.ConceptException;
import mlpkit.core.concept.NotationException;
import mlpkit.core.concept.Registry;
import org.junit.jupiter.api.Test;

/**
 * reduceOnPlateau against hand-worked epochs of Keras' {@code ReduceLROnPlateau.on_epoch_end} (the same update
 * order: cooldown counter decremented first, then improvement, then wait), its schedule contract, its notation
 * and its checkpointed state.
 */
class ReduceOnPlateauTest {
    private static final Registry BUILT_INS = Registry.builtIns();

    /**
     * patience 2, factor 0.5, cooldown 2, minRate 0.15, minDelta 1e-4, η₀ = 1; "improves" means
     * v &lt; best − 1e-4. Columns: the rate used during the epoch, then the state after its validation loss.
     * <pre>
     * epoch  rate   val_loss  cooldown  improves?            wait  reduction
     *   0    1      1.0       0         yes (first value)     0
     *   1    1      0.9       0         yes, best 0.9         0
     *   2    1      0.95      0         no                    1
     *   3    1      0.9       0         no (not by 1e-4)      2 → reduce: ×0.5, wait 0, cooldown 2
     *   4    0.5    0.92      2 → 1     no; in cooldown       0
     *   5    0.5    0.93      1 → 0     no; cooldown over     1
     *   6    0.5    0.85      0         yes, best 0.85        0
     *   7    0.5    0.84995   0         no (by only 5e-5)     1
     *   8    0.5    0.86      0         no                    2 → reduce: ×0.5, wait 0, cooldown 2
     *   9    0.25   0.80      2 → 1     yes, best 0.8         0
     *  10    0.25   0.81      1 → 0     no                    1
     *  11    0.25   0.82      0         no                    2 → reduce: 0.25·0.5 = 0.125, below minRate
     *  12    0.15   0.83      2 → 1     no; in cooldown       0
     *  13    0.15   0.83      1 → 0     no                    1
     *  14    0.15   0.83      0         no                    2 → reduce (the rate stays at minRate)
     *  15    0.15   0.83      2 → 1     no                    0
     * </pre>
     */
    private static final double[] PLATEAU_LOSSES = {1.0, 0.9, 0.95, 0.9, 0.92, 0.93, 0.85, 0.84995, 0.86, 0.80, 0.81, 0.82,
            0.83, 0.83, 0.83, 0.83};
    private static final double[] PLATEAU_RATES = {1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.15, 0.15, 0.15,
            0.15};
    private static final ReduceOnPlateau PLATEAU = new ReduceOnPlateau("val_loss", 0.5, 2, 1e-4, 2, 0.15, "auto");

    private static Map<Integer, Map<String, Double>> epochs(String name, double... values) {
        Map<Integer, Map<String, Double>> metrics = new LinkedHashMap<>();
        for (int e = 0; e < values.length; e++) {
            metrics.put(e, Map.of("train_loss", 2.0 - 0.01 * e, name, values[e]));
        }
        return metrics;
    }

    private static double[] rates(ReduceOnPlateau spec, double baseRate, Map<Integer, Map<String, Double>> metrics) {
        LearningRateSchedule run = spec.start(metrics.size());
        double[] rates = new double[metrics.size()];
        for (int e = 0; e < rates.length; e++) {
            rates[e] = run.rate(baseRate, e);
            run.epochEnded(e, metrics.get(e));
        }
        return rates;
    }

    @Test
    void theRateFollowsTheHandWorkedPlateauOfValidationLossesDownToMinRate() {
        // Powers of 0.5 and the clamp at 0.15 are exact in binary: the rates are equal bit for bit.
        assertArrayEquals(PLATEAU_RATES, rates(PLATEAU, 1.0, epochs("validation_loss", PLATEAU_LOSSES)), 0.0);
        LearningRateSchedule run = PLATEAU.start(16);
        Map<Integer, Map<String, Double>> metrics = epochs("validation_loss", PLATEAU_LOSSES);
        for (int e = 0; e < 16; e++) {
            run.epochEnded(e, metrics.get(e));
        }
        // After epoch 15: multiplier 0.5⁴ (reduced on epochs 3, 8, 11, 14), best 0.8, wait 0, cooldown left 1.
        assertArrayEquals(new double[]{0.0625, 0.80, 0, 1}, run.exportState(), 0.0);
        assertEquals(0.15, run.rate(1.0, 16), 0.0, "the rate stays at minRate");
        assertEquals(0.15, run.rate(2.0, 16), 0.0, "η₀ = 2: 2·0.0625 = 0.125 is below minRate");
        assertEquals(0.25, run.rate(4.0, 16), 0.0, "η₀ = 4: 4·0.0625 = 0.25 is above minRate");
    }

    @Test
    void aCooldownOfOneChangesNothingBecauseKerasDecrementsTheCounterBeforeTestingIt() {
        // Keras' on_epoch_end: "if in_cooldown(): cooldown_counter -= 1; wait = 0", then "elif not in_cooldown(): wait += 1".
        // With cooldown 1 the counter is 0 again before the test, so the epoch after a reduction counts towards patience.
        Map<Integer, Map<String, Double>> metrics = epochs("validation_loss", PLATEAU_LOSSES);
        double[] none = rates(new ReduceOnPlateau("val_loss", 0.5, 2, 1e-4, 0, 0.15, "auto"), 1.0, metrics);
        double[] one = rates(new ReduceOnPlateau("val_loss", 0.5, 2, 1e-4, 1, 0.15, "auto"), 1.0, metrics);
        // Hand-worked for cooldown 0: reductions after epochs 3, 5 (0.92, 0.93 wait 1, 2), 8 (0.84995 then 0.86) and 11.
        assertArrayEquals(new double[]{1, 1, 1, 1, 0.5, 0.5, 0.25, 0.25, 0.25, 0.15, 0.15, 0.15, 0.15, 0.15, 0.15, 0.15}, none, 0.0);
        assertArrayEquals(none, one, 0.0);
    }

    @Test
    void modeMaxWatchesAnAccuracyAndAutoFindsTheSameDirectionFromTheMetric() {
        // patience 2, factor 0.1, minDelta 0.01, η₀ = 0.1; "improves" means v > best + 0.01.
        // epoch  rate   val_accuracy  improves?                wait
        //   0    0.1    0.50          yes (first)              0
        //   1    0.1    0.60          yes                      0
        //   2    0.1    0.605         no (by only 0.005)       1
        //   3    0.1    0.59          no                       2 → ×0.1
        //   4    0.01   0.70          yes                      0
        //   5    0.01   0.70          no                       1
        //   6    0.01   0.705         no                       2 → ×0.1
        //   7    0.001  0.72          yes                      0
        //   8    0.001  0.70          no                       1
        //   9    0.001  0.70          no                       2 → ×0.1 (from epoch 10 on)
        double[] accuracies = {0.50, 0.60, 0.605, 0.59, 0.70, 0.70, 0.705, 0.72, 0.70, 0.70};
        double[] expected = {0.1, 0.1, 0.1, 0.1, 0.01, 0.01, 0.01, 0.001, 0.001, 0.001};
        Map<Integer, Map<String, Double>> metrics = epochs("validation_accuracy", accuracies);
        for (String mode : new String[]{"max", "auto"}) {
            double[] got = rates(new ReduceOnPlateau("val_accuracy", 0.1, 2, 0.01, 0, 0.0, mode), 0.1, metrics);
            for (int e = 0; e < expected.length; e++) {
                // 0.1 is no binary fraction: 0.1·0.1·0.1 = 0.0010000000000000002, a few ulps from the decimal 0.001.
                assertEquals(expected[e], got[e], 1e-15 * expected[e], mode + ", epoch " + e);
            }
        }
        // Watching the same accuracies for a minimum, every epoch after the first 0.5 is a non-improvement
        // (nothing is below 0.49): reductions after epochs 2, 4, 6 and 8, as Keras does with mode='min'.
        double[] asLoss = rates(new ReduceOnPlateau("val_accuracy", 0.1, 2, 0.01, 0, 0.0, "min"), 0.1, metrics);
        double[] lowered = {0.1, 0.1, 0.1, 0.01, 0.01, 1e-3, 1e-3, 1e-4, 1e-4, 1e-5};
        for (int e = 0; e < lowered.length; e++) {
            assertEquals(lowered[e], asLoss[e], 1e-15 * lowered[e], "min, epoch " + e);
        }
    }

    @Test
    void aNaNNeverImprovesAndCountsTowardsPatience() {
        double[] rates = rates(new ReduceOnPlateau("train_loss", 0.5, 1), 1.0,
                Map.of(0, Map.of("train_loss", 1.0), 1, Map.of("train_loss", Double.NaN), 2, Map.of("train_loss", 0.5)));
        // Epoch 1's NaN is one epoch without improvement: with patience 1 the rate halves for epoch 2.
        assertArrayEquals(new double[]{1.0, 1.0, 0.5}, rates, 0.0);
    }

    @Test
    void aMinRateAboveTheInitialRateLeavesTheRateThereAndLongPlateausNeverReachZero() {
        Map<Integer, Map<String, Double>> flat = new LinkedHashMap<>();
        for (int e = 0; e < 2000; e++) {
            flat.put(e, Map.of("validation_loss", 1.0));
        }
        double[] aboveLr = rates(new ReduceOnPlateau("val_loss", 0.5, 1, 1e-4, 0, 0.5, "auto"), 0.1, flat);
        for (double r : aboveLr) {
            assertEquals(0.1, r, 0.0, "Keras never reduces a rate that is not above min_lr, nor raises it");
        }
        // 1999 reductions by 0.1 would be 1e-1999: the multiplier stops at the smallest normal double instead.
        // Epoch 0 sets the best; each later epoch reduces, so epoch e runs at 0.1^(e − 1).
        double[] tiny = rates(new ReduceOnPlateau("val_loss", 0.1, 1), 1.0, flat);
        // 300 products, each rounded by at most half an ulp: within 300·2⁻⁵³ relative of the decimal 1e-300.
        assertEquals(1e-300, tiny[301], 1e-300 * 300 * 0x1p-53, "300 reductions by 0.1");
        assertEquals(Double.MIN_NORMAL, tiny[1999], 0.0);
    }

    @Test
    void reduceOnPlateauMeetsTheScheduleContract() {
        ConceptContracts.schedule(PLATEAU, 16, 1.0, epochs("validation_loss", PLATEAU_LOSSES));
        ConceptContracts.schedule(new ReduceOnPlateau("val_accuracy", 0.1, 2, 0.01, 0, 0.0, "max"), 10, 0.1,
                epochs("validation_accuracy", 0.50, 0.60, 0.605, 0.59, 0.70, 0.70, 0.705, 0.72, 0.70, 0.70));
    }

    @Test
    void aRunRestoredMidCooldownContinuesExactlyAsOneThatNeverStopped() {
        Map<Integer, Map<String, Double>> metrics = epochs("validation_loss", PLATEAU_LOSSES);
        for (int stop = 1; stop < 16; stop++) {
            LearningRateSchedule first = PLATEAU.start(16);
            for (int e = 0; e < stop; e++) {
                first.rate(1.0, e);
                first.epochEnded(e, metrics.get(e));
            }
            LearningRateSchedule resumed = PLATEAU.start(16);
            resumed.restoreState(first.exportState());
            assertArrayEquals(first.exportState(), resumed.exportState(), 0.0);
            for (int e = stop; e < 16; e++) {
                assertEquals(PLATEAU_RATES[e], resumed.rate(1.0, e), 0.0, "stopped after epoch " + (stop - 1) + ", epoch " + e);
                resumed.epochEnded(e, metrics.get(e));
            }
        }
        // Stopped after epoch 9 (mid-cooldown, best 0.8): the state is exactly what the table says.
        LearningRateSchedule run = PLATEAU.start(16);
        for (int e = 0; e < 10; e++) {
            run.epochEnded(e, metrics.get(e));
        }
        assertArrayEquals(new double[]{0.25, 0.80, 0, 1}, run.exportState(), 0.0);
        // A fresh run has no best yet.
        double[] fresh = PLATEAU.start(16).exportState();
        assertEquals(4, fresh.length);
        assertEquals(1.0, fresh[0], 0.0);
        assertTrue(Double.isNaN(fresh[1]));
    }

    @Test
    void restoringAStateOfTheWrongLengthOrImpossibleValuesFailsClearly() {
        LearningRateSchedule run = PLATEAU.start(10);
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class, () -> run.restoreState(new double[3]));
        assertEquals("reduceOnPlateau(factor=0.5, patience=2, cooldown=2, minRate=0.15) keeps 4 values of state (rate multiplier, "
                + "best value, wait, cooldown left), but a state of 3 values was given: the checkpoint belongs to another schedule",
                length.getMessage());
        IllegalArgumentException wait = assertThrows(IllegalArgumentException.class,
                () -> run.restoreState(new double[]{0.5, 0.3, 2, 0}));
        assertTrue(wait.getMessage().contains("wait a whole number in [0, 1]"), wait.getMessage());
        assertThrows(IllegalArgumentException.class, () -> run.restoreState(new double[]{0.0, 0.3, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> run.restoreState(new double[]{0.5, 0.3, 0, 3}));
        assertThrows(IllegalArgumentException.class, () -> run.restoreState(new double[]{0.5, 0.3, 0.5, 0}));
        assertArrayEquals(new double[]{1.0, Double.NaN, 0, 0}, run.exportState(), 0.0, "a refused state changes nothing");
    }

    @Test
    void aMissingMonitoredMetricFailsNamingTheMonitorAndTheMetricsReported() {
        LearningRateSchedule run = new ReduceOnPlateau().start(5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run.epochEnded(3, Map.of("train_loss", 0.5)));
        assertEquals("reduceOnPlateau monitors val_loss (reported as validation_loss), but epoch 3 reported train_loss: "
                + "there is no validation part; add one, or monitor a train_ metric", e.getMessage());
        LearningRateSchedule accuracy = new ReduceOnPlateau("train_accuracy", 0.5, 3).start(5);
        Map<String, Double> reported = new LinkedHashMap<>();
        reported.put("train_loss", 0.5);
        reported.put("validation_loss", 0.6);
        IllegalArgumentException noAccuracy = assertThrows(IllegalArgumentException.class, () -> accuracy.epochEnded(0, reported));
        assertEquals("reduceOnPlateau(monitor=train_accuracy, factor=0.5, patience=3) monitors train_accuracy, but epoch 0 "
                + "reported train_loss, validation_loss", noAccuracy.getMessage());
        ConceptException unknown = assertThrows(ConceptException.class, () -> new ReduceOnPlateau("val_los", 0.5, 2).start(5));
        assertTrue(unknown.getMessage().startsWith("reduceOnPlateau(monitor=val_los, factor=0.5, patience=2): monitor must be one of "),
                unknown.getMessage());
        assertTrue(unknown.getMessage().contains(" validation_loss,"), unknown.getMessage());
        assertTrue(unknown.getMessage().endsWith(", got 'val_los'; did you mean 'val_loss'?"), unknown.getMessage());
    }

    @Test
    void theNotationWritesWhatDiffersFromKerasDefaultsAndReadsBack() {
        ReduceOnPlateau spec = (ReduceOnPlateau) BUILT_INS.parse(ScheduleSpec.KIND, "reduceOnPlateau(factor=0.5, patience=2)");
        assertEquals(new ReduceOnPlateau("val_loss", 0.5, 2, 1e-4, 0, 0.0, "auto"), spec);
        assertEquals("reduceOnPlateau(factor=0.5, patience=2)", spec.notation());
        assertEquals(new ReduceOnPlateau("val_loss", 0.1, 10, 1e-4, 0, 0.0, "auto"), BUILT_INS.parse(ScheduleSpec.KIND, "reduceOnPlateau"));
        ReduceOnPlateau max = new ReduceOnPlateau("val_accuracy", 0.2, 5, 0.0, 3, 1e-5, "max");
        assertEquals("reduceOnPlateau(monitor=val_accuracy, factor=0.2, patience=5, minDelta=0.0, cooldown=3, minRate=1.0e-5, mode=max)",
                max.notation());
        assertEquals(max, BUILT_INS.parse(ScheduleSpec.KIND, max.notation()));
        ConceptContracts.registered(ScheduleSpec.KIND, max);
    }

    @Test
    void argumentsOutsideKerasRangesAreRefusedWithTheRange() {
        NotationException factor = assertThrows(NotationException.class,
                () -> BUILT_INS.parse(ScheduleSpec.KIND, "reduceOnPlateau(factor=1.0)"));
        assertEquals("notation, column 24: expected a number in (0, 1) for factor of reduceOnPlateau, found 1.0; "
                + "e.g. 0.5 halves the rate, 0.1 divides it by 10", factor.getMessage());
        ConceptException patience = assertThrows(ConceptException.class, () -> new ReduceOnPlateau("val_loss", 0.5, 0));
        assertEquals("reduceOnPlateau: patience must be a whole number ≥ 1, got 0; Keras' patience=0 behaves as patience=1 here: "
                + "the rate is reduced after each epoch without improvement", patience.getMessage());
        assertThrows(ConceptException.class, () -> new ReduceOnPlateau("val_loss", 0.5, 2, -1e-4, 0, 0.0, "auto"));
        assertThrows(ConceptException.class, () -> new ReduceOnPlateau("val_loss", 0.5, 2, 1e-4, -1, 0.0, "auto"));
        assertThrows(ConceptException.class, () -> new ReduceOnPlateau("val_loss", 0.5, 2, 1e-4, 0, -1.0, "auto"));
        ConceptException mode = assertThrows(ConceptException.class, () -> new ReduceOnPlateau("val_loss", 0.5, 2, 1e-4, 0, 0.0, "up"));
        assertTrue(mode.getMessage().contains("mode must be one of auto, min, max, got up"), mode.getMessage());
    }
}
