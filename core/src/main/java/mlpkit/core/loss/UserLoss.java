package mlpkit.core.loss;

import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import mlpkit.core.concept.Concept;

/**
 * A loss defined by its user with two functions of an output ŷ and its target y: the value h(ŷ, y) and its
 * derivative ∂h/∂ŷ ({@link #of}). The per-sample loss is the mean of h over the outputs
 * ({@link ElementWiseLoss}). Its concept is its own, so configs and model files name it.
 */
public final class UserLoss implements ElementWiseLoss {
    private final DoubleBinaryOperator value;
    private final DoubleBinaryOperator gradient;
    private final Concept<Loss> concept;

    private UserLoss(String name, DoubleBinaryOperator value, DoubleBinaryOperator gradient) {
        this.value = Objects.requireNonNull(value, "value");
        this.gradient = Objects.requireNonNull(gradient, "gradient");
        this.concept = Concept.of(KIND, name).summary("defined by its user").build((Loss) this);
    }

    /** A loss named {@code name} with per-output value h(ŷ, y) and gradient ∂h/∂ŷ. */
    public static Loss of(String name, DoubleBinaryOperator value, DoubleBinaryOperator gradient) {
        return new UserLoss(name, value, gradient);
    }

    @Override
    public double value(double a, double y) {
        return value.applyAsDouble(a, y);
    }

    @Override
    public double gradient(double a, double y) {
        return gradient.applyAsDouble(a, y);
    }

    @Override
    public Concept<Loss> concept() {
        return concept;
    }

    @Override
    public String toString() {
        return notation();
    }
}
