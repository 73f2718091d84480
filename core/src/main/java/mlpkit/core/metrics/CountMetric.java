package mlpkit.core.metrics;

/**
 * A class metric that is a function of the per-class counts of true positives, false positives and false negatives
 * ({@link ClassCounts}): balanced accuracy, F1 weighted by support, macro F1. It counts each chunk's (label,
 * prediction) pairs, training batches included, and ends with {@link #score}; higher is better. These imbalance
 * metrics are reported when a run trains with weights or names them ({@link #reportedByDefault()} is false), so
 * unweighted runs keep the metrics they always had. The concept's own file says only its maths and its concept.
 */
interface CountMetric extends Metric {
    /** The metric of the counts gathered over a part. */
    double score(ClassCounts counts);

    @Override
    default Needs needs() {
        return Needs.CLASSES;
    }

    @Override
    default boolean higherIsBetter() {
        return true;
    }

    @Override
    default boolean onTrainingBatches() {
        return true;
    }

    @Override
    default boolean reportedByDefault() {
        return false;
    }

    @Override
    default Accumulator accumulator(int rows) {
        return ClassCounts.accumulator(this::score);
    }
}
