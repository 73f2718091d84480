package mlpkit.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MeanSquaredErrorTest {

    @Test
    void meanSquaredErrorAveragesSquaredDifferences() {
        // sklearn.metrics.mean_squared_error([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]) == 0.375
        assertEquals(0.375, MeanSquaredError.of(new double[] {3, -0.5, 2, 7}, new double[] {2.5, 0.0, 2, 8}));
    }

    @Test
    void multiOutputMeanSquaredErrorAveragesOverEveryEntry() {
        // sklearn.metrics.mean_squared_error([[0.5,1],[-1,1],[7,-6]], [[0,2],[-1,2],[8,-5]]) == 0.7083333333333334
        double[][] targets = {{0.5, 1}, {-1, 1}, {7, -6}};
        double[][] predictions = {{0, 2}, {-1, 2}, {8, -5}};
        assertEquals(0.7083333333333334, MeanSquaredError.of(targets, predictions), 1e-15);
    }

    @Test
    void rowsOfDifferentWidthAreRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> MeanSquaredError.of(new double[][] {{1, 2}, {3, 4}}, new double[][] {{1, 2}, {3}}));
        assertEquals("yTrue[1] has 2 entries but yPred[1] has 1: predict every output of every sample",
                error.getMessage());
    }

    @Test
    void mismatchedLengthsAreRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> MeanSquaredError.of(new double[3], new double[2]));
        assertEquals("yTrue has 3 entries but yPred has 2: pass one prediction per sample", error.getMessage());
    }
}
