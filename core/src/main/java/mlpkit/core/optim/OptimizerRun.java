package mlpkit.core.optim;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link Optimizer} of any {@link OptimizerSpec}: argument checks, lazy state allocation, the step
 * counter, state export/restore, and what every rule shares, applied before each update in this order:
 * <ol>
 *   <li>clip {@code g} by global norm if {@code clipNorm > 0};</li>
 *   <li>weight decay if {@code weightDecay > 0}, on the entries selected by the mask: either L2,
 *       {@code g_i += lambda * theta_i} ({@code lambda / rows} when the decay is per sample), or, when the rule decouples it (AdamW),
 *       {@code theta_i *= 1 - eta * lambda};</li>
 *   <li>{@code t += 1} and the rule's own {@link OptimizerSpec#update}.</li>
 * </ol>
 */
final class OptimizerRun implements Optimizer {
    private final OptimizerSpec spec;
    private final String kind;
    private final String[] stateNames;
    private final boolean[] decayMask;

    /** {@code null} until allocated; {@code state[k]} belongs to {@code stateNames[k]}. */
    private double[][] state;
    /** The parameter count the state was allocated for, or -1 before allocation. */
    private int size = -1;
    private long t;
    /** The threads' shares of the update, or null: one thread updates all. */
    private ParameterShares shares;
    /** The step in progress, for {@link #updateChunk} on the kernel threads. */
    private double[] stepParams, stepGrads;
    private double stepRate, stepLambda;
    private final mlpkit.core.matrix.KernelThreads.Chunks updateChunk = this::updateChunk;

    OptimizerRun(OptimizerSpec spec, boolean[] decayMask) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.kind = spec.concept().name();
        this.stateNames = spec.stateNames().toArray(new String[0]);
        this.decayMask = decayMask == null ? null : decayMask.clone();
    }

    @Override
    public OptimizerSpec spec() {
        return spec;
    }

    @Override
    public void init(int size) {
        if (size < 0) {
            throw Validation.fail("size", Integer.toString(size), "[0, " + Integer.MAX_VALUE + "]",
                    "pass the number of parameters, params.length");
        }
        ensureAllocated(size);
    }

    @Override
    public void step(double[] params, double[] grads, double learningRate) {
        if (spec.weightDecayPerSample() && spec.weightDecay() > 0) {
            throw new IllegalArgumentException(spec.notation() + " divides its weight decay by the batch's row count, "
                    + "but the step was given none; call step(params, grads, learningRate, rows)");
        }
        step(params, grads, learningRate, 1);
    }

    @Override
    public void step(double[] params, double[] grads, double learningRate, int rows) {
        if (rows < 1) {
            throw Validation.fail("rows", Integer.toString(rows), "[1, " + Integer.MAX_VALUE + "]",
                    "pass the number of rows the gradient is the mean of");
        }
        stepDividingDecay(params, grads, learningRate, rows);
    }

    @Override
    public void stepWeighted(double[] params, double[] grads, double learningRate, double sumOfWeights) {
        if (!(sumOfWeights > 0) || Double.isInfinite(sumOfWeights)) {
            throw Validation.fail("sumOfWeights", Double.toString(sumOfWeights), "(0, inf)",
                    "pass the sum of the batch's row weights the gradient's weighted mean divides by");
        }
        stepDividingDecay(params, grads, learningRate, sumOfWeights);
    }

    /** One step; a per-sample L2 decay is divided by {@code divisor} (the batch's rows, or its sum of weights). */
    private void stepDividingDecay(double[] params, double[] grads, double learningRate, double divisor) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(grads, "grads");
        if (grads.length != params.length) {
            throw new IllegalArgumentException("grads has length " + grads.length + " but params has length "
                    + params.length + "; pass one gradient entry per parameter, in the same order");
        }
        Validation.learningRate("learningRate", learningRate);
        ensureAllocated(params.length);

        if (spec.clipNorm() > 0) {
            GradientClipping.clipByGlobalNorm(grads, spec.clipNorm());
        }
        double lambda = spec.weightDecay();
        t++;
        stepParams = params;
        stepGrads = grads;
        stepRate = learningRate;
        stepLambda = lambda > 0 && !spec.decoupledDecay() && spec.weightDecayPerSample() ? lambda / divisor : lambda;
        try {
            if (shares != null && shares.threads().count() > 1 && shares.size() == params.length && spec.entryWise()) {
                // Each thread its share, entry by entry: the same bits as one pass over all.
                shares.threads().forOwnedChunks(shares.perThread(), updateChunk);
            } else {
                decayAndUpdate(0, params.length);
            }
        } finally {
            stepParams = null;
            stepGrads = null;
        }
    }

    /** The entries of one chunk of {@link #shares}. */
    private void updateChunk(int chunk) {
        decayAndUpdate(shares.from(chunk), shares.to(chunk));
    }

    /** The weight decay (L2 or decoupled, on the masked entries) and then the rule's update, on entries [from, to). */
    private void decayAndUpdate(int from, int to) {
        if (stepLambda > 0) {
            if (spec.decoupledDecay()) {
                applyDecoupledDecay(stepParams, stepRate * stepLambda, from, to);
            } else {
                addL2Gradient(stepParams, stepGrads, stepLambda, from, to);
            }
        }
        spec.update(stepParams, stepGrads, state, stepRate, t, from, to);
    }

    /**
     * Lets the update run on {@code shares}' threads, each on its share of the entries (null: on the caller alone). Only
     * an {@link OptimizerSpec#entryWise} rule is split; the bits do not change.
     */
    @Override
    public void useThreads(ParameterShares shares) {
        this.shares = shares;
    }

    /** {@code g_i += lambda * theta_i} on the masked entries (gradient of lambda/2 ||theta||^2). */
    private void addL2Gradient(double[] params, double[] grads, double lambda, int from, int to) {
        final boolean[] mask = decayMask;
        for (int i = from; i < to; i++) {
            if (mask == null || mask[i]) {
                grads[i] += lambda * params[i];
            }
        }
    }

    /** {@code theta_i *= 1 - eta*lambda} on the masked entries, as PyTorch's AdamW computes it. */
    private void applyDecoupledDecay(double[] params, double etaLambda, int from, int to) {
        final double keep = 1.0 - etaLambda;
        final boolean[] mask = decayMask;
        for (int i = from; i < to; i++) {
            if (mask == null || mask[i]) {
                params[i] *= keep;
            }
        }
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
            double initial = spec.initialState(k);
            if (initial != 0.0) {
                Arrays.fill(fresh[k], initial);
            }
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
    public long stepCount() {
        return t;
    }

    @Override
    public void reset() {
        state = null;
        size = -1;
        t = 0;
    }

    @Override
    public OptimizerState exportState() {
        Map<String, double[]> arrays = new LinkedHashMap<>();
        if (state != null) {
            for (int k = 0; k < stateNames.length; k++) {
                arrays.put(stateNames[k], state[k]); // OptimizerState copies
            }
        }
        return new OptimizerState(kind, t, arrays);
    }

    @Override
    public void restoreState(OptimizerState saved) {
        Objects.requireNonNull(saved, "state");
        if (!spec.concept().names().contains(saved.kind())) {
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
    public String toString() {
        return notation();
    }
}
