package mlpkit.core.init;

import org.apache.commons.math3.random.RandomGenerator;

/** N(0, σ²) with a fixed σ = {@code std} (E3 uses σ = 0.1; E0 σ = 1, like {@code np.random.randn}). */
public record Normal(double std) implements Initializer {
    public Normal {
        Initializers.requirePositive("normal", "std", std);
    }

    @Override
    public String notation() {
        return "normal(" + std + ")";
    }

    @Override
    public double sample(RandomGenerator rng, int fanIn, int fanOut) {
        return std * rng.nextGaussian();
    }

    @Override
    public String toString() {
        return notation();
    }
}
