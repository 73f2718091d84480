package mlpkit.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AdamTest {

    private static final double TOL = 1e-12;

    @Test
    void adamFirstStepMovesEachParameterByTheLearningRate() {
        // beta1 = 0.9, beta2 = 0.999, eps = 1e-8, eta = 0.1, theta = [1, -2], g = [0.5, -1], t = 1
        // m = 0.1*g = [0.05, -0.1];          v = 0.001*g^2 = [0.00025, 0.001]
        // mHat = m/(1-0.9) = [0.5, -1];      vHat = v/(1-0.999) = [0.25, 1]
        // delta = 0.1*mHat/(sqrt(vHat) + 1e-8) = [0.1*0.5/0.50000001, -0.1*1/1.00000001]
        //       = [0.099999998, -0.0999999990]
        // theta = [0.900000002, -1.900000001]
        Optimizer adam = Optimizers.adam();
        double[] theta = {1.0, -2.0};
        adam.step(theta, new double[] {0.5, -1.0}, 0.1);
        assertArrayEquals(new double[] {0.900000002, -1.900000001}, theta, TOL);
        assertArrayEquals(new double[] {0.05, -0.1}, adam.exportState().array("m"), TOL);
        assertArrayEquals(new double[] {0.00025, 0.001}, adam.exportState().array("v"), TOL);
        assertEquals(1, adam.stepCount());
    }

    @Test
    void adamSecondStepUsesTheCarriedMomentsAndBiasCorrectionForTEqualsTwo() {
        // after step 1: m = [0.05, -0.1], v = [0.00025, 0.001], theta = [0.900000002, -1.900000001]
        // step 2, g = [0.2, 0.4]:
        //   m = 0.9*m + 0.1*g     = [0.045 + 0.02, -0.09 + 0.04]              = [0.065, -0.05]
        //   v = 0.999*v + 0.001*g^2 = [0.00024975 + 0.00004, 0.000999 + 0.00016] = [0.00028975, 0.001159]
        //   1 - 0.9^2 = 0.19,  1 - 0.999^2 = 0.001999
        //   mHat = [0.065/0.19, -0.05/0.19]             = [0.342105263157895, -0.263157894736842]
        //   vHat = [0.00028975/0.001999, 0.001159/0.001999] = [0.144947473736868, 0.579789894947474]
        //   sqrt(vHat) = [0.380719678683504, 0.761439357367008]
        //   delta = 0.1*mHat/(sqrt(vHat) + 1e-8) = [0.089857518097072, -0.034560584337374]
        //   theta = [0.900000002 - 0.089857518097072, -1.900000001 + 0.034560584337374]
        //         = [0.810142483902928, -1.865439416662626]
        Optimizer adam = Optimizers.adam();
        double[] theta = {1.0, -2.0};
        adam.step(theta, new double[] {0.5, -1.0}, 0.1);
        adam.step(theta, new double[] {0.2, 0.4}, 0.1);
        assertArrayEquals(new double[] {0.065, -0.05}, adam.exportState().array("m"), TOL);
        assertArrayEquals(new double[] {0.00028975, 0.001159}, adam.exportState().array("v"), TOL);
        assertArrayEquals(new double[] {0.810142483902928, -1.865439416662626}, theta, TOL);
        assertEquals(2, adam.stepCount());
    }

    @Test
    void adamWithL2AddsLambdaThetaToTheGradientBeforeTheMoments() {
        // lambda = 0.1, theta = [1, -2], g = [0.5, -1] -> g' = g + 0.1*theta = [0.6, -1.2]
        // m = 0.1*g' = [0.06, -0.12]; first step moves by 0.1*|g'|/(|g'| + 1e-8):
        // theta = [1 - 0.06/0.60000001, -2 + 0.12/1.20000001] = [0.900000001666667, -1.900000000833333]
        Optimizer adam = Optimizers.adam(0.9, 0.999, 1e-8, OptimizerOptions.DEFAULTS.withWeightDecay(0.1));
        double[] theta = {1.0, -2.0};
        adam.step(theta, new double[] {0.5, -1.0}, 0.1);
        assertArrayEquals(new double[] {0.06, -0.12}, adam.exportState().array("m"), TOL);
        assertArrayEquals(new double[] {0.900000001666667, -1.900000000833333}, theta, TOL);
    }
}
