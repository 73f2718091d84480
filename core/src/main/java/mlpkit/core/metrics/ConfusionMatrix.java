package mlpkit.core.metrics;

import java.util.Arrays;

/**
 * Counts of (true class, predicted class) pairs, laid out like scikit-learn's {@code confusion_matrix}: row {@code i}
 * is the true class {@code i}, column {@code j} the predicted class {@code j}.
 */
public final class ConfusionMatrix {

    private static final String CORNER_LABEL = "true\\pred";
    private static final String COLUMN_GAP = "  ";

    private final int[][] counts;

    private ConfusionMatrix(int[][] counts) {
        this.counts = counts;
    }

    /**
     * Builds the matrix with one row and column per class {@code 0..K-1}, where {@code K} is one more than the
     * largest label in either array.
     *
     * @throws IllegalArgumentException if the arrays are empty, differ in length or hold a negative label
     */
    public static ConfusionMatrix of(int[] yTrue, int[] yPred) {
        checkSamples(yTrue, yPred);
        if (yTrue.length == 0) {
            throw new IllegalArgumentException("yTrue is empty but the class count is inferred from the largest label:"
                    + " pass at least one sample, or give the class count with of(yTrue, yPred, classCount)");
        }
        int classCount = Math.max(Inputs.maxOf(yTrue), Inputs.maxOf(yPred)) + 1;
        return count(yTrue, yPred, classCount);
    }

    /**
     * Builds the matrix with one row and column per class {@code 0..classCount-1}, so classes that never occur still
     * get a (zero) row and column.
     *
     * @throws IllegalArgumentException if the arrays differ in length or hold a label outside {@code 0..classCount-1}
     */
    public static ConfusionMatrix of(int[] yTrue, int[] yPred, int classCount) {
        if (classCount < 1) {
            throw new IllegalArgumentException("classCount is " + classCount
                    + " but at least 1 class is needed: pass the number of classes K (labels 0..K-1)");
        }
        checkSamples(yTrue, yPred);
        requireBelow("yTrue", yTrue, classCount);
        requireBelow("yPred", yPred, classCount);
        return count(yTrue, yPred, classCount);
    }

    private static void checkSamples(int[] yTrue, int[] yPred) {
        Inputs.requireNonNull(yTrue, "yTrue");
        Inputs.requireNonNull(yPred, "yPred");
        Inputs.requireSameLength("yTrue", yTrue.length, "yPred", yPred.length, "pass one prediction per sample");
        Inputs.requireClassLabels("yTrue", yTrue);
        Inputs.requireClassLabels("yPred", yPred);
    }

    private static void requireBelow(String name, int[] labels, int classCount) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= classCount) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + labels[i] + " but classCount is "
                        + classCount + ", so labels must lie in 0.." + (classCount - 1)
                        + ": pass a larger classCount or fix the label");
            }
        }
    }

    private static ConfusionMatrix count(int[] yTrue, int[] yPred, int classCount) {
        int[][] counts = new int[classCount][classCount];
        for (int i = 0; i < yTrue.length; i++) {
            counts[yTrue[i]][yPred[i]]++;
        }
        return new ConfusionMatrix(counts);
    }

    /** Number of classes, i.e. rows (and columns) of the matrix. */
    public int classCount() {
        return counts.length;
    }

    /** Number of samples of class {@code trueClass} that were predicted as {@code predictedClass}. */
    public int count(int trueClass, int predictedClass) {
        requireClass("trueClass", trueClass);
        requireClass("predictedClass", predictedClass);
        return counts[trueClass][predictedClass];
    }

    /** Number of samples whose true class is {@code trueClass} (the row total), scikit-learn's "support". */
    public int support(int trueClass) {
        requireClass("trueClass", trueClass);
        int total = 0;
        for (int count : counts[trueClass]) {
            total += count;
        }
        return total;
    }

    /** Number of samples predicted as {@code predictedClass} (the column total). */
    public int predictedCount(int predictedClass) {
        requireClass("predictedClass", predictedClass);
        int total = 0;
        for (int[] row : counts) {
            total += row[predictedClass];
        }
        return total;
    }

    /** Number of correctly classified samples (the diagonal total). */
    public int correctCount() {
        int total = 0;
        for (int c = 0; c < counts.length; c++) {
            total += counts[c][c];
        }
        return total;
    }

    /** Number of samples counted in the matrix. */
    public int total() {
        int total = 0;
        for (int[] row : counts) {
            for (int count : row) {
                total += count;
            }
        }
        return total;
    }

    /** A copy of the counts, {@code [true class][predicted class]}. */
    public int[][] toArray() {
        int[][] copy = new int[counts.length][];
        for (int row = 0; row < counts.length; row++) {
            copy[row] = counts[row].clone();
        }
        return copy;
    }

    private void requireClass(String name, int label) {
        if (label < 0 || label >= counts.length) {
            throw new IllegalArgumentException(name + " is " + label + " but this matrix has classes 0.."
                    + (counts.length - 1) + ": ask for a class inside that range");
        }
    }

    /**
     * The matrix as a right-aligned table: a header row of predicted classes, then one row per true class, e.g.
     * <pre>
     * true\pred  0  1  2
     *         0  2  0  0
     *         1  0  1  2
     *         2  1  0  2
     * </pre>
     */
    @Override
    public String toString() {
        int cellWidth = String.valueOf(counts.length - 1).length();
        for (int[] row : counts) {
            for (int count : row) {
                cellWidth = Math.max(cellWidth, String.valueOf(count).length());
            }
        }
        int rowLabelWidth = Math.max(CORNER_LABEL.length(), String.valueOf(counts.length - 1).length());
        StringBuilder table = new StringBuilder();
        table.append(padLeft(CORNER_LABEL, rowLabelWidth));
        for (int predicted = 0; predicted < counts.length; predicted++) {
            table.append(COLUMN_GAP).append(padLeft(String.valueOf(predicted), cellWidth));
        }
        table.append('\n');
        for (int actual = 0; actual < counts.length; actual++) {
            table.append(padLeft(String.valueOf(actual), rowLabelWidth));
            for (int predicted = 0; predicted < counts.length; predicted++) {
                table.append(COLUMN_GAP).append(padLeft(String.valueOf(counts[actual][predicted]), cellWidth));
            }
            table.append('\n');
        }
        return table.toString();
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfusionMatrix that && Arrays.deepEquals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }
}
