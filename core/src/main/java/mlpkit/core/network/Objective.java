package mlpkit.core.network;

/**
 * A differentiable function of a flat parameter vector: parameters in, loss and gradient out. Full-batch
 * methods (L-BFGS, gradient descent, the gradient check) minimise one; it may sum over data held anywhere
 * (a matrix here, the partitions of a cluster elsewhere). The loss is a sum over {@link Evaluation#rows()}
 * samples, so partial evaluations add up.
 */
public interface Objective {
    /** A loss sum over some rows (and, filled by {@link #evaluate}, its gradient). */
    record Evaluation(double lossSum, long rows) {
        /** The mean loss per row. */
        public double mean() {
            return lossSum / rows;
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
