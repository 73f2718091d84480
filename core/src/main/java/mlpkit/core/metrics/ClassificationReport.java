package mlpkit.core.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Per-class precision, recall, F1 and support with their averages, as computed and printed by scikit-learn 1.2's
 * {@code classification_report}. {@link #toString()} reproduces scikit-learn's text character for character.
 *
 * <p>Where a ratio is undefined (a class never predicted has no precision, a class never present has no recall)
 * the value is 0.0, scikit-learn's default {@code zero_division="warn"} result; no warning is issued.
 */
public final class ClassificationReport {

    /** The numbers of one report line. For an average line, {@code support} is the total over its classes. */
    public record Scores(double precision, double recall, double f1, int support) {
    }

    private static final int DEFAULT_DIGITS = 2;
    private static final List<String> HEADERS = List.of("precision", "recall", "f1-score", "support");
    private static final int COLUMN_WIDTH = 9;
    private static final String ACCURACY_HEADING = "accuracy";
    private static final String MICRO_HEADING = "micro avg";
    private static final String MACRO_HEADING = "macro avg";
    private static final String WEIGHTED_HEADING = "weighted avg";

    private final int[] labels;
    private final List<String> targetNames;
    private final Scores[] classScores;
    private final Scores microAverage;
    private final Scores macroAverage;
    private final Scores weightedAverage;
    private final double accuracy;
    /**
     * scikit-learn prints an "accuracy" line instead of "micro avg" only when the reported labels are exactly the
     * classes seen in the data; otherwise micro precision and recall differ and both are shown.
     */
    private final boolean labelsAreObservedClasses;

    private ClassificationReport(int[] labels, List<String> targetNames, Scores[] classScores, Scores microAverage,
                                 Scores macroAverage, Scores weightedAverage, double accuracy,
                                 boolean labelsAreObservedClasses) {
        this.labels = labels;
        this.targetNames = targetNames;
        this.classScores = classScores;
        this.microAverage = microAverage;
        this.macroAverage = macroAverage;
        this.weightedAverage = weightedAverage;
        this.accuracy = accuracy;
        this.labelsAreObservedClasses = labelsAreObservedClasses;
    }

    /**
     * Reports every class that occurs in {@code yTrue} or {@code yPred}, in ascending order, as scikit-learn does
     * when {@code labels} is not given.
     *
     * @throws IllegalArgumentException if the arrays are empty, differ in length or hold a negative label
     */
    public static ClassificationReport of(int[] yTrue, int[] yPred) {
        checkSamples(yTrue, yPred);
        return build(yTrue, yPred, observedClasses(yTrue, yPred));
    }

    /**
     * Reports exactly the given classes, in the given order, like scikit-learn's {@code labels} argument. Listing a
     * class that never occurs adds a line of zeros; leaving out an observed class drops it from every average.
     *
     * @throws IllegalArgumentException if the arrays are empty or differ in length, or if {@code labels} is empty,
     *                                  holds a negative label or repeats one
     */
    public static ClassificationReport of(int[] yTrue, int[] yPred, int[] labels) {
        checkSamples(yTrue, yPred);
        Inputs.requireNonNull(labels, "labels");
        if (labels.length == 0) {
            throw new IllegalArgumentException(
                    "labels is empty but a report needs at least one class: list the classes to report");
        }
        Inputs.requireClassLabels("labels", labels);
        int[] sorted = labels.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw new IllegalArgumentException("labels lists class " + sorted[i]
                        + " more than once but each class may appear only once: remove the duplicate");
            }
        }
        return build(yTrue, yPred, labels.clone());
    }

    private static void checkSamples(int[] yTrue, int[] yPred) {
        Inputs.requireNonNull(yTrue, "yTrue");
        Inputs.requireNonNull(yPred, "yPred");
        Inputs.requireSameLength("yTrue", yTrue.length, "yPred", yPred.length, "pass one prediction per sample");
        Inputs.requireNotEmpty("yTrue", yTrue.length, "a classification report");
        Inputs.requireClassLabels("yTrue", yTrue);
        Inputs.requireClassLabels("yPred", yPred);
    }

    private static int[] observedClasses(int[] yTrue, int[] yPred) {
        TreeSet<Integer> classes = new TreeSet<>();
        for (int label : yTrue) {
            classes.add(label);
        }
        for (int label : yPred) {
            classes.add(label);
        }
        return classes.stream().mapToInt(Integer::intValue).toArray();
    }

    private static ClassificationReport build(int[] yTrue, int[] yPred, int[] labels) {
        int classCount = Math.max(Math.max(Inputs.maxOf(yTrue), Inputs.maxOf(yPred)), Inputs.maxOf(labels)) + 1;
        ConfusionMatrix matrix = ConfusionMatrix.of(yTrue, yPred, classCount);

        Scores[] classScores = new Scores[labels.length];
        int truePositiveTotal = 0;
        int predictedTotal = 0;
        int supportTotal = 0;
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i];
            int truePositives = matrix.count(label, label);
            int predicted = matrix.predictedCount(label);
            int support = matrix.support(label);
            classScores[i] = scores(truePositives, predicted, support);
            truePositiveTotal += truePositives;
            predictedTotal += predicted;
            supportTotal += support;
        }

        Scores micro = scores(truePositiveTotal, predictedTotal, supportTotal);
        Scores macro = macroAverage(classScores, supportTotal);
        Scores weighted = weightedAverage(classScores, supportTotal);
        double accuracy = (double) matrix.correctCount() / yTrue.length;
        int[] sortedLabels = labels.clone();
        Arrays.sort(sortedLabels);
        boolean labelsAreObservedClasses = Arrays.equals(sortedLabels, observedClasses(yTrue, yPred));

        List<String> names = new ArrayList<>(labels.length);
        for (int label : labels) {
            names.add(String.valueOf(label));
        }
        return new ClassificationReport(labels, List.copyOf(names), classScores, micro, macro, weighted, accuracy,
                labelsAreObservedClasses);
    }

    private static Scores scores(int truePositives, int predicted, int support) {
        double precision = ratioOrZero(truePositives, predicted);
        double recall = ratioOrZero(truePositives, support);
        return new Scores(precision, recall, f1(precision, recall), support);
    }

    private static double ratioOrZero(int numerator, int denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }

    /** Harmonic mean of precision and recall, written in scikit-learn's evaluation order so the last bits agree. */
    private static double f1(double precision, double recall) {
        double denominator = precision + recall;
        return denominator == 0.0 ? 0.0 : 2.0 * precision * recall / denominator;
    }

    private static Scores macroAverage(Scores[] classScores, int supportTotal) {
        double precision = 0.0;
        double recall = 0.0;
        double f1 = 0.0;
        for (Scores scores : classScores) {
            precision += scores.precision();
            recall += scores.recall();
            f1 += scores.f1();
        }
        int count = classScores.length;
        return new Scores(precision / count, recall / count, f1 / count, supportTotal);
    }

    private static Scores weightedAverage(Scores[] classScores, int supportTotal) {
        if (supportTotal == 0) {
            // No reported class occurs in yTrue, so every weight is zero; scikit-learn returns 0.0 here.
            return new Scores(0.0, 0.0, 0.0, 0);
        }
        double precision = 0.0;
        double recall = 0.0;
        double f1 = 0.0;
        for (Scores scores : classScores) {
            precision += scores.precision() * scores.support();
            recall += scores.recall() * scores.support();
            f1 += scores.f1() * scores.support();
        }
        return new Scores(precision / supportTotal, recall / supportTotal, f1 / supportTotal, supportTotal);
    }

    /**
     * The same report with display names for the classes, in the order of {@link #labels()}; scikit-learn's
     * {@code target_names}. Only the text changes; accessors still take class labels.
     *
     * @throws IllegalArgumentException if the number of names differs from the number of reported classes
     */
    public ClassificationReport withTargetNames(List<String> names) {
        Inputs.requireNonNull(names, "targetNames");
        if (names.size() != labels.length) {
            throw new IllegalArgumentException("targetNames has " + names.size() + " names but the report has "
                    + labels.length + " classes " + Arrays.toString(labels)
                    + ": give one name per reported class, in the order of labels()");
        }
        for (int i = 0; i < names.size(); i++) {
            Inputs.requireNonNull(names.get(i), "targetNames[" + i + "]");
        }
        return new ClassificationReport(labels, List.copyOf(names), classScores, microAverage, macroAverage,
                weightedAverage, accuracy, labelsAreObservedClasses);
    }

    /** Varargs form of {@link #withTargetNames(List)}. */
    public ClassificationReport withTargetNames(String... names) {
        return withTargetNames(Arrays.asList(Inputs.requireNonNull(names, "targetNames")));
    }

    /** The reported classes, in report order. */
    public int[] labels() {
        return labels.clone();
    }

    /** The names printed for the classes: the labels as text unless {@link #withTargetNames} supplied others. */
    public List<String> targetNames() {
        return targetNames;
    }

    /**
     * Precision, recall, F1 and support of one class.
     *
     * @throws IllegalArgumentException if {@code label} is not one of the reported classes
     */
    public Scores scoresFor(int label) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == label) {
                return classScores[i];
            }
        }
        throw new IllegalArgumentException("class " + label + " is not in this report, which covers "
                + Arrays.toString(labels) + ": ask for one of those classes");
    }

    /** Fraction of all samples classified correctly. */
    public double accuracy() {
        return accuracy;
    }

    /** Scores from the true positives, predictions and support pooled over the reported classes. */
    public Scores microAverage() {
        return microAverage;
    }

    /** Unweighted mean of the per-class scores. */
    public Scores macroAverage() {
        return macroAverage;
    }

    /** Mean of the per-class scores weighted by support. */
    public Scores weightedAverage() {
        return weightedAverage;
    }

    /** The report text with two decimals, identical to scikit-learn's {@code classification_report(..., digits=2)}. */
    @Override
    public String toString() {
        return toText(DEFAULT_DIGITS);
    }

    /**
     * The report text with {@code digits} decimals, identical to scikit-learn's
     * {@code classification_report(..., digits=digits)}: numbers are rounded half-to-even from their exact binary
     * value, as Python's {@code format} does.
     *
     * @throws IllegalArgumentException if {@code digits} is negative
     */
    public String toText(int digits) {
        if (digits < 0) {
            throw new IllegalArgumentException("digits is " + digits
                    + " but the number of decimals cannot be negative: pass 0 or more");
        }
        int nameWidth = WEIGHTED_HEADING.length();
        for (String name : targetNames) {
            nameWidth = Math.max(nameWidth, displayLength(name));
        }
        nameWidth = Math.max(nameWidth, digits);

        StringBuilder text = new StringBuilder();
        text.append(padLeft("", nameWidth)).append(' ');
        for (String header : HEADERS) {
            text.append(' ').append(padLeft(header, COLUMN_WIDTH));
        }
        text.append("\n\n");
        for (int i = 0; i < labels.length; i++) {
            appendLine(text, targetNames.get(i), classScores[i], nameWidth, digits);
        }
        text.append('\n');
        if (labelsAreObservedClasses) {
            // scikit-learn leaves the precision and recall cells blank and shows accuracy (micro F1) under f1-score.
            text.append(padLeft(ACCURACY_HEADING, nameWidth)).append(' ')
                    .append(' ').append(padLeft("", COLUMN_WIDTH))
                    .append(' ').append(padLeft("", COLUMN_WIDTH))
                    .append(' ').append(padLeft(fixed(microAverage.f1(), digits), COLUMN_WIDTH))
                    .append(' ').append(padLeft(support(microAverage.support()), COLUMN_WIDTH))
                    .append('\n');
        } else {
            appendLine(text, MICRO_HEADING, microAverage, nameWidth, digits);
        }
        appendLine(text, MACRO_HEADING, macroAverage, nameWidth, digits);
        appendLine(text, WEIGHTED_HEADING, weightedAverage, nameWidth, digits);
        return text.toString();
    }

    private void appendLine(StringBuilder text, String heading, Scores scores, int nameWidth, int digits) {
        text.append(padLeft(heading, nameWidth)).append(' ')
                .append(' ').append(padLeft(fixed(scores.precision(), digits), COLUMN_WIDTH))
                .append(' ').append(padLeft(fixed(scores.recall(), digits), COLUMN_WIDTH))
                .append(' ').append(padLeft(fixed(scores.f1(), digits), COLUMN_WIDTH))
                .append(' ').append(padLeft(support(scores.support()), COLUMN_WIDTH))
                .append('\n');
    }

    /**
     * scikit-learn 1.2 prints supports as floats ("3.0") when no sample at all is classified correctly: its
     * per-class counts then start from a floating-point array of zeros instead of integer counts. Copying the quirk
     * keeps the text identical to scikit-learn's for every input.
     */
    private String support(int support) {
        return accuracy == 0.0 ? support + ".0" : String.valueOf(support);
    }

    /**
     * Python's {@code format(value, ".{digits}f")}: correctly rounded, ties to even, from the exact binary value.
     * {@code String.format("%.2f")} rounds ties away from zero, which would print 0.125 as 0.13 instead of 0.12.
     */
    private static String fixed(double value, int digits) {
        return new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Python pads by code points, not UTF-16 units, so names outside the BMP must count as one character. */
    private static int displayLength(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(Math.max(0, width - displayLength(text))) + text;
    }
}
