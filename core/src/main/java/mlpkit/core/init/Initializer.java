package mlpkit.core.init;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Draws the initial value of one parameter of a layer with {@code fanIn} inputs and {@code fanOut}
 * units. The random generator is always passed in: there is no global seed. Implementations are
 * immutable values; two with the same parameters are equal.
 */
public interface Initializer {
    /** The name used in the network notation, with parameters: {@code heNormal}, {@code normal(0.1)}. */
    String notation();

    /** One draw. Gaussian draws use {@link RandomGenerator#nextGaussian()}, uniform ones {@link RandomGenerator#nextDouble()}. */
    double sample(RandomGenerator rng, int fanIn, int fanOut);
}
