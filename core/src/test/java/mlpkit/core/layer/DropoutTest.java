package mlpkit.core.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mlpkit.core.matrix.DenseMatrix;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

class DropoutTest {
    private static DenseMatrix ones(int rows, int cols) {
        DenseMatrix m = new DenseMatrix(rows, cols);
        java.util.Arrays.fill(m.data(), 1.0);
        return m;
    }

    @Test
    void trainingKeepsAboutOneMinusRateOfTheInputsScaledSoTheMeanIsUnchanged() {
        Layer dropout = new Dropout.Spec(0.25).build(1000, new MersenneTwister(5));
        DenseMatrix out = dropout.forward(ones(100, 1000), true);
        int kept = 0;
        double sum = 0;
        for (int k = 0; k < out.size(); k++) {
            double v = out.data()[k];
            assertTrue(v == 0.0 || v == 1.0 / 0.75, "each output is 0 or 1/(1 − rate): " + v);
            kept += v == 0.0 ? 0 : 1;
            sum += v;
        }
        // 100 000 Bernoulli(0.75) draws: standard deviation of the kept fraction ≈ 0.0014.
        assertEquals(0.75, kept / 100_000.0, 0.007);
        assertEquals(1.0, sum / 100_000.0, 0.01);
    }

    @Test
    void backwardPassesTheGradientThroughTheSameMask() {
        Layer dropout = new Dropout.Spec(0.5).build(4, new MersenneTwister(1));
        DenseMatrix x = DenseMatrix.of(new double[][]{{1, 2, 3, 4}, {5, 6, 7, 8}});
        DenseMatrix out = dropout.forward(x, true).copy();
        DenseMatrix dIn = dropout.backward(ones(2, 4), null, false, true);
        for (int k = 0; k < 8; k++) {
            assertEquals(out.data()[k] == 0 ? 0.0 : 2.0, dIn.data()[k], 0.0);
        }
    }

    @Test
    void inferenceIsTheIdentityAndTheSameSeedGivesTheSameMasks() {
        Layer dropout = new Dropout.Spec(0.5).build(3, new MersenneTwister(9));
        DenseMatrix x = ones(2, 3);
        assertSame(x, dropout.forward(x, false));
        double[] first = new Dropout.Spec(0.5).build(3, new MersenneTwister(9)).forward(ones(4, 3), true).data().clone();
        double[] second = new Dropout.Spec(0.5).build(3, new MersenneTwister(9)).forward(ones(4, 3), true).data().clone();
        assertArrayEquals(first, second, 0.0);
    }
}
