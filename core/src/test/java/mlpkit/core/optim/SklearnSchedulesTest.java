package mlpkit.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import mlpkit.core.Fixtures;
import mlpkit.core.concept.Registry;
import org.junit.jupiter.api.Test;

/**
 * scikit-learn's learning-rate schedules epoch by epoch, from its own {@code SGDOptimizer} and
 * {@code _update_no_improvement_count} (scripts/generate_convention_fixtures.py), to 1e-9 relative.
 */
class SklearnSchedulesTest {
    private static final Fixtures FIXTURES = Fixtures.load("/mlpkit/core/optim/conventions/convention_fixtures.json");

    private static ScheduleSpec parse(String notation) {
        return Registry.builtIns().parse(ScheduleSpec.KIND, notation);
    }

    private static void assertRelative(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-9 * expected[i], "epoch " + i);
        }
    }

    @Test
    void invscalingPerSampleMatchesScikitLearnsRateEpochByEpoch() {
        double lr = FIXTURES.number("schedules_sklearn", "invscaling", "lr");
        int rows = (int) FIXTURES.number("schedules_sklearn", "invscaling", "rows");
        double[] expected = FIXTURES.vector("schedules_sklearn", "invscaling", "rates");
        LearningRateSchedule schedule = parse("invscaling(power=0.5, per=sample)").start(10, rows);
        double[] rates = new double[expected.length];
        for (int epoch = 0; epoch < rates.length; epoch++) {
            rates[epoch] = schedule.rate(lr, epoch);
        }
        assertRelative(expected, rates);
    }

    @Test
    void invscalingPerEpochCountsEpochsAndIsTheDefault() {
        // η₀/(k + 1)^0.5 for k = 0, 1, 3: 0.1, 0.1/√2, 0.05
        LearningRateSchedule schedule = parse("invscaling").start(10, 7);
        assertEquals(0.1, schedule.rate(0.1, 0), 0.0);
        assertEquals(0.1 / Math.sqrt(2), schedule.rate(0.1, 1), 1e-17);
        assertEquals(0.05, schedule.rate(0.1, 3), 0.0);
    }

    @Test
    void invscalingPerSampleWithoutTheRowCountSaysHowToStartIt() {
        LearningRateSchedule schedule = parse("invscaling(per=sample)").start(10);
        Exception e = assertThrows(IllegalStateException.class, () -> schedule.rate(0.1, 1));
        assertTrue(e.getMessage().contains("start(epochs, trainingRows)"), e.getMessage());
    }

    @Test
    void adaptiveDividesTheRateByFiveAsScikitLearnDoesOnTheSameLossCurve() {
        double lr = FIXTURES.number("schedules_sklearn", "adaptive", "lr");
        double[] losses = FIXTURES.vector("schedules_sklearn", "adaptive", "losses");
        double[] expected = FIXTURES.vector("schedules_sklearn", "adaptive", "rates");
        LearningRateSchedule schedule = parse("adaptive(tol=1e-4, nIterNoChange=2)").start(losses.length);
        double[] rates = new double[losses.length];
        for (int epoch = 0; epoch < losses.length; epoch++) {
            rates[epoch] = schedule.rate(lr, epoch);
            schedule.epochEnded(epoch, Map.of("train_loss", losses[epoch]));
        }
        assertRelative(expected, rates);
    }

    @Test
    void adaptiveResumedFromItsExportedStateContinuesAsTheUninterruptedRun() {
        double[] losses = FIXTURES.vector("schedules_sklearn", "adaptive", "losses");
        LearningRateSchedule whole = parse("adaptive(nIterNoChange=2)").start(20);
        LearningRateSchedule first = parse("adaptive(nIterNoChange=2)").start(20);
        LearningRateSchedule second = parse("adaptive(nIterNoChange=2)").start(20);
        for (int epoch = 0; epoch < losses.length; epoch++) {
            double expected = whole.rate(0.1, epoch);
            whole.epochEnded(epoch, Map.of("train_loss", losses[epoch]));
            LearningRateSchedule current = epoch < 9 ? first : second;
            if (epoch == 9) {
                second.restoreState(first.exportState());
            }
            assertEquals(expected, current.rate(0.1, epoch), 0.0, "epoch " + epoch);
            current.epochEnded(epoch, Map.of("train_loss", losses[epoch]));
        }
        assertArrayEquals(whole.exportState(), second.exportState(), 0.0);
    }

    @Test
    void adaptiveStopsDividingOnceTheRateIsAtScikitLearnsFloor() {
        LearningRateSchedule schedule = parse("adaptive(nIterNoChange=1)").start(10);
        double rate = 0;
        for (int epoch = 0; epoch < 40; epoch++) {
            rate = schedule.rate(1e-5, epoch);
            schedule.epochEnded(epoch, Map.of("train_loss", 1.0));
        }
        // 1e-5 → 2e-6 → 4e-7, then no more divisions (scikit-learn would stop training there)
        assertEquals(4e-7, rate, 1e-21);
    }
}
