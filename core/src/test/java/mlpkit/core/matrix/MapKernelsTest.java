package mlpkit.core.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

/** mlpkit's own e^x and the activation maps: accurate, and the same bits in scalar and SIMD code. */
class MapKernelsTest {
    @Test
    void theExponentialIsWithinOneUlpOfMathExpOverItsWholeRange() {
        MersenneTwister rng = new MersenneTwister(1);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            double x = -rng.nextDouble() * 708.39;
            double expected = Math.exp(x);
            worst = Math.max(worst, Math.abs(ScalarMaps.expOfNonPositive(x) - expected) / Math.ulp(expected));
        }
        assertTrue(worst <= 1.0, "worst error " + worst + " ulp");
        assertEquals(1.0, ScalarMaps.expOfNonPositive(0.0), 0.0);
        assertEquals(Math.exp(-1), ScalarMaps.expOfNonPositive(-1), Math.ulp(Math.exp(-1)));
        assertEquals(0.0, ScalarMaps.expOfNonPositive(-710), 0.0);
        assertEquals(0.0, ScalarMaps.expOfNonPositive(Double.NEGATIVE_INFINITY), 0.0);
        assertTrue(Double.isNaN(ScalarMaps.expOfNonPositive(Double.NaN)));
    }

    @Test
    void sigmoidIsHalfAtZeroSymmetricAndFiniteForHugeArguments() {
        assertEquals(0.5, Kernels.sigmoid(0.0), 0.0);
        assertEquals(1 / (1 + Math.exp(-2.0)), Kernels.sigmoid(2.0), 1e-16);
        assertEquals(1.0, Kernels.sigmoid(800), 0.0);
        assertEquals(0.0, Kernels.sigmoid(-800), 0.0);
        assertEquals(Math.exp(-30) / (1 + Math.exp(-30)), Kernels.sigmoid(-30), 1e-29);
        for (double z : new double[] {0.1, 1, 7.5, 36, 300}) {
            assertEquals(1.0, Kernels.sigmoid(z) + Kernels.sigmoid(-z), 1e-16, "σ(z) + σ(−z) at " + z);
        }
    }

    @Test
    void scalarAndVectorMapsGiveTheSameBitsIncludingTailsAndSpecialValues() {
        MersenneTwister rng = new MersenneTwister(9);
        int n = 1003;                       // not a multiple of the vector length: the tail runs too
        double[] z = new double[n + 3];
        for (int i = 0; i < z.length; i++) {
            z[i] = rng.nextGaussian() * 20;
        }
        double[] specials = {0.0, -0.0, 1e-300, -1e-300, 708.5, -708.5, 745.2, -745.2, 1e308, -1e308,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Double.MIN_VALUE};
        System.arraycopy(specials, 0, z, 3, specials.length);
        double[] g = new double[n + 3];
        for (int i = 0; i < g.length; i++) {
            g[i] = rng.nextGaussian();
        }
        MapKernel scalar = ScalarMaps.INSTANCE, vector = VectorMaps.INSTANCE;
        double[] s = new double[n + 5], v = new double[n + 5];
        scalar.sigmoid(z, 3, s, 2, n);
        vector.sigmoid(z, 3, v, 2, n);
        assertSameBits(s, v, "sigmoid");
        scalar.sigmoidBackward(s, 2, g, 3, s, 2, n);
        vector.sigmoidBackward(v, 2, g, 3, v, 2, n);
        assertSameBits(s, v, "sigmoid backward");
        for (double alpha : new double[] {0.0, 0.01}) {
            scalar.leakyRelu(z, 3, alpha, s, 2, n);
            vector.leakyRelu(z, 3, alpha, v, 2, n);
            assertSameBits(s, v, "leaky relu α=" + alpha);
            scalar.leakyReluBackward(z, 3, alpha, g, 1, s, 2, n);
            vector.leakyReluBackward(z, 3, alpha, g, 1, v, 2, n);
            assertSameBits(s, v, "leaky relu backward α=" + alpha);
        }
    }

    @Test
    void scalarAndVectorBiasBroadcastAndColumnSumsGiveTheSameBits() {
        MersenneTwister rng = new MersenneTwister(4);
        for (int cols : new int[] {1, 3, 8, 10, 17, 128}) {
            int rows = 37;
            double[] m = new double[2 + rows * cols];
            double[] v = new double[1 + cols];
            for (int i = 0; i < m.length; i++) {
                m[i] = rng.nextGaussian() * 1e3;
            }
            for (int i = 0; i < v.length; i++) {
                v[i] = rng.nextGaussian();
            }
            double[] s = m.clone(), w = m.clone();
            ScalarMaps.INSTANCE.addRowVector(s, 2, rows, cols, v, 1);
            VectorMaps.INSTANCE.addRowVector(w, 2, rows, cols, v, 1);
            assertSameBits(s, w, "bias broadcast, " + cols + " columns");
            int lastOfRow1 = 2 + cols + cols - 1;
            assertEquals(m[lastOfRow1] + v[cols], s[lastOfRow1], 0.0, "row 1, last column");
            double[] sumS = v.clone(), sumW = v.clone();
            ScalarMaps.INSTANCE.addColumnSums(m, 2, rows, cols, sumS, 1);
            VectorMaps.INSTANCE.addColumnSums(m, 2, rows, cols, sumW, 1);
            assertSameBits(sumS, sumW, "column sums, " + cols + " columns");
            double column0 = v[1];
            for (int i = 0; i < rows; i++) {
                column0 += m[2 + i * cols];
            }
            assertEquals(column0, sumS[1], 0.0, "column 0 summed row by row");
        }
    }

    /** Every value bit for bit; a NaN only has to be a NaN (x86 SIMD and scalar code pick different NaN payloads). */
    private static void assertSameBits(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i]) && Double.isNaN(actual[i])) {
                continue;
            }
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                    what + " at " + i + ": " + expected[i] + " vs " + actual[i]);
        }
    }
}
