package mlpkit.core.init;

import mlpkit.core.concept.Concept;
import mlpkit.core.concept.Param;
import org.apache.commons.math3.random.RandomGenerator;

/** Every parameter equal to {@code value}. */
public record Constant(double value) implements Initializer {
    public static final Concept<Initializer> CONCEPT = Concept.of(KIND, "constant")
            .summary("the same value everywhere")
            .param(Param.real("value").doc("the value of every entry"))
            .build(Constant.class);

    public Constant {
        CONCEPT.check(value);
    }

    @Override
    public double sample(RandomGenerator rng, int fanIn, int fanOut) {
        return value;
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
