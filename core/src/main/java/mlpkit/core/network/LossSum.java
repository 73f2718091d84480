package mlpkit.core.network;

/** What {@link Network#accumulateGradient} adds up: the unreduced loss over {@code rows} samples. */
public record LossSum(double sum, int rows) {
    public double mean() {
        return sum / rows;
    }
}
