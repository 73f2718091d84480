package mlpkit.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Expected arrays and areas come from scikit-learn 1.2.1 (numpy 1.24.2); the exact call is quoted at each one. */
class RocCurveTest {

    private static final double TOLERANCE = 1e-15;

    // Ties: 0.8 holds two positives; 0.4 two negatives and a positive; 0.35 two positives and a negative.
    private static final int[] TIED_LABELS = {0, 0, 1, 1, 0, 1, 1, 0, 1, 0};
    private static final double[] TIED_SCORES = {0.1, 0.4, 0.35, 0.8, 0.4, 0.8, 0.4, 0.35, 0.35, 0.6};

    @Test
    void rocCurveWithTiedScoresMatchesScikitLearn() {
        // fpr, tpr, thresholds = roc_curve(TIED_LABELS, TIED_SCORES); drop_intermediate=False gives the same arrays.
        // Each tie between classes moves both rates at once, i.e. a diagonal segment.
        RocCurve curve = RocCurve.of(TIED_LABELS, TIED_SCORES);

        assertArrayEquals(new double[] {0.0, 0.0, 0.2, 0.6, 0.8, 1.0}, curve.falsePositiveRates(), TOLERANCE);
        assertArrayEquals(new double[] {0.0, 0.4, 0.4, 0.6, 1.0, 1.0}, curve.truePositiveRates(), TOLERANCE);
        assertArrayEquals(new double[] {1.8, 0.8, 0.6, 0.4, 0.35, 0.1}, curve.thresholds(), 0.0);
        assertEquals(6, curve.size());
    }

    @Test
    void rocAucCountsTiedScoresAsHalfAsScikitLearnDoes() {
        // roc_auc_score(TIED_LABELS, TIED_SCORES) == 0.64. By hand over the 5 x 5 (positive, negative) pairs:
        // the positives at 0.8 beat all 5 negatives (2 x 5 = 10); the positive at 0.4 beats 0.1 and 0.35 and ties
        // the two negatives at 0.4 (2 + 2 x 0.5 = 3); each positive at 0.35 beats 0.1 and ties one negative
        // (2 x 1.5 = 3). (10 + 3 + 3) / 25 = 0.64.
        assertEquals(0.64, RocCurve.auc(TIED_LABELS, TIED_SCORES), TOLERANCE);
    }

    @Test
    void scoresTiedAcrossClassesFormADiagonalWorthHalf() {
        // roc_curve([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]) -> fpr [0, 1], tpr [0, 1], thresholds [1.5, 0.5]
        // roc_auc_score(...) == 0.5
        int[] labels = {0, 1, 0, 1};
        double[] scores = {0.5, 0.5, 0.5, 0.5};
        RocCurve curve = RocCurve.of(labels, scores);

        assertArrayEquals(new double[] {0.0, 1.0}, curve.falsePositiveRates(), 0.0);
        assertArrayEquals(new double[] {0.0, 1.0}, curve.truePositiveRates(), 0.0);
        assertArrayEquals(new double[] {1.5, 0.5}, curve.thresholds(), 0.0);
        assertEquals(0.5, RocCurve.auc(labels, scores));
    }

    @Test
    void collinearIntermediatePointsAreDroppedByDefault() {
        int[] labels = {1, 1, 1, 0, 1, 0, 0, 1, 0, 0, 0, 1};
        double[] scores = {0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.55, 0.5, 0.4, 0.3, 0.2, 0.1};
        double third = 1.0 / 3;
        double sixth = 1.0 / 6;

        // roc_curve(labels, scores)
        RocCurve dropped = RocCurve.of(labels, scores);
        assertArrayEquals(new double[] {0, 0, 0, sixth, sixth, 0.5, 0.5, 1, 1},
                dropped.falsePositiveRates(), TOLERANCE);
        assertArrayEquals(new double[] {0, sixth, 0.5, 0.5, 2 * third, 2 * third, 5 * sixth, 5 * sixth, 1},
                dropped.truePositiveRates(), TOLERANCE);
        assertArrayEquals(new double[] {1.95, 0.95, 0.85, 0.8, 0.7, 0.55, 0.5, 0.2, 0.1},
                dropped.thresholds(), 0.0);

        // roc_curve(labels, scores, drop_intermediate=False)
        RocCurve full = RocCurve.of(labels, scores, false);
        assertArrayEquals(new double[] {0, 0, 0, 0, sixth, sixth, third, 0.5, 0.5, 2 * third, 5 * sixth, 1, 1},
                full.falsePositiveRates(), TOLERANCE);
        assertArrayEquals(new double[] {0, sixth, third, 0.5, 0.5, 2 * third, 2 * third, 2 * third, 5 * sixth,
                5 * sixth, 5 * sixth, 5 * sixth, 1}, full.truePositiveRates(), TOLERANCE);
        assertArrayEquals(new double[] {1.95, 0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.55, 0.5, 0.4, 0.3, 0.2, 0.1},
                full.thresholds(), 0.0);

        // roc_auc_score(labels, scores) == 0.7222222222222223; dropping points never changes the area.
        assertEquals(0.7222222222222223, dropped.area(), TOLERANCE);
        assertEquals(0.7222222222222223, full.area(), TOLERANCE);
    }

    @Test
    void aPerfectClassifierHasAreaOne() {
        int[] labels = {0, 0, 1, 1, 0, 1};
        double[] scores = {0.1, 0.3, 0.7, 0.9, 0.2, 0.6};

        // roc_curve(labels, scores)
        RocCurve curve = RocCurve.of(labels, scores);
        assertArrayEquals(new double[] {0, 0, 0, 1}, curve.falsePositiveRates(), 0.0);
        assertArrayEquals(new double[] {0, 1.0 / 3, 1, 1}, curve.truePositiveRates(), TOLERANCE);
        assertArrayEquals(new double[] {1.9, 0.9, 0.6, 0.1}, curve.thresholds(), 0.0);
        // roc_auc_score(labels, scores) == 1.0
        assertEquals(1.0, curve.area());
    }

    @Test
    void anInvertedClassifierHasAreaZero() {
        int[] labels = {0, 0, 1, 1, 0, 1};
        double[] scores = {0.9, 0.7, 0.3, 0.1, 0.8, 0.4};

        // roc_curve(labels, [1 - s for s in (0.1, 0.3, 0.7, 0.9, 0.2, 0.6)]) has the same fpr and tpr
        RocCurve curve = RocCurve.of(labels, scores);
        assertArrayEquals(new double[] {0, 1.0 / 3, 1, 1}, curve.falsePositiveRates(), TOLERANCE);
        assertArrayEquals(new double[] {0, 0, 0, 1}, curve.truePositiveRates(), 0.0);
        assertArrayEquals(new double[] {1.9, 0.9, 0.7, 0.1}, curve.thresholds(), 0.0);
        // roc_auc_score(...) == 0.0
        assertEquals(0.0, curve.area());
    }

    @Test
    void negativeDecisionScoresAreAcceptedAndTheFirstThresholdIsMaxPlusOne() {
        // roc_curve([1, 0, 1, 0, 1], [2.5, -1.0, 0.0, 0.0, -3.0]) -> thresholds [3.5, 2.5, 0.0, -1.0, -3.0]
        // roc_auc_score(...) == 0.5833333333333333
        int[] labels = {1, 0, 1, 0, 1};
        double[] scores = {2.5, -1.0, 0.0, 0.0, -3.0};
        RocCurve curve = RocCurve.of(labels, scores);

        assertArrayEquals(new double[] {0, 0, 0.5, 1, 1}, curve.falsePositiveRates(), 0.0);
        assertArrayEquals(new double[] {0, 1.0 / 3, 2.0 / 3, 2.0 / 3, 1}, curve.truePositiveRates(), TOLERANCE);
        assertArrayEquals(new double[] {3.5, 2.5, 0.0, -1.0, -3.0}, curve.thresholds(), 0.0);
        assertEquals(0.5833333333333333, curve.area(), TOLERANCE);
    }

    @Test
    void aSingleClassIsRejectedBecauseRocAucIsUndefined() {
        // roc_auc_score([1, 1, 1], [0.1, 0.2, 0.3]) raises
        // ValueError: Only one class present in y_true. ROC AUC score is not defined in that case.
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RocCurve.auc(new int[] {1, 1, 1}, new double[] {0.1, 0.2, 0.3}));
        assertEquals("yTrue contains only class 1 (3 samples) but a ROC curve needs at least one positive (1) and one"
                + " negative (0) sample; ROC AUC is not defined when only one class is present: evaluate on samples"
                + " of both classes", error.getMessage());
    }

    @Test
    void aSingleNegativeClassIsRejectedForTheCurveToo() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RocCurve.of(new int[] {0, 0}, new double[] {0.1, 0.2}));
        assertEquals("yTrue contains only class 0 (2 samples) but a ROC curve needs at least one positive (1) and one"
                + " negative (0) sample; ROC AUC is not defined when only one class is present: evaluate on samples"
                + " of both classes", error.getMessage());
    }

    @Test
    void mismatchedLengthsAreRejected() {
        // roc_auc_score([1, 0, 1], [0.1, 0.2]) raises
        // ValueError: Found input variables with inconsistent numbers of samples: [3, 2]
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RocCurve.auc(new int[] {1, 0, 1}, new double[] {0.1, 0.2}));
        assertEquals("yTrue has 3 entries but scores has 2: pass one score per sample", error.getMessage());
    }

    @Test
    void labelsOtherThanZeroAndOneAreRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RocCurve.of(new int[] {0, 2}, new double[] {0.1, 0.2}));
        assertEquals("yTrue[1] is 2 but a ROC curve expects binary labels 0 (negative) or 1 (positive): encode the"
                + " positive class as 1 and every other class as 0", error.getMessage());
    }

    @Test
    void nonFiniteScoresAreRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RocCurve.of(new int[] {0, 1}, new double[] {0.1, Double.NaN}));
        assertEquals("scores[1] is NaN but a finite number was expected: remove or replace non-finite values",
                error.getMessage());
    }

    @Test
    void returnedArraysAreCopies() {
        RocCurve curve = RocCurve.of(TIED_LABELS, TIED_SCORES);
        curve.thresholds()[0] = 99;
        curve.truePositiveRates()[1] = 99;

        assertEquals(1.8, curve.thresholds()[0]);
        assertEquals(0.64, curve.area(), TOLERANCE);
    }
}
