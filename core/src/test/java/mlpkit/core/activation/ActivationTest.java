package mlpkit.core.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.Kernels;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;
import mlpkit.core.concept.Concept;
import mlpkit.core.concept.Registry;

class ActivationTest {
    private static final double[] EXTREMES = {-1000, -745, -40, -1e-300, 0, 1e-300, 40, 710, 1000};

    private static DenseMatrix row(double... values) {
        return DenseMatrix.of(new double[][]{values});
    }

    @Test
    void valuesAndDerivativesAreFiniteForPreActivationsUpToAThousandInMagnitude() {
        for (Concept<Activation> concept : Registry.builtIns().of(Activation.KIND).all()) {
            Activation f = concept.create();
            String name = concept.name();
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
        new Sigmoid().forward(row(-1000, -1, 0, 1, 1000), a);
        assertArrayEquals(new double[]{0.0, 0.2689414213699951, 0.5, 0.7310585786300049, 1.0}, a.getRow(0), 1e-16);
    }

    @Test
    void softmaxRowsAreProbabilitiesEvenForHugeLogits() {
        DenseMatrix z = DenseMatrix.of(new double[][]{{1000, 999, -1000}, {1, 2, 3}});
        DenseMatrix a = new DenseMatrix(2, 3);
        new Softmax().forward(z, a);
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
        new Softmax().forward(z, a);
        double[] g = {0.3, -1.2, 0.7};
        DenseMatrix dz = new DenseMatrix(1, 3);
        new Softmax().backward(z, a, row(g), dz);
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
        new LeakyRelu(0.1).forward(row(-2, 0, 3), a);
        assertArrayEquals(new double[]{-0.2, 0.0, 3.0}, a.getRow(0), 1e-16);
        assertEquals(new LeakyRelu(0.01), Registry.builtIns().parse(Activation.KIND, "leakyRelu"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LeakyRelu(1.5));
        assertEquals("leakyRelu: alpha must be a number in [0, 1), got 1.5; use a small slope such as 0.01", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Registry.builtIns().parse(Activation.KIND, "tanh(2.0)"));
    }

    @Test
    void everyElementWiseActivationsBatchMapsGiveTheBitsOfItsScalarMathsWithAndWithoutTheVectorFastPath()
            throws InterruptedException {
        assertTrue(Kernels.awaitWarmKernels(60_000), "the SIMD kernels warm up");
        MersenneTwister rng = new MersenneTwister(9);
        int n = 1003;                       // not a multiple of the vector length: the scalar tail runs too
        double[] zs = new double[n];
        for (int i = 0; i < n; i++) {
            zs[i] = rng.nextGaussian() * 20;
        }
        double[] specials = {0.0, -0.0, 1e-300, -1e-300, 708.5, -708.5, 745.2, -745.2, 1e308, -1e308,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Double.MIN_VALUE};
        System.arraycopy(specials, 0, zs, 3, specials.length);
        DenseMatrix z = DenseMatrix.of(new double[][]{zs});
        DenseMatrix g = new DenseMatrix(1, n);
        for (int i = 0; i < n; i++) {
            g.data()[i] = rng.nextGaussian();
        }
        int checked = 0;
        for (Concept<Activation> concept : Registry.builtIns().of(Activation.KIND).all()) {
            if (!(concept.create() instanceof ElementWise f)) {
                continue;
            }
            DenseMatrix a = new DenseMatrix(1, n);
            DenseMatrix dz = new DenseMatrix(1, n);
            f.forward(z, a);
            f.backward(z, a, g, dz);
            for (int i = 0; i < n; i++) {
                assertSameBits(f.value(zs[i]), a.data()[i], concept.name() + "(" + zs[i] + ")");
                assertSameBits(f.chain(g.data()[i], zs[i], a.data()[i]), dz.data()[i], concept.name() + "'(" + zs[i] + ")");
            }
            checked++;
        }
        assertTrue(checked >= 5, "element-wise activations checked: " + checked);
    }

    /** The same bits; a NaN only has to be a NaN (x86 SIMD and scalar code pick different NaN payloads). */
    private static void assertSameBits(double expected, double actual, String what) {
        if (Double.isNaN(expected) && Double.isNaN(actual)) {
            return;
        }
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), what + ": " + expected + " vs " + actual);
    }
}
