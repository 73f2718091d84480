package mlpkit.core.init;

import mlpkit.core.concept.Concept;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Bias initialisation only: the bias is drawn like the weights, as if it were the first column of a
 * {@code units × (inputs + 1)} weight matrix drawn in row-major order — the articles' "column of ones"
 * set-up ({@code W = np.random.randn(units, inputs + 1)}). A layer with this bias initialiser draws, for
 * each unit j in turn, b_j and then the unit's inputs' weights W[0..inputs)[j], so an article's initial
 * weights can be reproduced from the same random stream.
 */
public record SameAsWeights() implements Initializer {
    public static final Concept<Initializer> CONCEPT = Concept.of(KIND, "weights")
            .summary("bias only: drawn like the weights, as column 0 of a folded units × (inputs + 1) matrix")
            .build(SameAsWeights.class);

    /** Not a distribution of its own: the layer draws from its weight initialiser instead. */
    @Override
    public double sample(RandomGenerator rng, int fanIn, int fanOut) {
        throw new UnsupportedOperationException("bias=weights is resolved by the layer, which draws from its weight initialiser");
    }

    @Override
    public boolean biasOnly() {
        return true;
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
