package mlpkit.spark;

import java.io.Serializable;

/**
 * Which rows are validation rows: row id i goes to validation when u(i) &lt; fraction, where u(i) in [0, 1) is the top
 * 53 bits of SplitMix64's finaliser applied to seed + (i + 1) · γ (γ = 0x9E3779B97F4A7C15). Each row is decided
 * alone, from its id and the seed only: the same rows on every run and in any partitioning, training and
 * validation disjoint, and the validation count binomial with mean fraction · n.
 */
final class ValidationSplit implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    private final double fraction;
    private final long seed;

    ValidationSplit(double fraction, long seed) {
        this.fraction = fraction;
        this.seed = seed;
    }

    /** Whether row {@code id} is a validation row. */
    boolean validation(long id) {
        if (fraction == 0) {
            return false;
        }
        long z = seed + (id + 1) * GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53 < fraction;
    }
}
