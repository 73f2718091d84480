package mlpkit.core.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

/**
 * mlpkit's own e^x and log1p are accurate; the bias broadcast, column sums and the logistic loss give the same bits in
 * scalar and SIMD code.
 */
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
    void log1pIsWithinOneUlpOfStrictMathOverTheUnitIntervalAndExactAtItsEnds() {
        MersenneTwister rng = new MersenneTwister(2);
        long equal = 0, total = 400_000;
        for (int i = 0; i < total; i++) {
            // Uniform on [0, 1), and log-uniform down to 2^−60, where log1p(x) ≈ x − x²/2.
            double x = i % 2 == 0 ? rng.nextDouble() : Math.scalb(1.0 + rng.nextDouble(), -1 - rng.nextInt(60));
            double expected = StrictMath.log1p(x), actual = Log1p.ofUnitInterval(x);
            long ulps = Math.abs(Double.doubleToLongBits(actual) - Double.doubleToLongBits(expected));
            assertTrue(ulps <= 1, "log1p(" + x + ") = " + actual + ", StrictMath " + expected);
            equal += ulps == 0 ? 1 : 0;
        }
        assertTrue(equal > 0.9 * total, equal + " of " + total + " equal to StrictMath's bits");
        // The ends of the two branches (k = 0 below ½, k = 1 from ½) and of the range.
        for (double x : new double[] {0.5, Math.nextDown(0.5), 1.0, Math.nextDown(1.0), 0.25, 0.75}) {
            assertEquals(StrictMath.log1p(x), Log1p.ofUnitInterval(x), Math.ulp(StrictMath.log1p(x)), "log1p(" + x + ")");
        }
        assertEquals(Math.log(2), Log1p.ofUnitInterval(1.0), 0.0);
        assertEquals(0.0, Log1p.ofUnitInterval(0.0), 0.0);
        assertEquals(Double.MIN_VALUE, Log1p.ofUnitInterval(Double.MIN_VALUE), 0.0);
        assertEquals(1e-300, Log1p.ofUnitInterval(1e-300), 0.0);
        assertTrue(Double.isNaN(Log1p.ofUnitInterval(Double.NaN)));
    }

    @Test
    void theLogisticLossSumsTheSameBitsInScalarAndVectorCode() {
        MersenneTwister rng = new MersenneTwister(6);
        int n = 8 * 37;
        double[] z = new double[3 + n], y = new double[1 + n];
        for (int i = 0; i < n; i++) {
            z[3 + i] = rng.nextGaussian() * Math.scalb(1.0, rng.nextInt(12) - 2);   // |z| from ¼ to 500 and more
            y[1 + i] = rng.nextInt(3) / 2.0;                                          // 0, ½ or 1: soft labels too
        }
        // The edges: zeros of both signs, an exponent below e^x's range, infinities, NaN.
        double[] edges = {0.0, -0.0, 0.5, -0.5, 708.0, -708.0, 720.0, -720.0, 1e-300, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NaN};
        System.arraycopy(edges, 0, z, 3 + 40, edges.length);
        int whole = VectorMaps.INSTANCE.vectorPart(n);
        assertEquals(n - n % VectorGemm.LANES, whole);
        double scalar = 0;
        for (int i = 0; i < whole; i++) {
            scalar += ProductBitsCheck.logisticLoss(z[3 + i], y[1 + i]);
        }
        assertTrue(Double.isNaN(scalar));
        assertTrue(Double.isNaN(VectorMaps.INSTANCE.logisticLossSum(z, 3, y, 1, n, 0.0)));
        // Without the NaN and the infinities the sum is a number, and the same bits from 0 or from a running sum.
        z[3 + 40 + 9] = 3.0;
        z[3 + 40 + 10] = -3.0;
        z[3 + 40 + 11] = 7.5;
        for (double start : new double[] {0.0, 12.25}) {
            double expected = start;
            for (int i = 0; i < whole; i++) {
                expected += ProductBitsCheck.logisticLoss(z[3 + i], y[1 + i]);
            }
            double actual = VectorMaps.INSTANCE.logisticLossSum(z, 3, y, 1, n, start);
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), expected + " vs " + actual);
        }
        // Entry by entry: z in lane 0 and z = −1000, y = 0 in the others, whose loss is exactly 0, so the sum is the
        // entry's loss itself. Both branches of log1p (|z| ≤ ln 2 gives e^−|z| ≥ ½) and e^x's whole range.
        double[] one = new double[VectorGemm.LANES], oneLabel = new double[VectorGemm.LANES];
        java.util.Arrays.fill(one, -1000.0);
        for (int i = 0; i < 20_000; i++) {
            double v = i % 2 == 0 ? (rng.nextDouble() - 0.5) * 2 * Math.log(2) : rng.nextGaussian() * Math.scalb(1.0, rng.nextInt(10));
            one[0] = v;
            oneLabel[0] = rng.nextInt(3) / 2.0;
            double entry = ProductBitsCheck.logisticLoss(v, oneLabel[0]);
            double actual = VectorMaps.INSTANCE.logisticLossSum(one, 0, oneLabel, 0, one.length, 0.0);
            assertEquals(Double.doubleToRawLongBits(entry), Double.doubleToRawLongBits(actual), "z = " + v + ", y = " + oneLabel[0]);
        }
        // Hand values: z = 0 costs log 2 whatever y is; z = 720 with y = 0 costs 720 (e^−720 is below e^x's range).
        double[] hand = new double[VectorGemm.LANES], label = new double[VectorGemm.LANES];
        hand[0] = 720.0;
        assertEquals(720.0 + (hand.length - 1) * Math.log(2), VectorMaps.INSTANCE.logisticLossSum(hand, 0, label, 0, hand.length, 0.0), 1e-12);
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
