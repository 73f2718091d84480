package mlpkit.core.init;

import org.apache.commons.math3.random.RandomGenerator;

/** He / Kaiming normal: N(0, 2 / fanIn), not truncated (E4's initialisation for ReLU layers). */
public record HeNormal() implements Initializer {

    @Override
    public String notation() {
        return "heNormal";
    }

    @Override
    public double sample(RandomGenerator rng, int fanIn, int fanOut) {
        return Math.sqrt(2.0 / fanIn) * rng.nextGaussian();
    }

    @Override
    public String toString() {
        return notation();
    }
}
