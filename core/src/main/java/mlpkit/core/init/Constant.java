package mlpkit.core.init;

import org.apache.commons.math3.random.RandomGenerator;

/** Every parameter equal to {@code value}. */
public record Constant(double value) implements Initializer {
    public Constant {
        Initializers.requireFinite("constant", "value", value);
    }

    @Override
    public String notation() {
        return "constant(" + value + ")";
    }

    @Override
    public double sample(RandomGenerator rng, int fanIn, int fanOut) {
        return value;
    }

    @Override
    public String toString() {
        return notation();
    }
}
