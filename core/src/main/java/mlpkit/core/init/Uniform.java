package mlpkit.core.init;

import mlpkit.core.concept.Concept;
import mlpkit.core.concept.Param;
import org.apache.commons.math3.random.RandomGenerator;

/** U(low, high). */
public record Uniform(double low, double high) implements Initializer {
    public static final Concept<Initializer> CONCEPT = Concept.of(KIND, "uniform")
            .summary("U(low, high)")
            .param(Param.real("low").doc("the lower bound"))
            .param(Param.real("high").doc("the upper bound"))
            .rule("high", args -> args.real("low") < args.real("high"), "greater than low", "swap the bounds")
            .build(Uniform.class);

    public Uniform {
        CONCEPT.check(low, high);
    }

    @Override
    public double sample(RandomGenerator rng, int fanIn, int fanOut) {
        return low + (high - low) * rng.nextDouble();
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
