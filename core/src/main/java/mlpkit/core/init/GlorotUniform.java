package mlpkit.core.init;

import org.apache.commons.math3.random.RandomGenerator;

/** Glorot / Xavier uniform: U(−√(6 / (fanIn + fanOut)), +√(6 / (fanIn + fanOut))); the default for weights. */
public record GlorotUniform() implements Initializer {

    @Override
    public String notation() {
        return "glorotUniform";
    }

    @Override
    public double sample(RandomGenerator rng, int fanIn, int fanOut) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        return -limit + 2 * limit * rng.nextDouble();
    }

    @Override
    public String toString() {
        return notation();
    }
}
