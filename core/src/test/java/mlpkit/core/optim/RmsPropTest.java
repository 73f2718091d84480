package mlpkit.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RmsPropTest {

    private static final double TOL = 1e-12;

    @Test
    void rmsPropFirstStepDividesByTheRootOfTheMeanSquarePlusEps() {
        // rho = 0.9, eps = 1e-7, eta = 0.01, theta = [1, -2], g = [0.5, -1]
        // s = 0.1*g^2 = [0.025, 0.1]
        // delta_0 = 0.01*0.5 / sqrt(0.025 + 1e-7) = 0.005 / 0.15811419... = 0.031622713356320
        // delta_1 = 0.01*1   / sqrt(0.1 + 1e-7)   = 0.01  / 0.31622792... = 0.031622760790307
        // theta = [1 - 0.031622713356320, -2 + 0.031622760790307]
        //       = [0.968377286643680, -1.968377239209693]
        Optimizer rms = Optimizers.rmsProp();
        double[] theta = {1.0, -2.0};
        rms.step(theta, new double[] {0.5, -1.0}, 0.01);
        assertArrayEquals(new double[] {0.025, 0.1}, rms.exportState().array("meanSquare"), TOL);
        assertArrayEquals(new double[] {0.968377286643680, -1.968377239209693}, theta, TOL);
    }

    @Test
    void rmsPropSecondStepCarriesTheMeanSquare() {
        // after step 1 (above): s = [0.025, 0.1], theta = [0.968377286643680, -1.968377239209693]
        // step 2, g = [0.2, 0.4]: s = 0.9*s + 0.1*g^2 = [0.0225 + 0.004, 0.09 + 0.016] = [0.0265, 0.106]
        // delta_0 = 0.01*0.2 / sqrt(0.0265001) = 0.002 / 0.16278857... = 0.012285879155797
        // delta_1 = 0.01*0.4 / sqrt(0.1060001) = 0.004 / 0.32557656... = 0.012285896541446
        // theta = [0.968377286643680 - 0.012285879155797, -1.968377239209693 - 0.012285896541446]
        //       = [0.956091407487883, -1.980663135751139]
        Optimizer rms = Optimizers.rmsProp();
        double[] theta = {1.0, -2.0};
        rms.step(theta, new double[] {0.5, -1.0}, 0.01);
        rms.step(theta, new double[] {0.2, 0.4}, 0.01);
        assertArrayEquals(new double[] {0.0265, 0.106}, rms.exportState().array("meanSquare"), TOL);
        assertArrayEquals(new double[] {0.956091407487883, -1.980663135751139}, theta, TOL);
    }

    @Test
    void rmsPropReproducesTheExampleInTheKerasDocumentation() {
        // Keras RMSprop(learning_rate=0.1) on loss = theta^2/2 from theta = 10 gives 9.683772:
        // g = 10, s = 0.1*100 = 10, theta = 10 - 0.1*10/sqrt(10 + 1e-7) = 9.683772235564...
        Optimizer rms = Optimizers.rmsProp();
        double[] theta = {10.0};
        rms.step(theta, new double[] {theta[0]}, 0.1);
        assertEquals(9.683772235564, theta[0], 1e-11);
    }

    @Test
    void rmsPropEpsilonSitsInsideTheSquareRoot() {
        // A zero gradient from zero state: s = 0 and theta moves by 0 / sqrt(0 + eps) = 0, no NaN.
        // With eps = 1 and g = 1, rho = 0.5: s = 0.5, delta = 1 / sqrt(1.5) = 0.816496580927726
        Optimizer rms = Optimizers.rmsProp(0.5, 1.0);
        double[] theta = {0.0, 0.0};
        rms.step(theta, new double[] {1.0, 0.0}, 1.0);
        assertArrayEquals(new double[] {-0.816496580927726, 0.0}, theta, TOL);
    }
}
