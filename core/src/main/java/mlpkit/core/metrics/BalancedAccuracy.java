package mlpkit.core.metrics;

import mlpkit.core.concept.Concept;

/**
 * The mean over the classes present in the true labels of each class's recall, tp_c / (tp_c + fn_c) (scikit-learn's
 * {@code balanced_accuracy_score}, not adjusted): accuracy that counts every class equally, so predicting only the
 * majority class of a 90/10 set scores 0.5, not 0.9. Reported when the run trains with weights or names it
 * ({@link #reportedByDefault()}).
 */
public record BalancedAccuracy() implements CountMetric {
    public static final Concept<Metric> CONCEPT = Concept.of(KIND, "balanced_accuracy")
            .summary("the mean over the true classes of each class's recall (scikit-learn's balanced_accuracy_score)")
            .build(BalancedAccuracy.class);

    /** Balanced accuracy of predictions {@code yPred} of labels {@code yTrue}, in {@code [0, 1]}. */
    public static double of(int[] yTrue, int[] yPred) {
        return new BalancedAccuracy().score(ClassCounts.of(yTrue, yPred, "balanced accuracy"));
    }

    @Override
    public double score(ClassCounts counts) {
        double sum = 0;
        int present = 0;
        for (int c = 0; c < counts.classes(); c++) {
            int support = counts.support(c);
            if (support > 0) {
                sum += (double) counts.truePositives[c] / support;
                present++;
            }
        }
        return sum / present;
    }

    @Override
    public Concept<Metric> concept() {
        return CONCEPT;
    }

    @Override
    public String toString() {
        return notation();
    }
}
