package mlpkit.core.metrics;

import mlpkit.core.concept.Concept;

/**
 * The F1 score of each class, 2·tp_c / (2·tp_c + fp_c + fn_c) (0 where a class is neither true nor predicted correctly),
 * averaged over the classes in the true or predicted labels weighted by each class's support (its true rows): scikit-learn's
 * {@code f1_score(average='weighted')}. {@link #macro} is the unweighted mean ({@code average='macro'}), the metric
 * {@code f1_macro}. Reported when the run trains with weights or names it ({@link #reportedByDefault()}).
 */
public record F1() implements CountMetric {
    public static final Concept<Metric> CONCEPT = Concept.of(KIND, "f1")
            .summary("each class's F1 score averaged weighted by support (f1_score(average='weighted'))")
            .build(F1.class);

    /** The support-weighted F1 of predictions {@code yPred} of labels {@code yTrue}. */
    public static double weighted(int[] yTrue, int[] yPred) {
        return weighted(ClassCounts.of(yTrue, yPred, "F1"));
    }

    /** The mean F1 over the classes in the true or predicted labels. */
    public static double macro(int[] yTrue, int[] yPred) {
        return macro(ClassCounts.of(yTrue, yPred, "F1"));
    }

    static double of(ClassCounts counts, int c) {
        int denominator = 2 * counts.truePositives[c] + counts.falsePositives[c] + counts.falseNegatives[c];
        return denominator == 0 ? 0.0 : 2.0 * counts.truePositives[c] / denominator;
    }

    static double weighted(ClassCounts counts) {
        double sum = 0;
        long support = 0;
        for (int c = 0; c < counts.classes(); c++) {
            sum += counts.support(c) * of(counts, c);
            support += counts.support(c);
        }
        return sum / support;
    }

    static double macro(ClassCounts counts) {
        double sum = 0;
        int labels = 0;
        for (int c = 0; c < counts.classes(); c++) {
            if (counts.seen(c)) {
                sum += of(counts, c);
                labels++;
            }
        }
        return sum / labels;
    }

    @Override
    public double score(ClassCounts counts) {
        return weighted(counts);
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
