package mlpkit.core.init;

import mlpkit.core.concept.Concept;
import mlpkit.core.concept.Param;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * scikit-learn's MLP initialisation, for weights and biases alike: U(−b, b) with b = √(factor / (fanIn + fanOut)),
 * factor 6 (Glorot's uniform) for every activation but the logistic one, which takes 2 ({@code _init_coef} in
 * scikit-learn 1.2.1). A draw is {@code −b + (b − (−b))·u}, numpy's {@code uniform(−b, b)} to the bits, so a
 * numpy-exact generator seeded as {@code RandomState(seed)} gives scikit-learn's initial weights.
 */
public record SklearnUniform(double factor) implements Initializer {
    /** scikit-learn's factor for every activation but the logistic one. */
    public static final double GLOROT_FACTOR = 6.0;
    /** scikit-learn's factor for the logistic activation. */
    public static final double LOGISTIC_FACTOR = 2.0;

    public static final Concept<Initializer> CONCEPT = Concept.of(KIND, "sklearnUniform")
            .summary("U(±√(factor/(fanIn + fanOut))) for weights and biases (scikit-learn's MLP; factor 2 for logistic)")
            .param(Param.real("factor", GLOROT_FACTOR).greaterThan(0).doc("the numerator of the bound's square")
                    .hint("use 6 (scikit-learn's default) or 2 (its factor for the logistic activation)"))
            .build(SklearnUniform.class);

    public SklearnUniform {
        CONCEPT.check(factor);
    }

    /** With scikit-learn's default factor 6. */
    public SklearnUniform() {
        this(GLOROT_FACTOR);
    }

    @Override
    public double sample(RandomGenerator rng, int fanIn, int fanOut) {
        double bound = Math.sqrt(factor / (fanIn + fanOut));
        return -bound + (bound - -bound) * rng.nextDouble();
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
