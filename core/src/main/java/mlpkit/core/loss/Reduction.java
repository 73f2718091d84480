package mlpkit.core.loss;

/** How per-sample losses (and so their gradients) are combined over a batch of n rows. */
public enum Reduction {
    /** The mean over the rows: L = (1/n) Σ_i ℓ_i. Step size does not depend on the batch size. */
    MEAN,
    /** The sum over the rows: L = Σ_i ℓ_i. The gradient grows with the batch size (E0 and E3 use it). */
    SUM;

    /** The factor that turns a sum over {@code rows} rows into this reduction. */
    public double scale(int rows) {
        return this == MEAN ? 1.0 / rows : 1.0;
    }

    /** The name used in configs and on the command line: {@code mean} or {@code sum}. */
    public String notation() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
