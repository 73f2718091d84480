package mlpkit.core.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mlpkit.core.matrix.DenseMatrix;
import org.junit.jupiter.api.Test;

class ActivationTest {
    private static final double[] EXTREMES = {-1000, -745, -40, -1e-300, 0, 1e-300, 40, 710, 1000};

    private static DenseMatrix row(double... values) {
        return DenseMatrix.of(new double[][]{values});
    }

    @Test
    void valuesAndDerivativesAreFiniteForPreActivationsUpToAThousandInMagnitude() {
        for (String name : Activations.NAMES) {
            Activation f = Activations.byName(name);
            DenseMatrix z = row(EXTREMES);
            DenseMatrix a = new DenseMatrix(1, EXTREMES.length);
            DenseMatrix dz = new DenseMatrix(1, EXTREMES.length);
            f.forward(z, a);
            f.backward(z, a, row(1, 1, 1, 1, 1, 1, 1, 1, 1), dz);
            for (int j = 0; j < EXTREMES.length; j++) {
                assertTrue(Double.isFinite(a.getEntry(0, j)), name + "(" + EXTREMES[j] + ")");
                assertTrue(Double.isFinite(dz.getEntry(0, j)), name + "'(" + EXTREMES[j] + ")");
            }
        }
    }

    @Test
    void sigmoidSaturatesToExactlyZeroAndOneWithoutOverflow() {
        DenseMatrix a = new DenseMatrix(1, 5);
        Activations.SIGMOID.forward(row(-1000, -1, 0, 1, 1000), a);
        assertArrayEquals(new double[]{0.0, 0.2689414213699951, 0.5, 0.7310585786300049, 1.0}, a.getRow(0), 1e-16);
    }

    @Test
    void softmaxRowsAreProbabilitiesEvenForHugeLogits() {
        DenseMatrix z = DenseMatrix.of(new double[][]{{1000, 999, -1000}, {1, 2, 3}});
        DenseMatrix a = new DenseMatrix(2, 3);
        Activations.SOFTMAX.forward(z, a);
        // e^0 / (e^0 + e^−1) = 0.7310585786300049 for the first row; [e^1, e^2, e^3]/Σ for the second.
        assertArrayEquals(new double[]{0.7310585786300049, 0.2689414213699951, 0.0}, a.getRow(0), 1e-15);
        assertArrayEquals(new double[]{0.09003057317038046, 0.24472847105479767, 0.6652409557748219}, a.getRow(1), 1e-15);
        for (int i = 0; i < 2; i++) {
            assertEquals(1.0, a.getRow(i)[0] + a.getRow(i)[1] + a.getRow(i)[2], 1e-15);
        }
    }

    @Test
    void softmaxBackwardIsTheJacobianTimesTheUpstreamGradient() {
        DenseMatrix z = row(0.5, -1.0, 2.0);
        DenseMatrix a = new DenseMatrix(1, 3);
        Activations.SOFTMAX.forward(z, a);
        double[] g = {0.3, -1.2, 0.7};
        DenseMatrix dz = new DenseMatrix(1, 3);
        Activations.SOFTMAX.backward(z, a, row(g), dz);
        double[] p = a.getRow(0);
        for (int k = 0; k < 3; k++) {
            double expected = 0;
            for (int j = 0; j < 3; j++) {
                expected += p[j] * ((j == k ? 1 : 0) - p[k]) * g[j];   // Σ_j ∂a_j/∂z_k · g_j
            }
            assertEquals(expected, dz.getEntry(0, k), 1e-16);
        }
    }

    @Test
    void leakyReluScalesNegativeInputsByItsSlopeAndRejectsABadSlope() {
        DenseMatrix a = new DenseMatrix(1, 3);
        Activations.leakyRelu(0.1).forward(row(-2, 0, 3), a);
        assertArrayEquals(new double[]{-0.2, 0.0, 3.0}, a.getRow(0), 1e-16);
        assertEquals(Activations.leakyRelu(0.01), Activations.byName("leakyRelu"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activations.leakyRelu(1.5));
        assertEquals("leakyRelu: the slope α must be in [0, 1), got 1.5: use a small slope such as leakyRelu(0.01)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Activations.byName("tanh", 2.0));
    }
}
