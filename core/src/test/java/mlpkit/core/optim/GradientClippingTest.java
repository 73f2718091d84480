package mlpkit.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GradientClippingTest {

    private static final double TOL = 1e-12;

    @Test
    void clippingAThreeFourGradientToNormOneGivesPointSixPointEight() {
        // ||[3, 4]|| = sqrt(9 + 16) = 5 > 1  ->  g * 1/5 = [0.6, 0.8]; the returned norm is the one before
        double[] g = {3.0, 4.0};
        double norm = GradientClipping.clipByGlobalNorm(g, 1.0);
        assertEquals(5.0, norm, TOL);
        assertArrayEquals(new double[] {0.6, 0.8}, g, TOL);
        assertEquals(1.0, GradientClipping.globalNorm(g), TOL);
    }

    @Test
    void clippingToTwoAndAHalfHalvesTheGradient() {
        // 2.5 / 5 = 0.5  ->  [1.5, 2, 0]
        double[] g = {3.0, 4.0, 0.0};
        assertEquals(5.0, GradientClipping.clipByGlobalNorm(g, 2.5), TOL);
        assertArrayEquals(new double[] {1.5, 2.0, 0.0}, g, TOL);
    }

    @Test
    void gradientWithinTheLimitIsLeftUntouched() {
        double[] g = {3.0, 4.0};
        assertEquals(5.0, GradientClipping.clipByGlobalNorm(g, 5.0), TOL); // equal: not clipped
        assertArrayEquals(new double[] {3.0, 4.0}, g, 0.0);
        assertEquals(5.0, GradientClipping.clipByGlobalNorm(g, 10.0), TOL);
        assertArrayEquals(new double[] {3.0, 4.0}, g, 0.0);
    }

    @Test
    void normOfHugeFiniteEntriesDoesNotOverflow() {
        // [3e200, 4e200]: squares overflow, the scaled computation gives 5e200
        double[] g = {3e200, 4e200};
        assertEquals(5e200, GradientClipping.globalNorm(g), 5e200 * 1e-15);
        GradientClipping.clipByGlobalNorm(g, 1.0);
        assertArrayEquals(new double[] {0.6, 0.8}, g, TOL);
    }

    @Test
    void nonFiniteGradientIsReportedAndLeftUntouched() {
        double[] withNaN = {1.0, Double.NaN};
        assertTrue(Double.isNaN(GradientClipping.clipByGlobalNorm(withNaN, 1.0)));
        assertEquals(1.0, withNaN[0], 0.0);
        double[] withInf = {1.0, Double.POSITIVE_INFINITY};
        assertEquals(Double.POSITIVE_INFINITY, GradientClipping.clipByGlobalNorm(withInf, 1.0), 0.0);
        assertEquals(1.0, withInf[0], 0.0);
    }

    @Test
    void emptyGradientHasNormZero() {
        assertEquals(0.0, GradientClipping.clipByGlobalNorm(new double[0], 1.0), 0.0);
    }
}
