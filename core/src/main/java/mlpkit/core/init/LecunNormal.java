package mlpkit.core.init;

import mlpkit.core.concept.Concept;
import org.apache.commons.math3.random.RandomGenerator;

/** LeCun normal: N(0, 1 / fanIn), i.e. randn / √fanIn (E1's initialisation), not truncated. */
public record LecunNormal() implements Initializer {
    public static final Concept<Initializer> CONCEPT = Concept.of(KIND, "lecunNormal")
            .summary("N(0, 1/fanIn) (LeCun 1998)")
            .build(LecunNormal.class);


    @Override
    public double sample(RandomGenerator rng, int fanIn, int fanOut) {
        return Math.sqrt(1.0 / fanIn) * rng.nextGaussian();
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
