package mlpkit.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expected texts and numbers come from scikit-learn 1.2.1 (numpy 1.24.2); the exact call is quoted above each one.
 */
class ClassificationReportTest {

    // Class 2 occurs three times but is never predicted, so its precision is 0/0.
    private static final int[] Y_TRUE = {0, 0, 0, 1, 1, 1, 1, 2, 2, 2};
    private static final int[] Y_PRED = {0, 1, 0, 1, 1, 0, 1, 0, 1, 1};

    private static final double TOLERANCE = 1e-15;

    @Test
    void textMatchesScikitLearnCharacterForCharacterWhenAClassIsNeverPredicted() {
        // classification_report(Y_TRUE, Y_PRED)
        String expected = "              precision    recall  f1-score   support\n\n"
                + "           0       0.50      0.67      0.57         3\n"
                + "           1       0.50      0.75      0.60         4\n"
                + "           2       0.00      0.00      0.00         3\n\n"
                + "    accuracy                           0.50        10\n"
                + "   macro avg       0.33      0.47      0.39        10\n"
                + "weighted avg       0.35      0.50      0.41        10\n";

        assertEquals(expected, ClassificationReport.of(Y_TRUE, Y_PRED).toString());
    }

    @Test
    void aNeverPredictedClassScoresZeroLikeScikitLearnsDefaultZeroDivision() {
        // precision_recall_fscore_support(Y_TRUE, Y_PRED) -> class 2: (0.0, 0.0, 0.0, 3)
        ClassificationReport report = ClassificationReport.of(Y_TRUE, Y_PRED);

        assertEquals(new ClassificationReport.Scores(0.0, 0.0, 0.0, 3), report.scoresFor(2));
    }

    @Test
    void accessorsReturnScikitLearnsUnroundedNumbers() {
        // classification_report(Y_TRUE, Y_PRED, output_dict=True)
        ClassificationReport report = ClassificationReport.of(Y_TRUE, Y_PRED);

        assertScores(0.5, 0.6666666666666666, 0.5714285714285715, 3, report.scoresFor(0));
        assertScores(0.5, 0.75, 0.6, 4, report.scoresFor(1));
        assertEquals(0.5, report.accuracy());
        assertScores(0.3333333333333333, 0.47222222222222215, 0.3904761904761905, 10, report.macroAverage());
        assertScores(0.35, 0.5, 0.41142857142857137, 10, report.weightedAverage());
        // precision_recall_fscore_support(Y_TRUE, Y_PRED, average="micro") == (0.5, 0.5, 0.5, None)
        assertScores(0.5, 0.5, 0.5, 10, report.microAverage());
        assertArrayEquals(new int[] {0, 1, 2}, report.labels());
    }

    @Test
    void targetNamesAndDigitsChangeTheTextAsInScikitLearn() {
        // classification_report(Y_TRUE, Y_PRED, target_names=["setosa", "versicolor", "virginica"], digits=3)
        String expected = "              precision    recall  f1-score   support\n\n"
                + "      setosa      0.500     0.667     0.571         3\n"
                + "  versicolor      0.500     0.750     0.600         4\n"
                + "   virginica      0.000     0.000     0.000         3\n\n"
                + "    accuracy                          0.500        10\n"
                + "   macro avg      0.333     0.472     0.390        10\n"
                + "weighted avg      0.350     0.500     0.411        10\n";

        ClassificationReport report = ClassificationReport.of(Y_TRUE, Y_PRED)
                .withTargetNames("setosa", "versicolor", "virginica");

        assertEquals(expected, report.toText(3));
        assertEquals(List.of("setosa", "versicolor", "virginica"), report.targetNames());
    }

    @Test
    void aTargetNameLongerThanWeightedAvgWidensTheFirstColumn() {
        // classification_report(Y_TRUE, Y_PRED, target_names=["a", "b", "a rather long class name"], digits=4)
        String expected = "                          precision    recall  f1-score   support\n\n"
                + "                       a     0.5000    0.6667    0.5714         3\n"
                + "                       b     0.5000    0.7500    0.6000         4\n"
                + "a rather long class name     0.0000    0.0000    0.0000         3\n\n"
                + "                accuracy                         0.5000        10\n"
                + "               macro avg     0.3333    0.4722    0.3905        10\n"
                + "            weighted avg     0.3500    0.5000    0.4114        10\n";

        String text = ClassificationReport.of(Y_TRUE, Y_PRED)
                .withTargetNames("a", "b", "a rather long class name")
                .toText(4);

        assertEquals(expected, text);
    }

    @Test
    void roundingIsHalfToEvenAsInPythonSoAnExactTieRoundsDown() {
        // classification_report([0,1,1,1,1,1,1,1,1,1], [0,0,0,0,0,0,0,0,1,1])
        // Class 0 precision is 1/8 = 0.125 and macro precision 0.5625: Python prints 0.12 and 0.56 (0.562 with three
        // digits) where Java's String.format would print 0.13 and 0.57.
        int[] yTrue = {0, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        int[] yPred = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1};
        String expected = "              precision    recall  f1-score   support\n\n"
                + "           0       0.12      1.00      0.22         1\n"
                + "           1       1.00      0.22      0.36         9\n\n"
                + "    accuracy                           0.30        10\n"
                + "   macro avg       0.56      0.61      0.29        10\n"
                + "weighted avg       0.91      0.30      0.35        10\n";
        // classification_report(yTrue, yPred, digits=3)
        String expectedWithThreeDigits = "              precision    recall  f1-score   support\n\n"
                + "           0      0.125     1.000     0.222         1\n"
                + "           1      1.000     0.222     0.364         9\n\n"
                + "    accuracy                          0.300        10\n"
                + "   macro avg      0.562     0.611     0.293        10\n"
                + "weighted avg      0.912     0.300     0.349        10\n";

        ClassificationReport report = ClassificationReport.of(yTrue, yPred);

        assertEquals(expected, report.toString());
        assertEquals(expectedWithThreeDigits, report.toText(3));
    }

    @Test
    void zeroDigitsPrintsWholeNumbersAndSkipsUnseenLabels() {
        // classification_report([0, 2, 2, 0], [0, 2, 0, 0], digits=0): label 1 never occurs and is not listed;
        // recall 0.5 rounds to even, i.e. 0.
        String expected = "              precision    recall  f1-score   support\n\n"
                + "           0          1         1         1         2\n"
                + "           2          1         0         1         2\n\n"
                + "    accuracy                              1         4\n"
                + "   macro avg          1         1         1         4\n"
                + "weighted avg          1         1         1         4\n";

        assertEquals(expected, ClassificationReport.of(new int[] {0, 2, 2, 0}, new int[] {0, 2, 0, 0}).toText(0));
    }

    @Test
    void supportsPrintAsFloatsWhenNothingIsClassifiedCorrectlyAsInScikitLearn12() {
        // classification_report([0, 0, 1], [1, 1, 0]): with no correct prediction scikit-learn 1.2.1 counts in floats.
        String expected = "              precision    recall  f1-score   support\n\n"
                + "           0       0.00      0.00      0.00       2.0\n"
                + "           1       0.00      0.00      0.00       1.0\n\n"
                + "    accuracy                           0.00       3.0\n"
                + "   macro avg       0.00      0.00      0.00       3.0\n"
                + "weighted avg       0.00      0.00      0.00       3.0\n";

        ClassificationReport report = ClassificationReport.of(new int[] {0, 0, 1}, new int[] {1, 1, 0});

        assertEquals(expected, report.toString());
        assertEquals(2, report.scoresFor(0).support());
    }

    @Test
    void explicitLabelsThatOmitAClassReplaceAccuracyWithMicroAverage() {
        // classification_report(Y_TRUE, Y_PRED, labels=[0, 1])
        String expected = "              precision    recall  f1-score   support\n\n"
                + "           0       0.50      0.67      0.57         3\n"
                + "           1       0.50      0.75      0.60         4\n\n"
                + "   micro avg       0.50      0.71      0.59         7\n"
                + "   macro avg       0.50      0.71      0.59         7\n"
                + "weighted avg       0.50      0.71      0.59         7\n";

        assertEquals(expected, ClassificationReport.of(Y_TRUE, Y_PRED, new int[] {0, 1}).toString());
    }

    @Test
    void explicitLabelsThatAddAnUnseenClassGiveItAZeroLine() {
        // classification_report(Y_TRUE, Y_PRED, labels=[0, 1, 2, 3])
        String expected = "              precision    recall  f1-score   support\n\n"
                + "           0       0.50      0.67      0.57         3\n"
                + "           1       0.50      0.75      0.60         4\n"
                + "           2       0.00      0.00      0.00         3\n"
                + "           3       0.00      0.00      0.00         0\n\n"
                + "   micro avg       0.50      0.50      0.50        10\n"
                + "   macro avg       0.25      0.35      0.29        10\n"
                + "weighted avg       0.35      0.50      0.41        10\n";

        assertEquals(expected, ClassificationReport.of(Y_TRUE, Y_PRED, new int[] {0, 1, 2, 3}).toString());
    }

    @Test
    void namesArePaddedByCharactersNotUtf16Units() {
        // classification_report([0, 1, 1, 0], [0, 1, 1, 0], target_names=["näme", "\U0001F600x"])
        String grinningFace = new String(Character.toChars(0x1F600));
        String expected = "              precision    recall  f1-score   support\n\n"
                + "        n\u00e4me       1.00      1.00      1.00         2\n"
                + "          " + grinningFace + "x       1.00      1.00      1.00         2\n\n"
                + "    accuracy                           1.00         4\n"
                + "   macro avg       1.00      1.00      1.00         4\n"
                + "weighted avg       1.00      1.00      1.00         4\n";

        String text = ClassificationReport.of(new int[] {0, 1, 1, 0}, new int[] {0, 1, 1, 0})
                .withTargetNames("n\u00e4me", grinningFace + "x")
                .toString();

        assertEquals(expected, text);
    }

    @Test
    void theWrongNumberOfTargetNamesIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ClassificationReport.of(Y_TRUE, Y_PRED).withTargetNames("a", "b"));
        assertEquals("targetNames has 2 names but the report has 3 classes [0, 1, 2]: give one name per reported"
                + " class, in the order of labels()", error.getMessage());
    }

    @Test
    void mismatchedLengthsAreRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ClassificationReport.of(new int[10], new int[9]));
        assertEquals("yTrue has 10 entries but yPred has 9: pass one prediction per sample", error.getMessage());
    }

    @Test
    void repeatedExplicitLabelsAreRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ClassificationReport.of(Y_TRUE, Y_PRED, new int[] {0, 1, 1}));
        assertEquals("labels lists class 1 more than once but each class may appear only once: remove the duplicate",
                error.getMessage());
    }

    @Test
    void askingForAClassOutsideTheReportIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ClassificationReport.of(Y_TRUE, Y_PRED).scoresFor(7));
        assertEquals("class 7 is not in this report, which covers [0, 1, 2]: ask for one of those classes",
                error.getMessage());
    }

    @Test
    void negativeDigitsAreRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ClassificationReport.of(Y_TRUE, Y_PRED).toText(-1));
        assertEquals("digits is -1 but the number of decimals cannot be negative: pass 0 or more", error.getMessage());
    }

    private static void assertScores(double precision, double recall, double f1, int support,
                                     ClassificationReport.Scores actual) {
        assertEquals(precision, actual.precision(), TOLERANCE, "precision");
        assertEquals(recall, actual.recall(), TOLERANCE, "recall");
        assertEquals(f1, actual.f1(), TOLERANCE, "f1");
        assertEquals(support, actual.support(), "support");
    }
}
