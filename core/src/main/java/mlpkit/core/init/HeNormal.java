package mlpkit.core.init;

import mlpkit.core.concept.Concept;
import org.apache.commons.math3.random.RandomGenerator;

/** He / Kaiming normal: N(0, 2 / fanIn), not truncated (E4's initialisation for ReLU layers). */
public record HeNormal() implements Initializer {
    public static final Concept<Initializer> CONCEPT = Concept.of(KIND, "heNormal")
            .summary("N(0, 2/fanIn) (He et al. 2015, for ReLU layers)")
            .build(HeNormal.class);


    @Override
    public double sample(RandomGenerator rng, int fanIn, int fanOut) {
        return Math.sqrt(2.0 / fanIn) * rng.nextGaussian();
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
