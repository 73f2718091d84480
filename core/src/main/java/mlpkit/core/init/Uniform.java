package mlpkit.core.init;

import org.apache.commons.math3.random.RandomGenerator;

/** U(low, high). */
public record Uniform(double low, double high) implements Initializer {
    public Uniform {
        Initializers.requireFinite("uniform", "low", low);
        Initializers.requireFinite("uniform", "high", high);
        if (!(low < high)) {
            throw new IllegalArgumentException("uniform(low, high) needs low < high, got uniform(" + low + ", " + high
                    + "): swap the bounds");
        }
    }

    @Override
    public String notation() {
        return "uniform(" + low + ", " + high + ")";
    }

    @Override
    public double sample(RandomGenerator rng, int fanIn, int fanOut) {
        return low + (high - low) * rng.nextDouble();
    }

    @Override
    public String toString() {
        return notation();
    }
}
