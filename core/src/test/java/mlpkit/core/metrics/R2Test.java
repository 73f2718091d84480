package mlpkit.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class R2Test {
    static final double[] TRUE = {3, -0.5, 2, 7};
    static final double[] PRED = {2.5, 0.0, 2, 8};
    static final double[][] TRUE2 = {{0.5, 1}, {-1, 1}, {7, -6}};
    static final double[][] PRED2 = {{0, 2}, {-1, 2}, {8, -5}};
    static final double[][] CONSTANT_FIRST = {{2, 1}, {2, 2}, {2, 3}};

    @Test
    void rSquaredIsOneMinusResidualOverTotalSumOfSquares() {
        // hand-worked: residual 0.25 + 0.25 + 0 + 1 = 1.5; mean 2.875, total 29.1875; 1 − 1.5 / 29.1875
        assertEquals(1 - 1.5 / 29.1875, R2.of(TRUE, PRED), 1e-15);
        // /usr/bin/python3 -c "from sklearn.metrics import r2_score; print(r2_score([3,-0.5,2,7],[2.5,0.0,2,8]))"
        assertEquals(0.9486081370449679, R2.of(TRUE, PRED), 1e-15);
    }

    @Test
    void multiOutputRSquaredAveragesThePerOutputScores() {
        // /usr/bin/python3 -c "from sklearn.metrics import r2_score; T=[[0.5,1],[-1,1],[7,-6]]; P=[[0,2],[-1,2],[8,-5]];
        //   print(r2_score(T,P), r2_score(T,P,multioutput='raw_values'))"
        assertArrayEquals(new double[] {0.9654377880184332, 0.9081632653061225}, R2.rawValues(TRUE2, PRED2), 1e-15);
        assertEquals(0.9368005266622779, R2.of(TRUE2, PRED2), 1e-15);
    }

    @Test
    void aConstantTargetScoresOneWhenPredictedExactlyAndZeroOtherwise() {
        // /usr/bin/python3 -c "from sklearn.metrics import r2_score; C=[[2,1],[2,2],[2,3]];
        //   print(r2_score(C,C), r2_score(C,[[2,1.5],[3,2],[2,3]],multioutput='raw_values'),
        //   r2_score(C,[[2,1.5],[3,2],[2,3]]), r2_score([2,2,2],[3,3,3]))"  (scikit-learn 1.2.1, force_finite=True)
        assertEquals(1.0, R2.of(CONSTANT_FIRST, CONSTANT_FIRST));
        double[][] predicted = {{2, 1.5}, {3, 2}, {2, 3}};
        assertArrayEquals(new double[] {0.0, 0.875}, R2.rawValues(CONSTANT_FIRST, predicted), 1e-15);
        assertEquals(0.4375, R2.of(CONSTANT_FIRST, predicted), 1e-15);
        assertEquals(0.0, R2.of(new double[] {2, 2, 2}, new double[] {3, 3, 3}));
    }

    @Test
    void predictingTheMeanScoresZeroAndOneSampleIsUndefined() {
        assertEquals(0.0, R2.of(new double[] {1, 2, 3}, new double[] {2, 2, 2}), 1e-15);
        assertEquals(Double.NaN, R2.of(new double[] {1}, new double[] {2}));
    }

    @Test
    void mismatchedShapesAreRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> R2.of(new double[][] {{1, 2}, {3, 4}}, new double[][] {{1, 2}, {3}}));
        assertEquals("yTrue[1] has 2 entries but yPred[1] has 1: predict every output of every sample",
                error.getMessage());
    }
}
