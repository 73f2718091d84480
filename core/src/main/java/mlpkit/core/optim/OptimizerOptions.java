package mlpkit.core.optim;

import java.util.Arrays;

/**
 * Options shared by every optimiser: weight decay, gradient clipping and the decay mask.
 *
 * <p>Inside {@link Optimizer#step} they are applied in this order, before the optimiser's own
 * update:
 * <ol>
 *   <li><b>clipNorm</b> {@code c}: clipping by global L2 norm,
 *       {@code if ||g|| > c: g <- g * c / ||g||} (see {@link GradientClipping}); {@code 0}
 *       (the default) disables it. Clipping sees the loss gradient only, before any decay term
 *       is added.</li>
 *   <li><b>weightDecay</b> {@code lambda}: for {@link Sgd}, {@link RmsProp} and {@link Adam} an
 *       L2 penalty added to the gradient, {@code g_i <- g_i + lambda * theta_i} (the gradient of
 *       {@code lambda/2 * ||theta||^2}; this is PyTorch's {@code weight_decay}, whereas Keras 3's
 *       {@code weight_decay} is decoupled for every optimiser). For {@link AdamW} the same option
 *       is its <em>decoupled</em> decay {@code theta_i <- theta_i - eta * lambda * theta_i},
 *       applied to the parameters instead of the gradient. Default {@code 0} (none).</li>
 *   <li><b>decayMask</b>: {@code decayMask[i] == true} means entry {@code i} is decayed,
 *       {@code false} means it is skipped. {@code null} (the default) decays every entry. The
 *       mask only affects weight decay, never clipping or the update itself. The network passes
 *       a mask that excludes the bias entries, as is customary; its length must equal the
 *       parameter count, checked when the optimiser's state is allocated.</li>
 * </ol>
 *
 * <p>The record is immutable: the mask is copied on the way in and on the way out.
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
        Validation.nonNegative("weightDecay", weightDecay,
                "use 0 for no decay or a small coefficient such as 1e-4 (0.01 for AdamW)");
        Validation.nonNegative("clipNorm", clipNorm,
                "use 0 to disable clipping or a positive global-norm limit such as 1.0");
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

    /** The mask itself, not a copy, for the optimiser's hot loop (package use only). */
    boolean[] maskView() {
        return decayMask;
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
        return 31 * (31 * Double.hashCode(weightDecay) + Double.hashCode(clipNorm))
                + Arrays.hashCode(decayMask);
    }

    @Override
    public String toString() {
        return "OptimizerOptions[weightDecay=" + Notation.number(weightDecay)
                + ", clipNorm=" + Notation.number(clipNorm)
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
