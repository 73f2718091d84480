package mlpkit.core.init;

import org.apache.commons.math3.random.RandomGenerator;

/** LeCun uniform: U(−√(3 / fanIn), +√(3 / fanIn)). */
public record LecunUniform() implements Initializer {

    @Override
    public String notation() {
        return "lecunUniform";
    }

    @Override
    public double sample(RandomGenerator rng, int fanIn, int fanOut) {
        double limit = Math.sqrt(3.0 / fanIn);
        return -limit + 2 * limit * rng.nextDouble();
    }

    @Override
    public String toString() {
        return notation();
    }
}
