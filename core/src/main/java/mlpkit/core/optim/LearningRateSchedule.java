package mlpkit.core.optim;

/**
 * A learning-rate schedule by epoch. The training loop calls {@link #rate} at the start of every
 * epoch, with the 0-based epoch index, and passes the result to every {@link Optimizer#step} of
 * that epoch.
 *
 * <p>Implementations are immutable and stateless: the rate depends only on the arguments, so a
 * resumed run needs no schedule state, just the epoch index.
 */
public interface LearningRateSchedule {

    /**
     * The learning rate for {@code epoch}.
     *
     * @param baseRate the initial learning rate {@code eta_0 > 0}
     * @param epoch    the 0-based epoch index, {@code >= 0}
     * @return the rate to use during that epoch, {@code baseRate} at epoch 0 for every built-in
     *         schedule
     * @throws IllegalArgumentException if {@code baseRate} is not positive and finite or
     *                                  {@code epoch < 0}
     */
    double rate(double baseRate, int epoch);

    /** A compact, call-like description, e.g. {@code step(every=10, factor=0.5)}. */
    String notation();
}
