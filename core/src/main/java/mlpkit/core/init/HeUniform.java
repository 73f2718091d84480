package mlpkit.core.init;

import org.apache.commons.math3.random.RandomGenerator;

/** He / Kaiming uniform: U(−√(6 / fanIn), +√(6 / fanIn)). */
public record HeUniform() implements Initializer {

    @Override
    public String notation() {
        return "heUniform";
    }

    @Override
    public double sample(RandomGenerator rng, int fanIn, int fanOut) {
        double limit = Math.sqrt(6.0 / fanIn);
        return -limit + 2 * limit * rng.nextDouble();
    }

    @Override
    public String toString() {
        return notation();
    }
}
