package mlpkit.core.init;

import org.apache.commons.math3.random.RandomGenerator;

/** Every parameter 0 (the usual bias initialisation). */
public record Zeros() implements Initializer {

    @Override
    public String notation() {
        return "zeros";
    }

    @Override
    public double sample(RandomGenerator rng, int fanIn, int fanOut) {
        return 0.0;
    }

    @Override
    public String toString() {
        return notation();
    }
}
