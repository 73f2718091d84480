package mlpkit.core.optim;

/**
 * An update rule whose step of entry i reads only {@code params[i]}, {@code grads[i]} and the state arrays' entry i (and
 * scalars of the step: η, t): it is written once, for a range of entries, and a training loop can update the ranges on
 * different threads ({@link ParameterShares}) with the same bits as one call over all.
 */
public interface EntryWiseUpdate extends OptimizerSpec {
    @Override
    default boolean entryWise() {
        return true;
    }

    @Override
    default void update(double[] params, double[] grads, double[][] state, double eta, long t) {
        update(params, grads, state, eta, t, 0, params.length);
    }

    /** The step of entries [from, to). */
    @Override
    void update(double[] params, double[] grads, double[][] state, double eta, long t, int from, int to);
}
