package mlpkit.core.init;

import org.apache.commons.math3.random.RandomGenerator;

/** LeCun normal: N(0, 1 / fanIn), i.e. randn / √fanIn (E1's initialisation), not truncated. */
public record LecunNormal() implements Initializer {

    @Override
    public String notation() {
        return "lecunNormal";
    }

    @Override
    public double sample(RandomGenerator rng, int fanIn, int fanOut) {
        return Math.sqrt(1.0 / fanIn) * rng.nextGaussian();
    }

    @Override
    public String toString() {
        return notation();
    }
}
