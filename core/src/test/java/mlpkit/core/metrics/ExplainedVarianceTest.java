package mlpkit.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExplainedVarianceTest {

    @Test
    void explainedVarianceIsOneMinusErrorVarianceOverTargetVariance() {
        // /usr/bin/python3 -c "from sklearn.metrics import explained_variance_score as e; print(e([3,-0.5,2,7],[2.5,0.0,2,8]))"
        assertEquals(0.9571734475374732, ExplainedVariance.of(R2Test.TRUE, R2Test.PRED), 1e-15);
    }

    @Test
    void aConstantOffsetOfThePredictionsIsNotPenalised() {
        // y − ŷ = −1 everywhere: its variance is 0, so the score is 1 (R² would be 1 − 3/2 = −0.5)
        assertEquals(1.0, ExplainedVariance.of(new double[] {1, 2, 3}, new double[] {2, 3, 4}));
    }

    @Test
    void multiOutputExplainedVarianceAveragesThePerOutputScores() {
        // /usr/bin/python3 -c "from sklearn.metrics import explained_variance_score as e; T=[[0.5,1],[-1,1],[7,-6]];
        //   P=[[0,2],[-1,2],[8,-5]]; print(e(T,P), e(T,P,multioutput='raw_values'))"
        assertArrayEquals(new double[] {0.967741935483871, 1.0},
                ExplainedVariance.rawValues(R2Test.TRUE2, R2Test.PRED2), 1e-15);
        assertEquals(0.9838709677419355, ExplainedVariance.of(R2Test.TRUE2, R2Test.PRED2), 1e-15);
    }

    @Test
    void aConstantTargetScoresOneWhenTheErrorIsConstantAndZeroOtherwise() {
        // /usr/bin/python3 -c "from sklearn.metrics import explained_variance_score as e; C=[[2,1],[2,2],[2,3]];
        //   print(e(C,[[2,1.5],[3,2],[2,3]],multioutput='raw_values'), e([2,2,2],[3,3,3]))"
        assertArrayEquals(new double[] {0.0, 0.9166666666666666},
                ExplainedVariance.rawValues(R2Test.CONSTANT_FIRST, new double[][] {{2, 1.5}, {3, 2}, {2, 3}}), 1e-15);
        assertEquals(1.0, ExplainedVariance.of(new double[] {2, 2, 2}, new double[] {3, 3, 3}));
    }
}
