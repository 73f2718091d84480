package mlpkit.core.init;

import mlpkit.core.concept.Concept;
import org.apache.commons.math3.random.RandomGenerator;

/** He / Kaiming uniform: U(−√(6 / fanIn), +√(6 / fanIn)). */
public record HeUniform() implements Initializer {
    public static final Concept<Initializer> CONCEPT = Concept.of(KIND, "heUniform")
            .summary("U(±√(6/fanIn)) (He et al. 2015)")
            .build(HeUniform.class);


    @Override
    public double sample(RandomGenerator rng, int fanIn, int fanOut) {
        double limit = Math.sqrt(6.0 / fanIn);
        return -limit + 2 * limit * rng.nextDouble();
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
