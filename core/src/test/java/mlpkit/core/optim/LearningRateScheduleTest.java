package mlpkit.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import mlpkit.core.init.Constant;

class LearningRateScheduleTest {

    private static final double TOL = 1e-15;

    @Test
    void constantScheduleReturnsTheBaseRateAtEveryEpoch() {
        LearningRateSchedule s = Schedules.constant();
        assertEquals(0.1, s.rate(0.1, 0), 0.0);
        assertEquals(0.1, s.rate(0.1, 57), 0.0);
        assertEquals("constant()", s.notation());
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
        assertEquals("step(every=10, factor=0.5)", s.notation());
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
        assertEquals("exponential(gamma=0.9)", s.notation());
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
        assertEquals("inverseScaling(powerT=0.5)", s.notation());
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
        assertEquals("cosine(totalEpochs=10)", s.notation());
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
        assertEquals("cosine(totalEpochs=4, minRate=0.01)", s.notation());
        // a minimum equal to the base rate is allowed and constant
        assertEquals(0.01, s.rate(0.01, 2), TOL);
    }

    @Test
    void schedulesAreValueObjects() {
        assertEquals(new StepDecay(10, 0.5), Schedules.step(10, 0.5));
        assertEquals(new CosineDecay(5, 0.0), Schedules.cosine(5));
        assertEquals(new Constant(), Schedules.constant());
    }
}
