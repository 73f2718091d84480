package mlpkit.core.optim;

/**
 * A first-order optimiser working on one flat parameter vector: an {@link OptimizerSpec} with its state.
 *
 * <p>All network parameters live in one {@code double[] params}; the reduced gradient of the
 * loss (mean or sum over the mini-batch, the caller decides) lives in one {@code double[] grads}
 * of the same length. {@link #step} updates {@code params} in place.
 *
 * <p>State (momentum, moment estimates, ...) is one flat array per quantity, allocated on the
 * first {@code step} (size taken from {@code params.length}) or by an explicit {@link #init};
 * afterwards every {@code step} must use that same size. Steps allocate nothing.
 *
 * <p>{@link #exportState()} and {@link #restoreState} snapshot and restore that state together
 * with the step counter; continuing after a restore is bit-for-bit identical to an uninterrupted
 * run with the same inputs.
 *
 * <p>Implementations are not thread-safe.
 */
public interface Optimizer {

    /** The rule and hyper-parameters this optimiser runs. */
    OptimizerSpec spec();

    /**
     * Allocates the state for {@code size} parameters ahead of the first step. Calling it again
     * with the same size keeps the current state (it does not reset anything); use
     * {@link #reset()} to start afresh.
     *
     * @throws IllegalArgumentException if {@code size < 0}, if the state is already allocated for
     *                                  another size, or if the decay mask has another length
     */
    void init(int size);

    /**
     * Performs one update of {@code params} in place.
     *
     * <p><b>{@code grads} may be modified in place</b>: gradient clipping scales it and L2 weight
     * decay adds {@code lambda * theta} to it before the update. Pass a copy if the caller still
     * needs the raw gradient afterwards.
     *
     * @param params       the parameters {@code theta}, updated in place
     * @param grads        the already reduced gradient {@code g}, same length; may be overwritten
     * @param learningRate the step size {@code eta > 0} for this step (e.g. from a
     *                     {@link LearningRateSchedule})
     * @throws IllegalArgumentException if the lengths differ from each other or from the
     *                                  allocated state, or if {@code learningRate} is not
     *                                  positive and finite
     */
    void step(double[] params, double[] grads, double learningRate);

    /**
     * {@link #step(double[], double[], double)} for a gradient that is the mean over a batch of {@code rows}
     * rows: an optimiser whose L2 decay is per sample ({@link OptimizerSpec#weightDecayPerSample()}) adds
     * {@code lambda * theta / rows}; any other ignores {@code rows}.
     *
     * @throws IllegalArgumentException as the three-argument step, or if {@code rows < 1}
     */
    void step(double[] params, double[] grads, double learningRate, int rows);

    /**
     * {@link #step(double[], double[], double)} for a gradient that is a weighted mean over a batch,
     * {@code Σ w_i g_i / Σ w_i}, whose weights sum to {@code sumOfWeights}: an optimiser whose L2 decay is per sample
     * ({@link OptimizerSpec#weightDecayPerSample()}) adds {@code lambda * theta / sumOfWeights}, as scikit-learn ≥ 1.7's
     * MLP divides {@code alpha * W} by the batch's {@code sample_weight.sum()}; any other ignores it. With every weight
     * 1 this is the step of {@code rows} rows.
     *
     * @throws IllegalArgumentException as the three-argument step, or if {@code sumOfWeights} is not positive and finite
     */
    void stepWeighted(double[] params, double[] grads, double learningRate, double sumOfWeights);

    /**
     * Lets the steps update on kernel threads, each thread its share of the entries ({@link ParameterShares}); null,
     * the default, updates on the calling thread. The results do not change.
     */
    default void useThreads(ParameterShares shares) {
    }

    /** The number of completed steps {@code t} (0 before the first step). */
    long stepCount();

    /** Forgets all state: the arrays are dropped (re-allocated lazily) and {@code t = 0}. */
    void reset();

    /** A deep copy of the current state and step counter. */
    OptimizerState exportState();

    /**
     * Replaces the current state by a copy of {@code state}.
     *
     * <p>A state exported before the first step (no arrays, {@code step == 0}) resets this
     * optimiser. Otherwise the state must come from an optimiser of the same kind with the same
     * array names, and, if this optimiser is already sized, for the same parameter count.
     *
     * @throws IllegalArgumentException naming what was expected and what was received, if the
     *                                  kind, the array names or the size do not match
     */
    void restoreState(OptimizerState state);

    /** The specification in the notation, e.g. {@code sgd(momentum=0.9, nesterov=true)} or {@code adam}. */
    default String notation() {
        return spec().notation();
    }
}
