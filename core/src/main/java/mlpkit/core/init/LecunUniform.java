package mlpkit.core.init;

import mlpkit.core.concept.Concept;
import org.apache.commons.math3.random.RandomGenerator;

/** LeCun uniform: U(−√(3 / fanIn), +√(3 / fanIn)). */
public record LecunUniform() implements Initializer {
    public static final Concept<Initializer> CONCEPT = Concept.of(KIND, "lecunUniform")
            .summary("U(±√(3/fanIn)) (LeCun 1998)")
            .build(LecunUniform.class);


    @Override
    public double sample(RandomGenerator rng, int fanIn, int fanOut) {
        double limit = Math.sqrt(3.0 / fanIn);
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
