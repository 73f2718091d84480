package mlpkit.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OptimizerOptionsTest {

    private static final double TOL = 1e-12;

    @Test
    void l2WeightDecayWithAMaskSkipsTheMaskedEntry() {
        // lambda = 0.1, mask = [true, false, true], eta = 0.1, theta = [1, -2, 3], g = [0.5, -1, 0]
        // g' = g + lambda*theta on masked entries = [0.5 + 0.1, -1, 0 + 0.3] = [0.6, -1, 0.3]
        // theta = theta - 0.1*g' = [1 - 0.06, -2 + 0.1, 3 - 0.03] = [0.94, -1.9, 2.97]
        OptimizerOptions options = OptimizerOptions.DEFAULTS.withWeightDecay(0.1)
                .withDecayMask(new boolean[] {true, false, true});
        double[] theta = {1.0, -2.0, 3.0};
        double[] g = {0.5, -1.0, 0.0};
        Optimizers.sgd(0.0, false, options).step(theta, g, 0.1);
        assertArrayEquals(new double[] {0.94, -1.9, 2.97}, theta, TOL);
        // the gradient array was overwritten with the decayed gradient, as documented
        assertArrayEquals(new double[] {0.6, -1.0, 0.3}, g, TOL);
    }

    @Test
    void l2WeightDecayWithoutMaskDecaysEveryEntry() {
        // g' = [0.6, -1.2, 0.3]; theta = [0.94, -1.88, 2.97]
        double[] theta = {1.0, -2.0, 3.0};
        Optimizers.sgd(0.0, false, OptimizerOptions.DEFAULTS.withWeightDecay(0.1))
                .step(theta, new double[] {0.5, -1.0, 0.0}, 0.1);
        assertArrayEquals(new double[] {0.94, -1.88, 2.97}, theta, TOL);
    }

    @Test
    void clippingHappensBeforeTheWeightDecayIsAdded() {
        // clipNorm = 1, lambda = 0.5, eta = 1, theta = [2, 0], g = [3, 4]
        // clip first: ||g|| = 5 -> g = [0.6, 0.8]; then g += 0.5*theta = [0.6 + 1, 0.8] = [1.6, 0.8]
        // theta = [2 - 1.6, 0 - 0.8] = [0.4, -0.8]
        // (decay first would give g = [4, 4] -> clipped [0.7071, 0.7071] -> theta = [1.2929, -0.7071])
        OptimizerOptions options = OptimizerOptions.DEFAULTS.withClipNorm(1.0).withWeightDecay(0.5);
        double[] theta = {2.0, 0.0};
        double[] g = {3.0, 4.0};
        Optimizers.sgd(0.0, false, options).step(theta, g, 1.0);
        assertArrayEquals(new double[] {0.4, -0.8}, theta, TOL);
        assertArrayEquals(new double[] {1.6, 0.8}, g, TOL);
    }

    @Test
    void clipNormInsideAnOptimiserScalesTheUpdate() {
        // Sgd eta = 0.1, clipNorm = 1: g = [3, 4] -> [0.6, 0.8]; theta = [0 - 0.06, 0 - 0.08]
        double[] theta = {0.0, 0.0};
        Optimizers.sgd(0.0, false, OptimizerOptions.DEFAULTS.withClipNorm(1.0))
                .step(theta, new double[] {3.0, 4.0}, 0.1);
        assertArrayEquals(new double[] {-0.06, -0.08}, theta, TOL);
    }

    @Test
    void maskIsCopiedOnTheWayInAndOut() {
        boolean[] mask = {true, false};
        OptimizerOptions options = OptimizerOptions.DEFAULTS.withWeightDecay(1.0).withDecayMask(mask);
        mask[1] = true; // changing the caller's array must not change the options
        assertArrayEquals(new boolean[] {true, false}, options.decayMask());
        options.decayMask()[1] = true; // nor the returned copy
        assertArrayEquals(new boolean[] {true, false}, options.decayMask());

        // and the optimiser still skips entry 1: theta = [1 - 1*(0 + 1*1), 1 - 1*0] = [0, 1]
        double[] theta = {1.0, 1.0};
        Optimizers.sgd(0.0, false, options).step(theta, new double[] {0.0, 0.0}, 1.0);
        assertArrayEquals(new double[] {0.0, 1.0}, theta, 0.0);

        // a mask handed straight to a specification's start is copied too
        boolean[] raw = {true, false};
        Optimizer started = new Sgd(0.01, 0.0, false, 1.0, 0.0).start(raw);
        raw[1] = true;
        double[] direct = {1.0, 1.0};
        started.step(direct, new double[] {0.0, 0.0}, 1.0);
        assertArrayEquals(new double[] {0.0, 1.0}, direct, 0.0);
    }

    @Test
    void optionsCompareByValueIncludingTheMask() {
        OptimizerOptions a = OptimizerOptions.DEFAULTS.withWeightDecay(0.1).withDecayMask(new boolean[] {true, false});
        OptimizerOptions b = OptimizerOptions.DEFAULTS.withWeightDecay(0.1).withDecayMask(new boolean[] {true, false});
        OptimizerOptions c = OptimizerOptions.DEFAULTS.withWeightDecay(0.1).withDecayMask(new boolean[] {true, true});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, c);
        assertNull(OptimizerOptions.defaults().decayMask());
        assertEquals("OptimizerOptions[weightDecay=0.1, clipNorm=0.0, decayMask=1/2]", a.toString());
    }

    @Test
    void maskOfTheWrongLengthIsRejectedWhenTheStateIsAllocated() {
        Optimizer sgd = Optimizers.sgd(0.0, false, OptimizerOptions.DEFAULTS.withWeightDecay(0.1)
                .withDecayMask(new boolean[] {true, false}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sgd.step(new double[3], new double[3], 0.1));
        assertTrue(e.getMessage().contains("decayMask has length 2 but the parameter vector has 3 entries"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sgd.init(3));
    }
}
