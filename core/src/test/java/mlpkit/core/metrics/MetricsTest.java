package mlpkit.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MetricsTest {

    private static final int[] Y_TRUE = {0, 0, 0, 1, 1, 1, 1, 2, 2, 2};
    private static final int[] Y_PRED = {0, 1, 0, 1, 1, 0, 1, 0, 1, 1};

    @Test
    void theFacadeDelegatesToTheConceptClasses() {
        assertEquals(Accuracy.of(Y_TRUE, Y_PRED), Metrics.accuracy(Y_TRUE, Y_PRED));
        assertEquals(ConfusionMatrix.of(Y_TRUE, Y_PRED), Metrics.confusionMatrix(Y_TRUE, Y_PRED));
        assertEquals(ClassificationReport.of(Y_TRUE, Y_PRED).toString(),
                Metrics.classificationReport(Y_TRUE, Y_PRED).toString());
        int[] binary = {0, 1, 1, 0};
        double[] scores = {0.2, 0.9, 0.4, 0.5};
        assertEquals(0.75, Metrics.rocAuc(binary, scores));
        assertEquals(RocCurve.of(binary, scores).size(), Metrics.rocCurve(binary, scores).size());
        assertEquals(0.25, Metrics.meanSquaredError(new double[] {1, 2}, new double[] {1.5, 2.5}));
        assertEquals(0.25, Metrics.meanSquaredError(new double[][] {{1}, {2}}, new double[][] {{1.5}, {2.5}}));
    }
}
