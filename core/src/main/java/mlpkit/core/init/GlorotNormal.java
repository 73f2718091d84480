package mlpkit.core.init;

import org.apache.commons.math3.random.RandomGenerator;

/** Glorot / Xavier normal: N(0, 2 / (fanIn + fanOut)), not truncated (as PyTorch's xavier_normal_). */
public record GlorotNormal() implements Initializer {

    @Override
    public String notation() {
        return "glorotNormal";
    }

    @Override
    public double sample(RandomGenerator rng, int fanIn, int fanOut) {
        return Math.sqrt(2.0 / (fanIn + fanOut)) * rng.nextGaussian();
    }

    @Override
    public String toString() {
        return notation();
    }
}
