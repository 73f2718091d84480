package mlpkit.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StepContractTest {

    @Test
    void stateIsAllocatedLazilyWithTheSizeOfTheFirstStep() {
        Optimizer adam = Optimizers.adam();
        assertTrue(adam.exportState().names().isEmpty());
        adam.step(new double[4], new double[4], 0.1);
        assertEquals(4, adam.exportState().size());
        assertArrayEquals(new double[4], adam.exportState().array("m"), 0.0);
    }

    @Test
    void initAllocatesZeroStateAheadOfTheFirstStepAndIsIdempotent() {
        Optimizer adam = Optimizers.adam();
        adam.init(3);
        assertEquals(3, adam.exportState().size());
        assertEquals(0, adam.stepCount());
        adam.step(new double[] {1.0, 1.0, 1.0}, new double[] {1.0, 1.0, 1.0}, 0.1);
        adam.init(3); // same size: keeps the state
        assertEquals(1, adam.stepCount());
        assertArrayEquals(new double[] {0.1, 0.1, 0.1}, adam.exportState().array("m"), 1e-15);
    }

    @Test
    void stepWithAnotherSizeThanTheStateIsAClearError() {
        Optimizer sgd = Optimizers.sgd(0.9, false);
        sgd.init(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sgd.step(new double[2], new double[2], 0.1));
        assertTrue(e.getMessage().contains("allocated for 3 parameters but got 2"), e.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> sgd.init(5));
        assertTrue(e2.getMessage().contains("allocated for 3 parameters but got 5"), e2.getMessage());
    }

    @Test
    void resetForgetsTheStateSoAnotherSizeIsAccepted() {
        Optimizer sgd = Optimizers.sgd(0.9, false);
        sgd.step(new double[3], new double[] {1.0, 1.0, 1.0}, 0.1);
        sgd.reset();
        assertEquals(0, sgd.stepCount());
        double[] theta = {0.0, 0.0};
        sgd.step(theta, new double[] {1.0, 2.0}, 0.1); // fresh velocity: theta = -0.1*g
        assertArrayEquals(new double[] {-0.1, -0.2}, theta, 1e-15);
    }

    @Test
    void gradsOfAnotherLengthThanParamsAreRejectedBeforeAnythingChanges() {
        Optimizer adam = Optimizers.adam();
        double[] theta = {1.0, 2.0};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> adam.step(theta, new double[3], 0.1));
        assertEquals("grads has length 3 but params has length 2; pass one gradient entry per parameter, "
                + "in the same order", e.getMessage());
        assertArrayEquals(new double[] {1.0, 2.0}, theta, 0.0);
        assertEquals(0, adam.stepCount());
    }

    @Test
    void nonPositiveOrNonFiniteLearningRateIsRejected() {
        Optimizer adam = Optimizers.adam();
        for (double lr : new double[] {0.0, -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> adam.step(new double[1], new double[1], lr));
            assertTrue(e.getMessage().startsWith("learningRate must be in (0, +inf) but was "), e.getMessage());
        }
        assertEquals(0, adam.stepCount());
    }

    @Test
    void initWithANegativeSizeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Optimizers.adam().init(-1));
        assertTrue(e.getMessage().startsWith("size must be in [0, 2147483647] but was -1;"), e.getMessage());
    }
}
