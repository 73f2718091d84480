package mlpkit.core.network;

/**
 * A differentiable function of a flat parameter vector: parameters in, loss and gradient out. Full-batch
 * methods (L-BFGS, gradient descent, the gradient check) minimise one; it may sum over data held anywhere
 * (a matrix here, the partitions of a cluster elsewhere). The loss is a sum over {@link Evaluation#rows()}
 * samples, so partial evaluations add up; its mean divides by {@link Evaluation#denominator()} (the rows, or a
 * weighted loss's sum of weights).
 */
public interface Objective {
    /**
     * A loss sum over some rows (and, filled by {@link #evaluate}, its gradient), with the denominator of its mean:
     * the row count, or for a weighted loss Σ w_i ℓ_i the D of its {@link mlpkit.core.loss.WeightNormalization}.
     */
    record Evaluation(double lossSum, long rows, double denominator) {
        /** An unweighted sum: its mean divides by the row count. */
        public Evaluation(double lossSum, long rows) {
            this(lossSum, rows, rows);
        }

        /** The mean loss: the sum over {@link #denominator()} (per row when unweighted). */
        public double mean() {
            return lossSum / denominator;
        }
    }

    /** The number of parameters. */
    int dimension();

    /**
     * The loss at {@code parameters} (not modified), with its gradient written into {@code gradient} (same
     * length; overwritten).
     */
    Evaluation evaluate(double[] parameters, double[] gradient);

    /** The loss at {@code parameters} alone (no gradient). */
    Evaluation value(double[] parameters);
}
