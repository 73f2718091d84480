package mlpkit.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    //                                    sample: 0  1  2  3  4  5  6  7
    private static final int[] Y_TRUE = new int[] {0, 1, 2, 2, 0, 1, 2, 1};
    private static final int[] Y_PRED = new int[] {0, 2, 2, 0, 0, 1, 2, 2};

    @Test
    void countsMatchAHandWorkedExample() {
        // By hand: class 0 -> samples 0 and 4, both predicted 0.
        //          class 1 -> samples 1, 5, 7 predicted 2, 1, 2.
        //          class 2 -> samples 2, 3, 6 predicted 2, 0, 2.
        // sklearn.metrics.confusion_matrix(Y_TRUE, Y_PRED) agrees: [[2 0 0] [0 1 2] [1 0 2]]
        ConfusionMatrix matrix = ConfusionMatrix.of(Y_TRUE, Y_PRED);

        assertArrayEquals(new int[][] {{2, 0, 0}, {0, 1, 2}, {1, 0, 2}}, matrix.toArray());
        assertEquals(3, matrix.classCount());
        assertEquals(2, matrix.count(1, 2));
        assertEquals(1, matrix.count(2, 0));
        assertEquals(0, matrix.count(0, 2));
    }

    @Test
    void rowTotalsAreSupportAndColumnTotalsArePredictions() {
        ConfusionMatrix matrix = ConfusionMatrix.of(Y_TRUE, Y_PRED);

        assertEquals(2, matrix.support(0));
        assertEquals(3, matrix.support(1));
        assertEquals(3, matrix.predictedCount(0));
        assertEquals(4, matrix.predictedCount(2));
        assertEquals(5, matrix.correctCount());
        assertEquals(8, matrix.total());
    }

    @Test
    void anExplicitClassCountAddsRowsAndColumnsForUnseenClasses() {
        // sklearn.metrics.confusion_matrix(Y_TRUE, Y_PRED, labels=[0, 1, 2, 3])
        ConfusionMatrix matrix = ConfusionMatrix.of(Y_TRUE, Y_PRED, 4);

        assertArrayEquals(new int[][] {{2, 0, 0, 0}, {0, 1, 2, 0}, {1, 0, 2, 0}, {0, 0, 0, 0}}, matrix.toArray());
    }

    @Test
    void theClassCountDefaultsToOneMoreThanTheLargestLabelInEitherArray() {
        assertEquals(5, ConfusionMatrix.of(new int[] {0, 1}, new int[] {4, 1}).classCount());
    }

    @Test
    void toStringIsAnAlignedTableWithTrueClassesAsRows() {
        String expected = ""
                + "true\\pred  0  1  2\n"
                + "        0  2  0  0\n"
                + "        1  0  1  2\n"
                + "        2  1  0  2\n";
        assertEquals(expected, ConfusionMatrix.of(Y_TRUE, Y_PRED).toString());
    }

    @Test
    void toStringWidensEveryColumnToTheLongestCount() {
        int[] yTrue = new int[12];
        int[] yPred = new int[12];
        yTrue[11] = 1;
        String expected = ""
                + "true\\pred   0   1\n"
                + "        0  11   0\n"
                + "        1   1   0\n";
        assertEquals(expected, ConfusionMatrix.of(yTrue, yPred).toString());
    }

    @Test
    void aLabelOutsideTheClassCountIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(new int[] {0, 1}, new int[] {0, 3}, 3));
        assertEquals("yPred[1] is 3 but classCount is 3, so labels must lie in 0..2: pass a larger classCount or fix"
                + " the label", error.getMessage());
    }

    @Test
    void negativeLabelsAreRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(new int[] {0, -1}, new int[] {0, 1}));
        assertEquals("yTrue[1] is -1 but class labels must be 0, 1, 2, ...: map each class to a non-negative index"
                + " first", error.getMessage());
    }

    @Test
    void emptyInputNeedsAnExplicitClassCount() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(new int[0], new int[0]));
        assertEquals("yTrue is empty but the class count is inferred from the largest label: pass at least one"
                + " sample, or give the class count with of(yTrue, yPred, classCount)", error.getMessage());
        assertArrayEquals(new int[][] {{0, 0}, {0, 0}}, ConfusionMatrix.of(new int[0], new int[0], 2).toArray());
    }

    @Test
    void mismatchedLengthsAreRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(new int[10], new int[9]));
        assertEquals("yTrue has 10 entries but yPred has 9: pass one prediction per sample", error.getMessage());
    }

    @Test
    void askingForAClassOutsideTheMatrixIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(Y_TRUE, Y_PRED).count(3, 0));
        assertEquals("trueClass is 3 but this matrix has classes 0..2: ask for a class inside that range",
                error.getMessage());
    }
}
