package mlpkit.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AccuracyTest {

    @Test
    void accuracyIsTheFractionOfMatchingLabels() {
        // sklearn.metrics.accuracy_score([0,1,2,2,0,1,2,1], [0,2,2,0,0,1,2,2]) == 0.625
        assertEquals(0.625, Accuracy.of(new int[] {0, 1, 2, 2, 0, 1, 2, 1}, new int[] {0, 2, 2, 0, 0, 1, 2, 2}));
    }

    @Test
    void accuracyIsOneForPerfectAndZeroForAlwaysWrongPredictions() {
        assertEquals(1.0, Accuracy.of(new int[] {0, 1, 2}, new int[] {0, 1, 2}));
        assertEquals(0.0, Accuracy.of(new int[] {0, 1, 2}, new int[] {1, 2, 0}));
    }

    @Test
    void mismatchedLengthsAreRejectedWithBothLengthsAndAFix() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Accuracy.of(new int[10], new int[9]));
        assertEquals("yTrue has 10 entries but yPred has 9: pass one prediction per sample", error.getMessage());
    }

    @Test
    void emptyInputIsRejectedBecauseAccuracyOfNoSamplesIsUndefined() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Accuracy.of(new int[0], new int[0]));
        assertEquals("yTrue is empty but accuracy needs at least one sample: pass a non-empty array",
                error.getMessage());
    }

    @Test
    void nullInputIsRejectedByName() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Accuracy.of(null, new int[1]));
        assertEquals("yTrue is null but an array was expected: pass an array, not null", error.getMessage());
    }
}
