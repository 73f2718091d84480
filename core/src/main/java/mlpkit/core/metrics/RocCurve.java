package mlpkit.core.metrics;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Receiver operating characteristic of a binary scorer, computed as scikit-learn 1.2's {@code roc_curve}, and the
 * area under it as {@code roc_auc_score}.
 *
 * <p>Samples with equal scores are one threshold, so a tie between a positive and a negative becomes a diagonal
 * segment and counts as half a correctly ordered pair in the area. Point {@code i} of the curve classifies a sample as
 * positive when its score is {@code >= thresholds()[i]}; point 0 is (0, 0) with threshold
 * {@code max(score) + 1}, the convention of scikit-learn 1.2 (later versions use infinity).
 */
public final class RocCurve {

    private static final String METRIC = "a ROC curve";

    private final double[] falsePositiveRates;
    private final double[] truePositiveRates;
    private final double[] thresholds;

    private RocCurve(double[] falsePositiveRates, double[] truePositiveRates, double[] thresholds) {
        this.falsePositiveRates = falsePositiveRates;
        this.truePositiveRates = truePositiveRates;
        this.thresholds = thresholds;
    }

    /**
     * The curve with collinear intermediate points dropped, scikit-learn's default {@code drop_intermediate=True}.
     *
     * @param yTrue  0 (negative) or 1 (positive) per sample; both classes must occur
     * @param scores finite score per sample, higher meaning more likely positive
     * @throws IllegalArgumentException if lengths differ, a label is not 0/1, a score is not finite, or only one class
     *                                  is present
     */
    public static RocCurve of(int[] yTrue, double[] scores) {
        return of(yTrue, scores, true);
    }

    /**
     * @param dropIntermediate whether to drop points that lie on a straight line between their neighbours; they never
     *                         change the plotted curve or its area
     * @see #of(int[], double[])
     */
    public static RocCurve of(int[] yTrue, double[] scores, boolean dropIntermediate) {
        Inputs.requireNonNull(yTrue, "yTrue");
        Inputs.requireNonNull(scores, "scores");
        Inputs.requireSameLength("yTrue", yTrue.length, "scores", scores.length, "pass one score per sample");
        Inputs.requireNotEmpty("yTrue", yTrue.length, METRIC);
        Inputs.requireBinaryLabels("yTrue", yTrue, METRIC);
        Inputs.requireFinite("scores", scores);
        requireBothClasses(yTrue);

        Integer[] byDescendingScore = new Integer[scores.length];
        for (int i = 0; i < scores.length; i++) {
            byDescendingScore[i] = i;
        }
        Arrays.sort(byDescendingScore, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());

        // One point per distinct score: cumulative counts after every sample with that score is called positive.
        int[] truePositives = new int[scores.length];
        int[] falsePositives = new int[scores.length];
        double[] distinctScores = new double[scores.length];
        int points = 0;
        int positivesSoFar = 0;
        for (int rank = 0; rank < scores.length; rank++) {
            int sample = byDescendingScore[rank];
            positivesSoFar += yTrue[sample];
            boolean lastOfItsScore = rank == scores.length - 1
                    || scores[byDescendingScore[rank + 1]] != scores[sample];
            if (lastOfItsScore) {
                truePositives[points] = positivesSoFar;
                falsePositives[points] = rank + 1 - positivesSoFar;
                distinctScores[points] = scores[sample];
                points++;
            }
        }

        boolean[] keep = new boolean[points];
        for (int i = 0; i < points; i++) {
            keep[i] = !dropIntermediate || points <= 2 || i == 0 || i == points - 1
                    || isCorner(falsePositives, i) || isCorner(truePositives, i);
        }

        int kept = 0;
        for (boolean k : keep) {
            kept += k ? 1 : 0;
        }
        double totalPositives = truePositives[points - 1];
        double totalNegatives = falsePositives[points - 1];
        double[] falsePositiveRates = new double[kept + 1];
        double[] truePositiveRates = new double[kept + 1];
        double[] thresholds = new double[kept + 1];
        // The extra first point makes every curve start at (0, 0): nothing scores above max(score) + 1.
        thresholds[0] = distinctScores[0] + 1;
        int next = 1;
        for (int i = 0; i < points; i++) {
            if (keep[i]) {
                falsePositiveRates[next] = falsePositives[i] / totalNegatives;
                truePositiveRates[next] = truePositives[i] / totalPositives;
                thresholds[next] = distinctScores[i];
                next++;
            }
        }
        return new RocCurve(falsePositiveRates, truePositiveRates, thresholds);
    }

    /** A point is a corner unless it lies on the straight line through its two neighbours (zero second difference). */
    private static boolean isCorner(int[] cumulativeCounts, int i) {
        return cumulativeCounts[i + 1] - 2 * cumulativeCounts[i] + cumulativeCounts[i - 1] != 0;
    }

    private static void requireBothClasses(int[] yTrue) {
        int positives = 0;
        for (int label : yTrue) {
            positives += label;
        }
        if (positives == 0 || positives == yTrue.length) {
            int onlyClass = positives == 0 ? 0 : 1;
            throw new IllegalArgumentException("yTrue contains only class " + onlyClass + " (" + yTrue.length
                    + " samples) but a ROC curve needs at least one positive (1) and one negative (0) sample;"
                    + " ROC AUC is not defined when only one class is present: evaluate on samples of both classes");
        }
    }

    /**
     * Area under the ROC curve, scikit-learn's {@code roc_auc_score} for binary labels: the probability that a random
     * positive scores above a random negative, ties counting one half.
     *
     * @throws IllegalArgumentException under the same conditions as {@link #of(int[], double[])}
     */
    public static double auc(int[] yTrue, double[] scores) {
        return of(yTrue, scores).area();
    }

    /** Area under this curve by the trapezoidal rule, as scikit-learn's {@code auc(fpr, tpr)}. */
    public double area() {
        double area = 0.0;
        for (int i = 1; i < falsePositiveRates.length; i++) {
            double width = falsePositiveRates[i] - falsePositiveRates[i - 1];
            area += width * (truePositiveRates[i] + truePositiveRates[i - 1]) / 2.0;
        }
        return area;
    }

    /** False positive rate of each point, non-decreasing from 0 to 1. */
    public double[] falsePositiveRates() {
        return falsePositiveRates.clone();
    }

    /** True positive rate (recall) of each point, non-decreasing from 0 to 1. */
    public double[] truePositiveRates() {
        return truePositiveRates.clone();
    }

    /** Score threshold of each point, decreasing; the first is {@code max(score) + 1}. */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** Number of points on the curve. */
    public int size() {
        return thresholds.length;
    }
}
