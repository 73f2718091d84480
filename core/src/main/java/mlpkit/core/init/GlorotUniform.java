package mlpkit.core.init;

import mlpkit.core.concept.Concept;
import org.apache.commons.math3.random.RandomGenerator;

/** Glorot / Xavier uniform: U(−√(6 / (fanIn + fanOut)), +√(6 / (fanIn + fanOut))); the default for weights. */
public record GlorotUniform() implements Initializer {
    public static final Concept<Initializer> CONCEPT = Concept.of(KIND, "glorotUniform")
            .summary("U(±√(6/(fanIn + fanOut))) (Glorot & Bengio 2010; Keras' default)")
            .build(GlorotUniform.class);


    @Override
    public double sample(RandomGenerator rng, int fanIn, int fanOut) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
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
