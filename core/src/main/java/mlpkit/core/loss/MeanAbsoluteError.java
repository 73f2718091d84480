package mlpkit.core.loss;

import mlpkit.core.concept.Concept;

/**
 * ℓ = (1/K) Σ_k |a_k − y_k|, the mean absolute error over the K outputs of a sample (Keras'
 * {@code mean_absolute_error}; with the mean reduction over rows it equals PyTorch's
 * {@code l1_loss(a, y, reduction='mean')}, the mean over all elements). Per output, with d = a − y:
 * <pre>
 *   h(d)  = |d|
 *   ∂h/∂a = sign(d)          (0 at d = 0, as PyTorch's l1_loss gradient)
 * </pre>
 * h has no derivative at d = 0 ({@link #kinks()}): the 0 there is a subgradient, and a finite-difference
 * check must keep a ± h step from crossing it. Real-valued targets, any output layer.
 */
public record MeanAbsoluteError() implements ElementWiseLoss {
    public static final Concept<Loss> CONCEPT = Concept.of(KIND, "mae").alias("meanAbsoluteError")
            .summary("(1/K)Σ_k |a_k − y_k|, the mean over the outputs; ∂/∂a = sign(a − y)/K")
            .build(MeanAbsoluteError.class);

    @Override
    public double value(double a, double y) {
        return Math.abs(a - y);
    }

    @Override
    public double gradient(double a, double y) {
        return Math.signum(a - y);
    }

    /** The error a − y = 0, where |a − y| has no derivative. */
    @Override
    public double[] kinks() {
        return new double[] {0.0};
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
