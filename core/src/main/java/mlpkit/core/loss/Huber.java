package mlpkit.core.loss;

import mlpkit.core.concept.Concept;
import mlpkit.core.concept.Param;

/**
 * The Huber loss (Huber, "Robust Estimation of a Location Parameter", Ann. Math. Statist. 35(1), 1964):
 * quadratic for small errors, linear for large ones, so that outliers pull with a bounded force. With
 * d = a − y and δ &gt; 0:
 * <pre>
 *   h(d)  = ½d²              for |d| ≤ δ
 *         = δ(|d| − ½δ)      otherwise
 *   ∂h/∂a = d                for |d| ≤ δ
 *         = δ·sign(d)        otherwise
 * </pre>
 * h and ∂h/∂a are continuous at |d| = δ (both branches give ½δ² and ±δ there), so h has no kink; only h''
 * jumps. The per-sample loss is the mean of h over the K outputs ({@link ElementWiseLoss}, Keras'
 * {@code Huber}), so with the mean reduction over rows it equals PyTorch's
 * {@code huber_loss(a, y, reduction='mean', delta=δ)}, the mean over all elements; h is evaluated in
 * PyTorch's form, {@code z < δ ? ½·z·z : δ·(z − ½δ)} with z = |d| (Keras writes the linear branch
 * δ|d| − ½δ², equal up to rounding). Default δ = 1 (Keras' and PyTorch's); with δ = 1 it is PyTorch's
 * {@code smooth_l1_loss} too. Real-valued targets, any output layer.
 */
public record Huber(double delta) implements ElementWiseLoss {
    public static final Concept<Loss> CONCEPT = Concept.of(KIND, "huber")
            .summary("(1/K)Σ_k h(a_k − y_k), h(d) = ½d² for |d| ≤ δ, δ(|d| − ½δ) beyond")
            .param(Param.real("delta", 1.0).greaterThan(0)
                    .doc("δ, the error |a − y| where the loss turns from quadratic to linear")
                    .hint("use a positive error size such as 1.0"))
            .build(Huber.class);

    public Huber {
        CONCEPT.check(delta);
    }

    @Override
    public double value(double a, double y) {
        double z = Math.abs(a - y);
        return z < delta ? 0.5 * z * z : delta * (z - 0.5 * delta);
    }

    @Override
    public double gradient(double a, double y) {
        double d = a - y;
        return Math.abs(d) <= delta ? d : Math.copySign(delta, d);
    }

    @Override
    public Concept<Loss> concept() {
        return CONCEPT;
    }

    @Override
    public String toString() {
        return notation();
    }
}
