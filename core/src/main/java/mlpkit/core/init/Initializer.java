package mlpkit.core.init;

import mlpkit.core.concept.Conceptual;
import mlpkit.core.concept.Kind;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Draws the initial value of one parameter of a layer with {@code fanIn} inputs and {@code fanOut}
 * units. The random generator is always passed in: there is no global seed. Each initialiser is one
 * concept file; implementations are immutable values, two with the same parameters are equal.
 */
public interface Initializer extends Conceptual {
    /** The kind "initialiser": written positionally, {@code normal(0.1)}. */
    Kind<Initializer> KIND = Kind.positional("initialiser", Initializer.class);

    /** One draw. Gaussian draws use {@link RandomGenerator#nextGaussian()}, uniform ones {@link RandomGenerator#nextDouble()}. */
    double sample(RandomGenerator rng, int fanIn, int fanOut);

    /** Whether this initialiser only makes sense for a bias ({@code weights}: drawn like the weights). */
    default boolean biasOnly() {
        return false;
    }
}
