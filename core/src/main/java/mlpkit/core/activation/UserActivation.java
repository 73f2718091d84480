package mlpkit.core.activation;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import mlpkit.core.concept.Concept;

/**
 * An element-wise activation defined by its user with two functions: f and its derivative with respect to z
 * ({@link Activation#of}). Its concept is its own (a name without parameters), so the notation and model
 * files name it; reading them needs a registry that holds it.
 */
public final class UserActivation implements ElementWise {
    private final DoubleUnaryOperator f;
    private final DoubleUnaryOperator derivative;
    private final Concept<Activation> concept;

    UserActivation(String name, DoubleUnaryOperator f, DoubleUnaryOperator derivative) {
        this.f = Objects.requireNonNull(f, "f");
        this.derivative = Objects.requireNonNull(derivative, "the derivative");
        this.concept = Concept.of(KIND, name).summary("defined by its user").build((Activation) this);
    }

    @Override
    public double value(double z) {
        return f.applyAsDouble(z);
    }

    @Override
    public double derivative(double z, double a) {
        return derivative.applyAsDouble(z);
    }

    @Override
    public Concept<Activation> concept() {
        return concept;
    }

    @Override
    public String toString() {
        return notation();
    }
}
