package mlpkit.core.init;

import mlpkit.core.concept.Concept;
import org.apache.commons.math3.random.RandomGenerator;

/** Glorot / Xavier normal: N(0, 2 / (fanIn + fanOut)), not truncated (as PyTorch's xavier_normal_). */
public record GlorotNormal() implements Initializer {
    public static final Concept<Initializer> CONCEPT = Concept.of(KIND, "glorotNormal")
            .summary("N(0, 2/(fanIn + fanOut)) (Glorot & Bengio 2010)")
            .build(GlorotNormal.class);


    @Override
    public double sample(RandomGenerator rng, int fanIn, int fanOut) {
        return Math.sqrt(2.0 / (fanIn + fanOut)) * rng.nextGaussian();
    }

    @Override
    public Concept<Initializer> concept() {
        return CONCEPT;
    }

    @Override
    public String toString() {
        return notation();
    }
}
