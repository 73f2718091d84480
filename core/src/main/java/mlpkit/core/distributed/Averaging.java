package mlpkit.core.distributed;

import mlpkit.core.optim.OptimizerState;

/**
 * A parameter-averaging session over distributed rows: in each {@link #round} every partition starts from the
 * driver's parameters (and, under {@link AveragingPlan.StateRule#AVERAGE}, its optimiser state), trains locally as
 * the {@link AveragingPlan} says, and the driver receives the row-weighted average of the partitions' parameters
 * and states. Each partition's shuffling and dropout streams continue from round to round, so a run repeats exactly.
 */
public interface Averaging extends AutoCloseable {

    /**
     * What a round returned besides the averaged parameters.
     *
     * @param state   the averaged optimiser state (under {@code RESET}: the fresh state, step 0)
     * @param lossSum the sum over the round's batches of each batch's loss times its rows (the local loop's training loss)
     * @param rows    rows visited over all partitions (a row visited twice counts twice)
     * @param steps   the largest number of local steps a partition took
     */
    record Round(OptimizerState state, double lossSum, long rows, int steps) {
        /** The mean training loss per visited row, as a local epoch reports it. */
        public double meanLoss() {
            return lossSum / rows;
        }
    }

    /**
     * One round at {@code learningRate}: {@code parameters} (read, then overwritten with the average) and
     * {@code state} (the driver's optimiser state; null for a fresh one).
     */
    Round round(double[] parameters, OptimizerState state, double learningRate);

    @Override
    void close();
}
