package mlpkit.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    private static final double TOL = 1e-15;

    @Test
    void constantScheduleReturnsTheBaseRateAtEveryEpoch() {
        LearningRateSchedule s = Schedules.constant();
        assertEquals(0.1, s.rate(0.1, 0), 0.0);
        assertEquals(0.1, s.rate(0.1, 57), 0.0);
        assertEquals("constant", new Constant().notation());
    }

    @Test
    void stepDecayHalvesTheRateEveryTenEpochs() {
        // 0.1 * 0.5^floor(epoch/10)
        LearningRateSchedule s = Schedules.step(10, 0.5);
        assertEquals(0.1, s.rate(0.1, 0), TOL);
        assertEquals(0.1, s.rate(0.1, 9), TOL);
        assertEquals(0.05, s.rate(0.1, 10), TOL);
        assertEquals(0.05, s.rate(0.1, 19), TOL);
        assertEquals(0.025, s.rate(0.1, 20), TOL);
        assertEquals(0.1 / 1024, s.rate(0.1, 105), TOL);
        assertEquals("step(every=10, factor=0.5)", new StepDecay(10, 0.5).notation());
    }

    @Test
    void stepDecayEveryEpochIsExponentialDecay() {
        assertEquals(new ExponentialDecay(0.9).rate(0.2, 7), Schedules.step(1, 0.9).rate(0.2, 7), 1e-16);
    }

    @Test
    void exponentialDecayMultipliesByGammaEachEpoch() {
        // 0.1 * 0.9^epoch: 0.1, 0.09, 0.081, 0.0729
        LearningRateSchedule s = Schedules.exponential(0.9);
        assertEquals(0.1, s.rate(0.1, 0), TOL);
        assertEquals(0.09, s.rate(0.1, 1), TOL);
        assertEquals(0.081, s.rate(0.1, 2), TOL);
        assertEquals(0.0729, s.rate(0.1, 3), TOL);
        assertEquals("exponential(gamma=0.9)", new ExponentialDecay(0.9).notation());
    }

    @Test
    void inverseScalingDividesByTheRootOfTheEpochCount() {
        // 0.1 / (epoch + 1)^0.5: epoch 0 -> 0.1, epoch 3 -> 0.1/2, epoch 8 -> 0.1/3, epoch 99 -> 0.1/10
        LearningRateSchedule s = Schedules.inverseScaling(0.5);
        assertEquals(0.1, s.rate(0.1, 0), TOL);
        assertEquals(0.05, s.rate(0.1, 3), TOL);
        assertEquals(0.1 / 3, s.rate(0.1, 8), TOL);
        assertEquals(0.01, s.rate(0.1, 99), TOL);
        // power 1: 0.1 / 4 at epoch 3
        assertEquals(0.025, Schedules.inverseScaling(1.0).rate(0.1, 3), TOL);
        // power 0.5 is the default, so the notation is the bare name
        assertEquals("inverseScaling", new InverseScaling(0.5).notation());
        assertEquals("inverseScaling(power=1.0)", new InverseScaling(1.0).notation());
    }

    @Test
    void cosineDecayFallsFromTheBaseRateToZeroAndStaysThere() {
        // total 10: epoch 0 -> 0.1; epoch 5 -> 0.05*(1 + cos(pi/2)) = 0.05; epoch 10 -> 0.05*(1 + cos(pi)) = 0
        LearningRateSchedule s = Schedules.cosine(10);
        assertEquals(0.1, s.rate(0.1, 0), TOL);
        assertEquals(0.05, s.rate(0.1, 5), TOL);
        assertEquals(0.0, s.rate(0.1, 10), TOL);
        assertEquals(0.0, s.rate(0.1, 15), TOL); // clamped after totalEpochs
        // total 4, epoch 1: 0.05*(1 + cos(pi/4)) = 0.05*1.707106781186548 = 0.085355339059327
        assertEquals(0.085355339059327, Schedules.cosine(4).rate(0.1, 1), 1e-14);
        // the number of epochs is the run's, not the schedule's: the notation is the bare name
        assertEquals("cosine", new CosineDecay(0.0).notation());
        LearningRateSchedule started = new CosineDecay(0.0).start(10);
        for (int epoch = 0; epoch <= 15; epoch++) {
            assertEquals(s.rate(0.1, epoch), started.rate(0.1, epoch), 0.0);
        }
    }

    @Test
    void cosineDecayWithAMinimumRate() {
        // min 0.01, base 0.1, total 4:
        // epoch 1 -> 0.01 + 0.5*0.09*(1 + cos(pi/4)) = 0.01 + 0.045*1.707106781186548 = 0.086819805153395
        // epoch 2 -> 0.01 + 0.045 = 0.055;  epoch 4 and later -> 0.01
        LearningRateSchedule s = Schedules.cosine(4, 0.01);
        assertEquals(0.1, s.rate(0.1, 0), TOL);
        assertEquals(0.086819805153395, s.rate(0.1, 1), 1e-14);
        assertEquals(0.055, s.rate(0.1, 2), TOL);
        assertEquals(0.01, s.rate(0.1, 4), TOL);
        assertEquals(0.01, s.rate(0.1, 40), TOL);
        assertEquals("cosine(minRate=0.01)", new CosineDecay(0.01).notation());
        // a minimum equal to the base rate is allowed and constant
        assertEquals(0.01, s.rate(0.01, 2), TOL);
    }

    @Test
    void schedulesAreValueObjects() {
        assertEquals(new StepDecay(10, 0.5), Schedules.step(10, 0.5));
        assertEquals(new Constant(), Schedules.constant());
        assertEquals(new ExponentialDecay(0.9), Schedules.exponential(0.9));
        assertEquals(new InverseScaling(0.5), Schedules.inverseScaling(0.5));
        // the cosine schedule is a value; the schedule of a run of 5 epochs follows it
        assertEquals(new CosineDecay(0.0), CosineDecay.CONCEPT.create());
        LearningRateSchedule started = new CosineDecay(0.0).start(5);
        LearningRateSchedule factory = Schedules.cosine(5);
        for (int epoch = 0; epoch <= 7; epoch++) {
            assertEquals(started.rate(0.1, epoch), factory.rate(0.1, epoch), 0.0);
        }
        // a schedule that depends only on the epoch is its own run schedule
        StepDecay step = new StepDecay(10, 0.5);
        assertSame(step, step.start(100));
    }
}
