package mlpkit.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AdamWTest {

    private static final double TOL = 1e-12;

    @Test
    void adamWFirstStepShrinksTheWeightsThenTakesTheAdamStep() {
        // lambda = 0.1, eta = 0.1, theta = [1, -2], g = [0.5, -1]
        // decay: theta *= 1 - 0.1*0.1 = 0.99      -> [0.99, -1.98]
        // Adam (t = 1) on the raw gradient: mHat = g, vHat = g^2, delta = [0.099999998, -0.099999999]
        // theta = [0.99 - 0.099999998, -1.98 + 0.099999999] = [0.890000002, -1.880000001]
        // m and v see the raw gradient only: m = [0.05, -0.1], v = [0.00025, 0.001]
        Optimizer adamW = Optimizers.adamW(0.1);
        double[] theta = {1.0, -2.0};
        adamW.step(theta, new double[] {0.5, -1.0}, 0.1);
        assertArrayEquals(new double[] {0.890000002, -1.880000001}, theta, TOL);
        assertArrayEquals(new double[] {0.05, -0.1}, adamW.exportState().array("m"), TOL);
        assertArrayEquals(new double[] {0.00025, 0.001}, adamW.exportState().array("v"), TOL);
    }

    @Test
    void adamWDecoupledDecayDiffersFromAdamWithL2AsExpected() {
        // Same lambda = 0.1, eta = 0.1, theta = [1, -2], g = [0.5, -1].
        // Adam + L2: the decay enters the gradient and is normalised away on the first step:
        //   theta = [0.900000001666667, -1.900000000833333] (see AdamTest), i.e. it moves by ~eta
        //   exactly like plain Adam [0.900000002, -1.900000001], up to the eps term.
        // AdamW: theta = [0.890000002, -1.880000001]; the extra shrink is exactly
        //   eta*lambda*theta = [0.01, -0.02] beyond plain Adam.
        double[] g = {0.5, -1.0};
        double[] l2 = {1.0, -2.0};
        double[] plain = {1.0, -2.0};
        double[] decoupled = {1.0, -2.0};
        Optimizers.adam(0.9, 0.999, 1e-8, OptimizerOptions.DEFAULTS.withWeightDecay(0.1)).step(l2, g.clone(), 0.1);
        Optimizers.adam().step(plain, g.clone(), 0.1);
        Optimizers.adamW(0.1).step(decoupled, g.clone(), 0.1);

        assertArrayEquals(new double[] {0.900000001666667, -1.900000000833333}, l2, TOL);
        assertArrayEquals(new double[] {0.890000002, -1.880000001}, decoupled, TOL);
        assertEquals(0.01, plain[0] - decoupled[0], TOL);
        assertEquals(-0.02, plain[1] - decoupled[1], TOL);
        assertEquals(0.0, plain[0] - l2[0], 1e-8); // L2 barely changes the first Adam step
    }

    @Test
    void adamWDecayMaskSkipsTheMaskedEntry() {
        // mask = [true, false]: entry 1 (a bias, say) is not decayed
        // theta = [1 * 0.99 - 0.099999998, -2 + 0.099999999] = [0.890000002, -1.900000001]
        Optimizer adamW = Optimizers.adamW(0.9, 0.999, 1e-8,
                OptimizerOptions.DEFAULTS.withWeightDecay(0.1).withDecayMask(new boolean[] {true, false}));
        double[] theta = {1.0, -2.0};
        adamW.step(theta, new double[] {0.5, -1.0}, 0.1);
        assertArrayEquals(new double[] {0.890000002, -1.900000001}, theta, TOL);
    }

    @Test
    void adamWWithoutDecayIsBitIdenticalToAdam() {
        double[] a = {0.3, -0.7, 1.1};
        double[] b = a.clone();
        Optimizer adam = Optimizers.adam();
        Optimizer adamW = Optimizers.adamW(0.0);
        double[][] grads = {{0.1, -0.2, 0.3}, {-0.4, 0.5, 0.6}, {0.7, 0.8, -0.9}};
        for (double[] g : grads) {
            adam.step(a, g.clone(), 0.05);
            adamW.step(b, g.clone(), 0.05);
        }
        assertArrayEquals(a, b, 0.0);
    }

    @Test
    void adamWDefaultWeightDecayIsOneHundredth() {
        assertEquals(0.01, AdamW.CONCEPT.create().weightDecay(), 0.0);
        assertEquals(0.01, Optimizers.adamW().spec().weightDecay(), 0.0);
        // theta = 1, eta = 0.5: decay factor 1 - 0.5*0.01 = 0.995, zero gradient leaves only the decay
        double[] theta = {1.0};
        AdamW.CONCEPT.create().start().step(theta, new double[] {0.0}, 0.5);
        assertEquals(0.995, theta[0], TOL);
    }
}
