package mlpkit.core.optim;

import java.util.Arrays;
import mlpkit.core.concept.Param;

/**
 * The options every optimiser shares, for Java callers of {@link Optimizers}: weight decay, gradient
 * clipping and the decay mask. Their ranges are those of the optimisers' shared parameters
 * ({@link OptimizerSpec#weightDecay}, {@link OptimizerSpec#clipNorm}).
 *
 * <p>Inside {@link Optimizer#step} they are applied in this order, before the optimiser's own
 * update: clipping by global norm ({@code clipNorm > 0}), then weight decay ({@code weightDecay > 0}, an L2
 * penalty {@code g_i += lambda * theta_i} for SGD, RMSProp and Adam, PyTorch's {@code weight_decay};
 * decoupled for AdamW) on the entries where {@code decayMask} is true ({@code null}: all). The network
 * passes a mask that excludes the biases.
 *
 * @param weightDecay L2 penalty (decoupled decay for AdamW), {@code >= 0}
 * @param clipNorm    maximal global L2 norm of the gradient, {@code >= 0}, {@code 0} = no clipping
 * @param decayMask   which entries weight decay applies to, or {@code null} for all
 */
public record OptimizerOptions(double weightDecay, double clipNorm, boolean[] decayMask) {

    /** No weight decay, no clipping, no mask. */
    public static final OptimizerOptions DEFAULTS = new OptimizerOptions(0.0, 0.0, null);

    /** Validates the values and copies the mask. */
    public OptimizerOptions {
        Param decay = OptimizerParams.weightDecay(0.0);
        Param clip = OptimizerParams.clipNorm();
        decay.coerce(weightDecay, "optimiser options");
        clip.coerce(clipNorm, "optimiser options");
        decayMask = decayMask == null ? null : decayMask.clone();
    }

    /** The defaults: no decay, no clipping, no mask. */
    public static OptimizerOptions defaults() {
        return DEFAULTS;
    }

    /** A copy of the mask, or {@code null} when every entry is decayed. */
    @Override
    public boolean[] decayMask() {
        return decayMask == null ? null : decayMask.clone();
    }

    /** A copy with another weight decay. */
    public OptimizerOptions withWeightDecay(double lambda) {
        return new OptimizerOptions(lambda, clipNorm, decayMask);
    }

    /** A copy with another clipping norm ({@code 0} disables clipping). */
    public OptimizerOptions withClipNorm(double maxNorm) {
        return new OptimizerOptions(weightDecay, maxNorm, decayMask);
    }

    /** A copy with another decay mask ({@code null} decays everything). */
    public OptimizerOptions withDecayMask(boolean[] mask) {
        return new OptimizerOptions(weightDecay, clipNorm, mask);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OptimizerOptions other
                && Double.compare(weightDecay, other.weightDecay) == 0
                && Double.compare(clipNorm, other.clipNorm) == 0
                && Arrays.equals(decayMask, other.decayMask);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Double.hashCode(weightDecay) + Double.hashCode(clipNorm)) + Arrays.hashCode(decayMask);
    }

    @Override
    public String toString() {
        return "OptimizerOptions[weightDecay=" + Param.number(weightDecay) + ", clipNorm=" + Param.number(clipNorm)
                + ", decayMask=" + maskSummary(decayMask) + "]";
    }

    /** {@code "all"} for no mask, otherwise {@code "<decayed>/<length>"}, e.g. {@code "6/8"}. */
    static String maskSummary(boolean[] mask) {
        if (mask == null) {
            return "all";
        }
        int decayed = 0;
        for (boolean b : mask) {
            if (b) {
                decayed++;
            }
        }
        return decayed + "/" + mask.length;
    }
}
