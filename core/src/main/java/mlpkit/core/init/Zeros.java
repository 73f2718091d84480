package mlpkit.core.init;

import mlpkit.core.concept.Concept;
import org.apache.commons.math3.random.RandomGenerator;

/** Every parameter 0 (the usual bias initialisation). */
public record Zeros() implements Initializer {
    public static final Concept<Initializer> CONCEPT = Concept.of(KIND, "zeros")
            .summary("0")
            .build(Zeros.class);


    @Override
    public double sample(RandomGenerator rng, int fanIn, int fanOut) {
        return 0.0;
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
