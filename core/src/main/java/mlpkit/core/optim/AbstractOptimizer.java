package mlpkit.core.optim;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The machinery shared by the built-in optimisers: argument checks, lazy state allocation,
 * the step counter, state export/restore, and the {@link OptimizerOptions} applied before each
 * update, in this order:
 * <ol>
 *   <li>clip {@code g} by global norm if {@code clipNorm > 0};</li>
 *   <li>weight decay if {@code weightDecay > 0}, on the entries selected by the mask: either L2,
 *       {@code g_i += lambda * theta_i}, or, for AdamW, decoupled,
 *       {@code theta_i -= eta * lambda * theta_i};</li>
 *   <li>{@code t += 1} and the optimiser's own update.</li>
 * </ol>
 * The hierarchy is sealed; write a custom optimiser against {@link Optimizer} directly.
 */
public abstract sealed class AbstractOptimizer implements Optimizer permits Sgd, RmsProp, Adam, AdamW {

    private final String kind;
    private final String[] stateNames;
    private final OptimizerOptions options;
    private final double weightDecay;
    private final double clipNorm;
    private final boolean[] decayMask;
    private final boolean decoupledDecay;

    /** {@code null} until allocated; {@code state[k]} belongs to {@code stateNames[k]}. */
    private double[][] state;
    /** The parameter count the state was allocated for, or -1 before allocation. */
    private int size = -1;
    private long t;

    AbstractOptimizer(String kind, List<String> stateNames, OptimizerOptions options, boolean decoupledDecay) {
        this.kind = kind;
        this.stateNames = stateNames.toArray(new String[0]);
        this.options = Objects.requireNonNull(options, "options");
        this.weightDecay = options.weightDecay();
        this.clipNorm = options.clipNorm();
        this.decayMask = options.maskView(); // the record's private copy, never exposed
        this.decoupledDecay = decoupledDecay;
    }

    /** The options this optimiser was built with. */
    public final OptimizerOptions options() {
        return options;
    }

    /** The kind written into exported states, e.g. {@code "adam"}. */
    public final String kind() {
        return kind;
    }

    @Override
    public final void init(int size) {
        if (size < 0) {
            throw Validation.fail("size", Integer.toString(size), "[0, " + Integer.MAX_VALUE + "]",
                    "pass the number of parameters, params.length");
        }
        ensureAllocated(size);
    }

    @Override
    public final void step(double[] params, double[] grads, double learningRate) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(grads, "grads");
        if (grads.length != params.length) {
            throw new IllegalArgumentException("grads has length " + grads.length + " but params has length "
                    + params.length + "; pass one gradient entry per parameter, in the same order");
        }
        Validation.learningRate("learningRate", learningRate);
        ensureAllocated(params.length);

        if (clipNorm > 0) {
            GradientClipping.clipByGlobalNorm(grads, clipNorm);
        }
        if (weightDecay > 0) {
            if (decoupledDecay) {
                applyDecoupledDecay(params, learningRate * weightDecay);
            } else {
                addL2Gradient(params, grads);
            }
        }
        t++;
        update(params, grads, learningRate, t);
    }

    /** {@code g_i += lambda * theta_i} on the masked entries (gradient of lambda/2 ||theta||^2). */
    private void addL2Gradient(double[] params, double[] grads) {
        final double lambda = weightDecay;
        final boolean[] mask = decayMask;
        if (mask == null) {
            for (int i = 0; i < params.length; i++) {
                grads[i] += lambda * params[i];
            }
        } else {
            for (int i = 0; i < params.length; i++) {
                if (mask[i]) {
                    grads[i] += lambda * params[i];
                }
            }
        }
    }

    /**
     * {@code theta_i <- theta_i - eta*lambda*theta_i}, computed as PyTorch's AdamW does,
     * {@code theta_i *= 1 - eta*lambda}.
     */
    private void applyDecoupledDecay(double[] params, double etaLambda) {
        final double keep = 1.0 - etaLambda;
        final boolean[] mask = decayMask;
        if (mask == null) {
            for (int i = 0; i < params.length; i++) {
                params[i] *= keep;
            }
        } else {
            for (int i = 0; i < params.length; i++) {
                if (mask[i]) {
                    params[i] *= keep;
                }
            }
        }
    }

    /**
     * The optimiser's own update, after clipping and weight decay.
     *
     * @param t the step number of this update, 1 for the first step
     */
    abstract void update(double[] params, double[] grads, double learningRate, long t);

    /** Adds the optimiser's own non-default options to the notation. */
    abstract void describe(Notation notation);

    /** The default weight decay, which the notation omits (0; AdamW overrides with 0.01). */
    double defaultWeightDecay() {
        return 0.0;
    }

    /** The state array registered under index {@code k} of the constructor's name list. */
    final double[] state(int k) {
        return state[k];
    }

    private void ensureAllocated(int n) {
        if (size == n) {
            return;
        }
        if (size >= 0) {
            throw new IllegalArgumentException("this " + kind + " optimiser's state was allocated for " + size
                    + " parameters but got " + n + "; use one optimiser per parameter vector, or call reset() "
                    + "to drop the state and start over");
        }
        checkMaskLength(n);
        double[][] fresh = new double[stateNames.length][];
        for (int k = 0; k < fresh.length; k++) {
            fresh[k] = new double[n];
        }
        state = fresh;
        size = n;
    }

    private void checkMaskLength(int n) {
        if (decayMask != null && decayMask.length != n) {
            throw new IllegalArgumentException("decayMask has length " + decayMask.length + " but the parameter "
                    + "vector has " + n + " entries; pass one flag per parameter (false for biases) or a null mask");
        }
    }

    @Override
    public final long stepCount() {
        return t;
    }

    @Override
    public final void reset() {
        state = null;
        size = -1;
        t = 0;
    }

    @Override
    public final OptimizerState exportState() {
        Map<String, double[]> arrays = new LinkedHashMap<>();
        if (state != null) {
            for (int k = 0; k < stateNames.length; k++) {
                arrays.put(stateNames[k], state[k]); // OptimizerState copies
            }
        }
        return new OptimizerState(kind, t, arrays);
    }

    @Override
    public final void restoreState(OptimizerState saved) {
        Objects.requireNonNull(saved, "state");
        if (!kind.equals(saved.kind())) {
            throw new IllegalArgumentException("cannot restore the state: expected kind '" + kind
                    + "' but got '" + saved.kind() + "'; restore a state exported by the same kind of optimiser");
        }
        List<String> expected = Arrays.asList(stateNames);
        List<String> got = List.copyOf(saved.names());
        if (got.isEmpty() && !expected.isEmpty()) {
            if (saved.step() == 0) { // exported before the first step: a fresh optimiser
                reset();
                return;
            }
            throw new IllegalArgumentException("cannot restore the " + kind + " state: expected arrays " + expected
                    + " but got none at step " + saved.step() + "; the state is incomplete");
        }
        if (!got.equals(expected)) {
            throw new IllegalArgumentException("cannot restore the " + kind + " state: expected arrays " + expected
                    + " but got " + got + "; was it exported by an optimiser with other settings "
                    + "(e.g. momentum 0 vs > 0)?");
        }
        if (!expected.isEmpty()) {
            int n = saved.size();
            if (size >= 0 && size != n) {
                throw new IllegalArgumentException("cannot restore the " + kind + " state: expected size " + size
                        + " but got " + n + "; restore a state exported for the same parameter vector, "
                        + "or call reset() first");
            }
            checkMaskLength(n);
            double[][] restored = new double[stateNames.length][n];
            for (int k = 0; k < stateNames.length; k++) {
                saved.copyInto(stateNames[k], restored[k]);
            }
            state = restored;
            size = n;
        }
        t = saved.step();
    }

    @Override
    public final String notation() {
        Notation n = new Notation(kind);
        describe(n);
        if (Double.compare(weightDecay, defaultWeightDecay()) != 0) {
            n.add("weightDecay", weightDecay);
        }
        if (clipNorm > 0) {
            n.add("clipNorm", clipNorm);
        }
        if (decayMask != null) {
            n.add("decayMask", OptimizerOptions.maskSummary(decayMask));
        }
        return n.toString();
    }

    @Override
    public String toString() {
        return notation();
    }
}
