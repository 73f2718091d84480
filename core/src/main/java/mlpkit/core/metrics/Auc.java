package mlpkit.core.metrics;

import mlpkit.core.concept.Concept;

/**
 * The metric {@code auc}: the area under the ROC curve of the score of class 1, ties as scikit-learn's
 * {@code roc_auc_score} ({@link RocCurve#auc}). Two classes, both present; undefined when a score is not finite.
 */
public record Auc() implements Metric {
    public static final Concept<Metric> CONCEPT = Concept.of(KIND, "auc")
            .summary("the area under the ROC curve (two classes)")
            .build(Auc.class);

    @Override
    public Needs needs() {
        return Needs.TWO_CLASSES;
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public boolean onTrainingBatches() {
        return false;
    }

    @Override
    public Accumulator accumulator(int rows) {
        int[] labels = new int[rows];
        double[] scores = new double[rows];
        return new Accumulator() {
            private int seen;
            private boolean finite = true;

            @Override
            public void add(Chunk chunk) {
                for (int r = 0; r < chunk.rows(); r++) {
                    labels[seen + r] = chunk.label(r);
                    scores[seen + r] = chunk.positiveScore(r);
                    finite &= Double.isFinite(scores[seen + r]);
                }
                seen += chunk.rows();
            }

            @Override
            public boolean defined() {
                return finite;
            }

            @Override
            public double result() {
                if (!finite) {
                    return Double.NaN;
                }
                return RocCurve.auc(seen == labels.length ? labels : java.util.Arrays.copyOf(labels, seen),
                        seen == scores.length ? scores : java.util.Arrays.copyOf(scores, seen));
            }
        };
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
