package mlpkit.core.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

/** mlpkit's own e^x is accurate; the bias broadcast and column sums give the same bits in scalar and SIMD code. */
class MapKernelsTest {
    @Test
    void theExponentialIsWithinOneUlpOfMathExpOverItsWholeRange() {
        MersenneTwister rng = new MersenneTwister(1);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            double x = -rng.nextDouble() * 708.39;
            double expected = Math.exp(x);
            worst = Math.max(worst, Math.abs(Exp.ofNonPositive(x) - expected) / Math.ulp(expected));
        }
        assertTrue(worst <= 1.0, "worst error " + worst + " ulp");
        assertEquals(1.0, Exp.ofNonPositive(0.0), 0.0);
        assertEquals(Math.exp(-1), Exp.ofNonPositive(-1), Math.ulp(Math.exp(-1)));
        assertEquals(0.0, Exp.ofNonPositive(-710), 0.0);
        assertEquals(0.0, Exp.ofNonPositive(Double.NEGATIVE_INFINITY), 0.0);
        assertTrue(Double.isNaN(Exp.ofNonPositive(Double.NaN)));
    }

    @Test
    void scalarAndVectorBiasBroadcastAndColumnSumsGiveTheSameBits() {
        MersenneTwister rng = new MersenneTwister(4);
        for (int cols : new int[] {1, 3, 5, 7, 8, 10, 17, 24, 31, 128}) {
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
