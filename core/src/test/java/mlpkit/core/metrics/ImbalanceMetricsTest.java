package mlpkit.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/**
 * Reference values from scikit-learn 1.2.1: {@code /usr/bin/python3 -c "from sklearn.metrics import
 * balanced_accuracy_score, f1_score; yt=[0,0,0,0,0,0,1,1,2,2,2,0]; yp=[0,0,1,0,0,2,1,0,2,2,1,3];
 * print(balanced_accuracy_score(yt,yp), f1_score(yt,yp,average='weighted'), f1_score(yt,yp,average='macro'))"}.
 */
class ImbalanceMetricsTest {
    private static final int[] Y_TRUE = {0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 0};
    private static final int[] Y_PRED = {0, 0, 1, 0, 0, 2, 1, 0, 2, 2, 1, 3};

    @Test
    void balancedAccuracyIsTheMeanRecallOfTheTrueClassesAsScikitLearnComputesIt() {
        assertEquals(0.5793650793650794, BalancedAccuracy.of(Y_TRUE, Y_PRED), 1e-15);
        // majority-only predictions on a 90/10 set: recall 1 and 0, so 0.5 however lopsided the set
        int[] truth = new int[10];
        truth[9] = 1;
        assertEquals(0.5, BalancedAccuracy.of(truth, new int[10]), 0);
    }

    @Test
    void f1WeightedBySupportAndMacroMatchScikitLearnIncludingAClassOnlyPredicted() {
        assertEquals(0.6222222222222221, F1.weighted(Y_TRUE, Y_PRED), 1e-15);
        assertEquals(0.43333333333333335, F1.macro(Y_TRUE, Y_PRED), 1e-15);
    }

    @Test
    void theAccumulatorsGiveTheArrayFormulasChunkByChunk() {
        Metric.Accumulator balanced = new BalancedAccuracy().accumulator(Y_TRUE.length);
        Metric.Accumulator f1 = new F1().accumulator(Y_TRUE.length);
        Metric.Accumulator macro = new F1Macro().accumulator(Y_TRUE.length);
        for (int from : new int[] {0, 5}) {
            int to = from == 0 ? 5 : Y_TRUE.length;
            Metric.Chunk chunk = chunk(from, to);
            balanced.add(chunk);
            f1.add(chunk);
            macro.add(chunk);
        }
        assertEquals(0.5793650793650794, balanced.result(), 1e-15);
        assertEquals(0.6222222222222221, f1.result(), 1e-15);
        assertEquals(0.43333333333333335, macro.result(), 1e-15);
        assertFalse(new F1().reportedByDefault(), "left out of runs that neither weigh nor name it");
    }

    private static Metric.Chunk chunk(int from, int to) {
        return new Metric.Chunk() {
            public int rows() { return to - from; }
            public double lossSum() { return 0; }
            public mlpkit.core.matrix.DenseMatrix outputs() { return null; }
            public mlpkit.core.matrix.DenseMatrix targets() { return null; }
            public int label(int r) { return Y_TRUE[from + r]; }
            public int predicted(int r) { return Y_PRED[from + r]; }
            public double positiveScore(int r) { return 0; }
        };
    }
}
