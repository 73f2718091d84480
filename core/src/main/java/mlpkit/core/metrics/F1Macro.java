package mlpkit.core.metrics;

import mlpkit.core.concept.Concept;

/**
 * The unweighted mean of each class's F1 score over the classes in the true or predicted labels: scikit-learn's
 * {@code f1_score(average='macro')} ({@link F1#macro}); every class counts the same, however rare. Reported when the
 * run trains with weights or names it ({@link #reportedByDefault()}).
 */
public record F1Macro() implements CountMetric {
    public static final Concept<Metric> CONCEPT = Concept.of(KIND, "f1_macro")
            .summary("the mean of each class's F1 score (f1_score(average='macro'))")
            .build(F1Macro.class);

    @Override
    public double score(ClassCounts counts) {
        return F1.macro(counts);
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
