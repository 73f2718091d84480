package mlpkit.core.metrics;

/**
 * A metric of real-valued targets that is a figure of a part's whole columns (R², MAE, RMSE, explained
 * variance, max error): it collects the part's targets and outputs, then computes {@link #figure} once, so it
 * is not measured on the training batches but on the validation part each epoch and on every part at the end.
 * The concept's own file says only its maths, its direction ({@link #higherIsBetter}) and its concept.
 */
interface ValueMetric extends Metric {
    /** The figure of targets and predictions, both {@code n × m} (one row per sample). */
    double figure(double[][] yTrue, double[][] yPred);

    @Override
    default Needs needs() {
        return Needs.VALUES;
    }

    @Override
    default boolean onTrainingBatches() {
        return false;
    }

    @Override
    default Accumulator accumulator(int rows) {
        return Columns.collecting(rows, this::figure);
    }
}
