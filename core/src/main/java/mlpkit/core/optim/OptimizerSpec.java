package mlpkit.core.optim;

import java.util.List;
import mlpkit.core.concept.Conceptual;
import mlpkit.core.concept.Kind;
import mlpkit.core.network.Objective;

/**
 * An optimiser as configured: its update rule and hyper-parameters, an immutable value such as
 * {@code adam(lr=0.01)}. Each optimiser is one concept file declaring its parameters and its update rule
 * ({@link #update}); {@link #start} makes the stateful {@link Optimizer} that a training run steps.
 *
 * <p>Every optimiser has a base learning rate {@code lr} (a schedule may change it from epoch to epoch),
 * a {@code weightDecay} (an L2 penalty on the masked entries, or decoupled for AdamW) and a
 * {@code clipNorm} (clipping by global norm; 0 = off): the shared parameters of {@link OptimizerParams}.
 */
public interface OptimizerSpec extends Conceptual {
    /** The kind "optimiser": arguments written by name, {@code sgd(lr=0.5, momentum=0.9)}. */
    Kind<OptimizerSpec> KIND = Kind.named("optimiser", OptimizerSpec.class);

    /** The base learning rate η. */
    double lr();

    /** The weight decay λ (L2 on the masked entries, or decoupled when {@link #decoupledDecay()}). */
    double weightDecay();

    /** The largest global gradient norm; 0 disables clipping. */
    double clipNorm();

    /** Whether the weight decay shrinks the parameters directly (AdamW) instead of adding λθ to the gradient. */
    default boolean decoupledDecay() {
        return false;
    }

    /**
     * Whether the L2 weight decay is divided by the batch's row count (λθ/rows, scikit-learn's {@code alpha};
     * {@code weightDecayPer=sample}) instead of added as λθ to the mean gradient. False unless the optimiser
     * declares {@link OptimizerParams#weightDecayPer()}.
     */
    default boolean weightDecayPerSample() {
        return false;
    }

    /** The names of the optimiser's state arrays, one entry per parameter each ({@code m}, {@code v}); may be empty. */
    List<String> stateNames();

    /** The starting value of every entry of state array {@code k} (0 unless the rule says otherwise). */
    default double initialState(int k) {
        return 0.0;
    }

    /**
     * The update rule: θ ← θ − … in place, for the already clipped and decayed gradient {@code grads},
     * with the state arrays in {@link #stateNames()} order, learning rate {@code eta} and step number
     * {@code t} (1 for the first step).
     */
    void update(double[] params, double[] grads, double[][] state, double eta, long t);

    /**
     * Whether {@link #update(double[], double[], double[][], double, long, int, int)} updates any range of entries on
     * its own: each entry's step reads only its own gradient and state, so ranges updated apart (on different threads)
     * give the same bits as one call over all. True of every built-in rule ({@link EntryWiseUpdate}).
     */
    default boolean entryWise() {
        return false;
    }

    /**
     * The update rule on entries [from, to) only, for an {@link #entryWise} rule; any other updates all entries at
     * once ({@code from = 0, to = params.length}).
     */
    default void update(double[] params, double[] grads, double[][] state, double eta, long t, int from, int to) {
        if (from != 0 || to != params.length) {
            throw new UnsupportedOperationException(concept().name() + " updates all " + params.length + " entries at once, "
                    + "not entries [" + from + ", " + to + ") on their own; declare it entry-wise (EntryWiseUpdate) "
                    + "if each entry's step reads only its own gradient and state");
        }
        update(params, grads, state, eta, t);
    }

    /** A stateful optimiser running this rule; weight decay applies where {@code decayMask} is true (all when null). */
    default Optimizer start(boolean[] decayMask) {
        return new OptimizerRun(this, decayMask);
    }

    /** A stateful optimiser running this rule, decaying every entry. */
    default Optimizer start() {
        return start(null);
    }

    /**
     * Whether this is a full-batch method (L-BFGS): one step per epoch over every training row, driven through
     * {@link #startFullBatch} instead of {@link #start}. The training loop asks this, never the concrete class.
     */
    default boolean fullBatch() {
        return false;
    }

    /**
     * A run of this full-batch method on {@code objective} from {@code start} (copied), at most {@code maxIter}
     * iterations, with the weight decay as an L2 penalty on the entries {@code decayMask} marks (all when null).
     *
     * @throws UnsupportedOperationException unless {@link #fullBatch()}
     */
    default FullBatchRun startFullBatch(Objective objective, double[] start, int maxIter, boolean[] decayMask) {
        throw new UnsupportedOperationException(notation() + " steps on mini-batches, not full-batch: use start(decayMask)");
    }
}
