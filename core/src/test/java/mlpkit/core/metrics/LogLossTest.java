package mlpkit.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Expected values come from scikit-learn 1.2.1 (numpy 1.24.2); the exact call is quoted at each one. */
class LogLossTest {

    private static final double TOLERANCE = 1e-14;

    // Samples 2 and 3 are certain (1.0 and 0.0); sample 3 is certain and wrong, so only clipping keeps it finite.
    private static final int[] BINARY_LABELS = {1, 0, 1, 1, 0};
    private static final double[] PROBABILITY_OF_ONE = {0.9, 0.1, 1.0, 0.0, 0.3};

    // Row 1 is certain and right, row 3 certain and wrong; row 4 sums to 0.8 and is renormalised.
    private static final int[] MULTICLASS_LABELS = {0, 1, 2, 2, 1};
    private static final double[][] PROBABILITIES = {
            {0.7, 0.2, 0.1},
            {0.0, 1.0, 0.0},
            {0.2, 0.3, 0.5},
            {1.0, 0.0, 0.0},
            {0.3, 0.3, 0.2},
    };

    @Test
    void defaultEpsIsScikitLearn12sAutoValueTheMachineEpsilon() {
        // numpy.finfo(numpy.float64).eps == 2.220446049250313e-16, log_loss's eps="auto" in scikit-learn 1.2
        assertEquals(2.220446049250313e-16, LogLoss.DEFAULT_EPS);
    }

    @Test
    void binaryLogLossClipsCertainPredictionsLikeScikitLearn() {
        // log_loss(BINARY_LABELS, PROBABILITY_OF_ONE) == 7.322209872874308
        assertEquals(7.322209872874308, LogLoss.binary(BINARY_LABELS, PROBABILITY_OF_ONE), TOLERANCE);
    }

    @Test
    void binaryLogLossWithTheLegacyEpsMatchesScikitLearnBefore12() {
        // log_loss(BINARY_LABELS, PROBABILITY_OF_ONE, eps=1e-15) == 7.021234474033015
        assertEquals(7.021234474033015, LogLoss.binary(BINARY_LABELS, PROBABILITY_OF_ONE, LogLoss.LEGACY_EPS),
                TOLERANCE);
    }

    @Test
    void binaryPerSampleLossesSumToScikitLearnsUnnormalisedLoss() {
        // [log_loss([y], [p], labels=[0, 1]) for y, p in zip(BINARY_LABELS, PROBABILITY_OF_ONE)]
        double[] expected = {0.10536051565782628, 0.10536051565782628, 2.2204460492503136e-16, 36.04365338911715,
                0.35667494393873245};
        double[] losses = LogLoss.binaryPerSample(BINARY_LABELS, PROBABILITY_OF_ONE, LogLoss.DEFAULT_EPS);

        assertArrayEquals(expected, losses, TOLERANCE);
        // log_loss(BINARY_LABELS, PROBABILITY_OF_ONE, normalize=False) == 36.61104936437154
        assertEquals(36.61104936437154, Arrays.stream(losses).sum(), TOLERANCE);
    }

    @Test
    void binaryLogLossAcceptsASingleClassBecauseBothLabelsAreImplied() {
        // log_loss([1, 1, 1], [0.9, 0.8, 1.0], labels=[0, 1]) == 0.10950135565734541
        assertEquals(0.10950135565734541, LogLoss.binary(new int[] {1, 1, 1}, new double[] {0.9, 0.8, 1.0}),
                TOLERANCE);
    }

    @Test
    void multiclassLogLossClipsAndRenormalisesRowsLikeScikitLearn() {
        // log_loss(MULTICLASS_LABELS, PROBABILITIES) == 7.614860953325511
        assertEquals(7.614860953325511, LogLoss.multiclass(MULTICLASS_LABELS, PROBABILITIES), TOLERANCE);
        // log_loss(MULTICLASS_LABELS, PROBABILITIES, eps=1e-15) == 7.3138855544842185
        assertEquals(7.3138855544842185, LogLoss.multiclass(MULTICLASS_LABELS, PROBABILITIES, LogLoss.LEGACY_EPS),
                TOLERANCE);
    }

    @Test
    void multiclassPerSampleLossesMatchScikitLearn() {
        // [log_loss([y], [row], labels=[0, 1, 2]) for y, row in zip(MULTICLASS_LABELS, PROBABILITIES)]
        // The last row [0.3, 0.3, 0.2] is read as [0.375, 0.375, 0.25], so its loss is -ln(0.375).
        double[] expected = {0.3566749439387323, 4.440892098500627e-16, 0.6931471805599453, 36.04365338911715,
                0.9808292530117264};
        double[] losses = LogLoss.multiclassPerSample(MULTICLASS_LABELS, PROBABILITIES, LogLoss.DEFAULT_EPS);

        assertArrayEquals(expected, losses, TOLERANCE);
        // log_loss(MULTICLASS_LABELS, PROBABILITIES, normalize=False) == 38.074304766627556
        assertEquals(38.074304766627556, Arrays.stream(losses).sum(), TOLERANCE);
    }

    @Test
    void twoColumnMulticlassLogLossMatchesScikitLearnsDocExample() {
        // log_loss(["spam", "ham", "ham", "spam"], [[.1, .9], [.9, .1], [.8, .2], [.35, .65]]) == 0.21616187468057912
        // with ham = 0 and spam = 1
        double[][] probabilities = {{0.1, 0.9}, {0.9, 0.1}, {0.8, 0.2}, {0.35, 0.65}};
        assertEquals(0.21616187468057912, LogLoss.multiclass(new int[] {1, 0, 0, 1}, probabilities), TOLERANCE);
    }

    @Test
    void multiclassLogLossAllowsAClassThatNeverOccurs() {
        // log_loss([0, 1, 0], [[0.6, 0.4, 0.0], [0.1, 0.8, 0.1], [0.5, 0.25, 0.25]], labels=[0, 1, 2])
        double[][] probabilities = {{0.6, 0.4, 0.0}, {0.1, 0.8, 0.1}, {0.5, 0.25, 0.25}};
        assertEquals(0.4757054518800487, LogLoss.multiclass(new int[] {0, 1, 0}, probabilities), TOLERANCE);
    }

    @Test
    void theFacadeUsesTheDefaults() {
        assertEquals(LogLoss.binary(BINARY_LABELS, PROBABILITY_OF_ONE),
                Metrics.logLoss(BINARY_LABELS, PROBABILITY_OF_ONE));
        assertEquals(LogLoss.multiclass(MULTICLASS_LABELS, PROBABILITIES),
                Metrics.logLoss(MULTICLASS_LABELS, PROBABILITIES));
    }

    @Test
    void mismatchedLengthsAreRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> LogLoss.binary(new int[] {0, 1, 1}, new double[] {0.2, 0.7}));
        assertEquals("yTrue has 3 entries but probabilityOfOne has 2: pass one probability per sample",
                error.getMessage());
    }

    @Test
    void aLabelWithoutAProbabilityColumnIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> LogLoss.multiclass(new int[] {0, 3}, new double[][] {{0.5, 0.5, 0.0}, {0.2, 0.3, 0.5}}));
        assertEquals("yTrue[1] is 3 but probabilities has 3 columns, so labels must lie in 0..2: add a column for"
                + " every class or fix the label", error.getMessage());
    }

    @Test
    void raggedProbabilityRowsAreRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> LogLoss.multiclass(new int[] {0, 1}, new double[][] {{0.5, 0.5}, {0.2, 0.3, 0.5}}));
        assertEquals("probabilities[0] has 2 entries but probabilities[1] has 3: give every sample one probability"
                + " per class", error.getMessage());
    }

    @Test
    void aSingleProbabilityColumnIsRejectedWithAPointerToTheBinaryForm() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> LogLoss.multiclass(new int[] {0, 1}, new double[][] {{0.5}, {0.2}}));
        assertEquals("probabilities has 1 column(s) but log loss needs at least 2 classes: pass one column per"
                + " class, or use binary(yTrue, probabilityOfOne) for a single probability per sample",
                error.getMessage());
    }

    @Test
    void nonBinaryLabelsAreRejectedByTheBinaryForm() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> LogLoss.binary(new int[] {0, 2}, new double[] {0.2, 0.7}));
        assertEquals("yTrue[1] is 2 but binary log loss expects binary labels 0 (negative) or 1 (positive): encode"
                + " the positive class as 1 and every other class as 0", error.getMessage());
    }

    @Test
    void anEpsOutsideZeroToOneHalfIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> LogLoss.binary(BINARY_LABELS, PROBABILITY_OF_ONE, 0.5));
        assertEquals("eps is 0.5 but the clipping bound must lie in [0, 0.5): pass a small positive value such as"
                + " LogLoss.DEFAULT_EPS", error.getMessage());
    }
}
