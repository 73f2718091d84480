package mlpkit.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SgdTest {

    private static final double TOL = 1e-12;

    @Test
    void plainSgdStepSubtractsLearningRateTimesGradient() {
        // theta = [1, -2], g = [0.5, -1], eta = 0.1
        // theta <- theta - eta*g = [1 - 0.05, -2 + 0.1] = [0.95, -1.9]
        double[] theta = {1.0, -2.0};
        Optimizers.sgd().step(theta, new double[] {0.5, -1.0}, 0.1);
        assertArrayEquals(new double[] {0.95, -1.9}, theta, TOL);
    }

    @Test
    void plainSgdHasNoStateArraysButCountsSteps() {
        Optimizer sgd = Optimizers.sgd();
        double[] theta = {1.0, -2.0};
        sgd.step(theta, new double[] {0.5, -1.0}, 0.1);
        sgd.step(theta, new double[] {0.5, -1.0}, 0.1);
        OptimizerState state = sgd.exportState();
        assertEquals(0, state.names().size());
        assertEquals(2, state.step());
        assertEquals(2, sgd.stepCount());
    }

    @Test
    void momentumFirstStepEqualsPlainSgdAndSecondStepCarriesTheVelocity() {
        // mu = 0.9, eta = 0.1, theta = [1, -2]
        // step 1, g = [0.5, -1]:  v = 0.9*0 - 0.1*g = [-0.05, 0.1];  theta = [0.95, -1.9]
        // step 2, g = [0.2, 0.4]: v = 0.9*[-0.05, 0.1] - 0.1*[0.2, 0.4]
        //                           = [-0.045 - 0.02, 0.09 - 0.04] = [-0.065, 0.05]
        //                         theta = [0.95 - 0.065, -1.9 + 0.05] = [0.885, -1.85]
        Optimizer sgd = Optimizers.sgd(0.9, false);
        double[] theta = {1.0, -2.0};
        sgd.step(theta, new double[] {0.5, -1.0}, 0.1);
        assertArrayEquals(new double[] {0.95, -1.9}, theta, TOL);
        assertArrayEquals(new double[] {-0.05, 0.1}, sgd.exportState().array("velocity"), TOL);
        sgd.step(theta, new double[] {0.2, 0.4}, 0.1);
        assertArrayEquals(new double[] {0.885, -1.85}, theta, TOL);
        assertArrayEquals(new double[] {-0.065, 0.05}, sgd.exportState().array("velocity"), TOL);
    }

    @Test
    void nesterovStepsUseTheLookAheadFormula() {
        // mu = 0.9, eta = 0.1, theta = [1, -2]; theta += mu*v - eta*g with v already updated
        // step 1, g = [0.5, -1]:  v = [-0.05, 0.1]
        //                         theta += [0.9*-0.05 - 0.05, 0.9*0.1 + 0.1] = [-0.095, 0.19]
        //                         theta = [0.905, -1.81]
        // step 2, g = [0.2, 0.4]: v = [-0.065, 0.05]
        //                         theta += [0.9*-0.065 - 0.02, 0.9*0.05 - 0.04] = [-0.0785, 0.005]
        //                         theta = [0.8265, -1.805]
        Optimizer sgd = Optimizers.sgd(0.9, true);
        double[] theta = {1.0, -2.0};
        sgd.step(theta, new double[] {0.5, -1.0}, 0.1);
        assertArrayEquals(new double[] {0.905, -1.81}, theta, TOL);
        sgd.step(theta, new double[] {0.2, 0.4}, 0.1);
        assertArrayEquals(new double[] {0.8265, -1.805}, theta, TOL);
        assertArrayEquals(new double[] {-0.065, 0.05}, sgd.exportState().array("velocity"), TOL);
    }

    @Test
    void nesterovFirstStepIsOnePlusMuTimesTheClassicalStepAndShareTheVelocity() {
        // From zero velocity: classical moves by v = -eta*g, Nesterov by mu*v - eta*g = -(1 + mu)*eta*g.
        double[] g = {0.5, -1.0};
        double[] classical = {1.0, -2.0};
        double[] nesterov = {1.0, -2.0};
        Optimizer plainMomentum = Optimizers.sgd(0.9, false);
        Optimizer look = Optimizers.sgd(0.9, true);
        plainMomentum.step(classical, g.clone(), 0.1);
        look.step(nesterov, g.clone(), 0.1);
        for (int i = 0; i < 2; i++) {
            double classicalMove = classical[i] - (i == 0 ? 1.0 : -2.0);
            double nesterovMove = nesterov[i] - (i == 0 ? 1.0 : -2.0);
            assertEquals(1.9 * classicalMove, nesterovMove, TOL);
        }
        // The velocity itself is the same in both forms.
        assertArrayEquals(plainMomentum.exportState().array("velocity"), look.exportState().array("velocity"), 0.0);
    }

    @Test
    void zeroGradientKeepsCoastingOnTheVelocity() {
        // step 1, g = [1]:  v = -0.1, theta = 1 - 0.1 = 0.9
        // step 2, g = [0]:  v = 0.9*-0.1 = -0.09, theta = 0.9 - 0.09 = 0.81
        Optimizer sgd = Optimizers.sgd(0.9, false);
        double[] theta = {1.0};
        sgd.step(theta, new double[] {1.0}, 0.1);
        sgd.step(theta, new double[] {0.0}, 0.1);
        assertEquals(0.81, theta[0], TOL);
    }
}
