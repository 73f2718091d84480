package mlpkit.core.optim;

import java.util.Map;

/**
 * The learning rate of a run, epoch by epoch. The training loop calls {@link #rate} at the start of every
 * epoch, with the 0-based epoch index, passes the result to every {@link Optimizer#step} of that epoch,
 * and calls {@link #epochEnded} with the epoch's metrics when it is over. Most schedules depend only on
 * the epoch; one that watches a metric (reduce on plateau) keeps state, which a checkpoint saves with
 * {@link #exportState} and a resumed run restores.
 */
public interface LearningRateSchedule {

    /**
     * The learning rate for {@code epoch}.
     *
     * @param baseRate the initial learning rate {@code eta_0 > 0}
     * @param epoch    the 0-based epoch index, {@code >= 0}
     * @throws IllegalArgumentException if {@code baseRate} is not positive and finite or {@code epoch < 0}
     */
    double rate(double baseRate, int epoch);

    /** The metrics of the epoch just ended ({@code train_loss}, {@code val_loss}, …; epoch 0-based). */
    default void epochEnded(int epoch, Map<String, Double> metrics) {
    }

    /**
     * Whether the schedule has run its course and asks the training loop to end the run after this epoch
     * (scikit-learn's {@code adaptive} with {@code stop=true}); false for every schedule by default.
     */
    default boolean ended() {
        return false;
    }

    /** The schedule's state; empty for a schedule that depends only on the epoch. */
    default double[] exportState() {
        return new double[0];
    }

    /** Restores a state from {@link #exportState}. */
    default void restoreState(double[] state) {
        if (state.length != 0) {
            throw new IllegalArgumentException("this schedule keeps no state, but a state of " + state.length
                    + " values was given: the checkpoint belongs to another schedule");
        }
    }
}
