package mlpkit.core.optim;

import java.util.Objects;

/**
 * Gradient clipping by global L2 norm (Pascanu, Mikolov &amp; Bengio, "On the difficulty of
 * training recurrent neural networks", ICML 2013, Algorithm 1):
 * <pre>
 *   ||g|| = sqrt(sum_i g_i^2)
 *   if ||g|| &gt; c:  g &lt;- g * c / ||g||
 * </pre>
 * The direction of the gradient is kept and only its length is capped. This is the formula of
 * TensorFlow's {@code tf.clip_by_global_norm} (Keras' {@code global_clipnorm}); PyTorch's
 * {@code clip_grad_norm_} differs only by a {@code 1e-6} added to the norm in the divisor.
 */
public final class GradientClipping {

    private GradientClipping() {
    }

    /**
     * The global L2 norm {@code sqrt(sum_i g_i^2)}. Squares are summed directly; only if that sum
     * overflows (entries around {@code 1e154} or larger) is the norm recomputed with the entries
     * scaled by the largest magnitude, so large but finite gradients still give a finite norm.
     *
     * @return the norm; {@code NaN} if any entry is {@code NaN}, {@code +inf} if any is infinite
     */
    public static double globalNorm(double[] grads) {
        Objects.requireNonNull(grads, "grads");
        double sumSq = 0.0;
        for (int i = 0; i < grads.length; i++) {
            double g = grads[i];
            sumSq += g * g;
        }
        if (sumSq != Double.POSITIVE_INFINITY) {
            return Math.sqrt(sumSq); // also propagates NaN
        }
        double scale = 0.0;
        for (int i = 0; i < grads.length; i++) {
            scale = Math.max(scale, Math.abs(grads[i]));
        }
        if (Double.isInfinite(scale)) {
            return Double.POSITIVE_INFINITY;
        }
        double scaled = 0.0;
        for (int i = 0; i < grads.length; i++) {
            double g = grads[i] / scale;
            scaled += g * g;
        }
        return scale * Math.sqrt(scaled);
    }

    /**
     * Scales {@code grads} in place so that its global L2 norm is at most {@code maxNorm}:
     * {@code if ||g|| > maxNorm: g <- g * maxNorm / ||g||}. A gradient already within the limit is
     * left untouched. A non-finite norm ({@code NaN} or infinite entries) leaves the gradient
     * untouched too, since no finite scale can repair it; check the returned norm to detect this.
     *
     * @param grads   the gradient, modified in place
     * @param maxNorm the limit {@code c > 0}
     * @return the norm <em>before</em> clipping
     * @throws IllegalArgumentException if {@code maxNorm} is not positive and finite
     */
    public static double clipByGlobalNorm(double[] grads, double maxNorm) {
        Validation.positive("maxNorm", maxNorm,
                "pass the largest global gradient norm to allow, e.g. 1.0 or 5.0");
        double norm = globalNorm(grads);
        if (norm > maxNorm && norm != Double.POSITIVE_INFINITY) {
            double scale = maxNorm / norm;
            for (int i = 0; i < grads.length; i++) {
                grads[i] *= scale;
            }
        }
        return norm;
    }
}
