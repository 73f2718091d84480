package mlpkit.spark;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Per-column count, mean, sum of squared deviations M2, minimum and maximum, accumulated row by row (Welford) and
 * merged across partitions with Chan et al.'s parallel formula: for parts a and b with δ = mean_b − mean_a,
 * n = n_a + n_b, mean = mean_a + δ · n_b / n and M2 = M2_a + M2_b + δ² · n_a · n_b / n.
 */
final class ColumnStats implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final double EPSILON = Math.ulp(1.0);

    long n;
    final double[] mean;
    final double[] m2;
    final double[] min;
    final double[] max;

    ColumnStats(int columns) {
        mean = new double[columns];
        m2 = new double[columns];
        min = new double[columns];
        max = new double[columns];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    /** Adds one row. */
    void add(double[] x) {
        n++;
        for (int j = 0; j < mean.length; j++) {
            double delta = x[j] - mean[j];
            mean[j] += delta / n;
            m2[j] += delta * (x[j] - mean[j]);
            min[j] = Math.min(min[j], x[j]);
            max[j] = Math.max(max[j], x[j]);
        }
    }

    /** Adds {@code other}'s rows (same columns) to these. */
    void merge(ColumnStats other) {
        if (other.n == 0) {
            return;
        }
        if (n == 0) {
            n = other.n;
            System.arraycopy(other.mean, 0, mean, 0, mean.length);
            System.arraycopy(other.m2, 0, m2, 0, m2.length);
            System.arraycopy(other.min, 0, min, 0, min.length);
            System.arraycopy(other.max, 0, max, 0, max.length);
            return;
        }
        long total = n + other.n;
        for (int j = 0; j < mean.length; j++) {
            double delta = other.mean[j] - mean[j];
            mean[j] += delta * other.n / total;
            m2[j] += other.m2[j] + delta * delta * ((double) n * other.n / total);
            min[j] = Math.min(min[j], other.min[j]);
            max[j] = Math.max(max[j], other.max[j]);
        }
        n = total;
    }

    /**
     * The population standard deviation of each column, 1 for a column data's {@code StandardScaler} calls constant
     * (variance ≤ n·ε·variance + (n·mean·ε)²).
     */
    double[] standardScale() {
        double[] scale = new double[mean.length];
        for (int j = 0; j < scale.length; j++) {
            double variance = m2[j] / n;
            double bound = n * EPSILON * variance + Math.pow(n * mean[j] * EPSILON, 2);
            scale[j] = variance <= bound ? 1.0 : Math.sqrt(variance);
        }
        return scale;
    }

    /** Each column's range max − min, 1 when it is below 10·ε (data's {@code MinMaxScaler}). */
    double[] range() {
        double[] range = new double[mean.length];
        for (int j = 0; j < range.length; j++) {
            double r = max[j] - min[j];
            range[j] = r < 10 * EPSILON ? 1.0 : r;
        }
        return range;
    }
}
