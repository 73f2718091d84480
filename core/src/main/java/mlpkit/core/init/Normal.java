package mlpkit.core.init;

import mlpkit.core.concept.Concept;
import mlpkit.core.concept.Param;
import org.apache.commons.math3.random.RandomGenerator;

/** N(0, σ²) with a fixed σ = {@code std} (E3 uses σ = 0.1; E0 σ = 1, like {@code np.random.randn}). */
public record Normal(double std) implements Initializer {
    public static final Concept<Initializer> CONCEPT = Concept.of(KIND, "normal")
            .summary("N(0, std²)")
            .param(Param.real("std").greaterThan(0).doc("the standard deviation").hint("pass a positive standard deviation such as normal(0.1)"))
            .build(Normal.class);

    public Normal {
        CONCEPT.check(std);
    }

    @Override
    public double sample(RandomGenerator rng, int fanIn, int fanOut) {
        return std * rng.nextGaussian();
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
