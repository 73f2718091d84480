package mlpkit.core.metrics;

/**
 * Cross-entropy of predicted probabilities against true classes (natural logarithm), as scikit-learn 1.2's
 * {@code log_loss}.
 *
 * <p>Probabilities are first clipped to {@code [eps, 1 - eps]} so that a confident wrong prediction costs a large but
 * finite amount instead of infinity; each row is then divided by its sum, so rows that do not add up to one (or that
 * clipping pushed off one) are treated as unnormalised probabilities.
 *
 * <p>The class columns are fixed by the arrays: binary labels are always 0 and 1, multi-class labels are the column
 * indices. This equals scikit-learn with {@code labels=[0, 1, ..., K-1]}, so unlike {@code log_loss} without
 * {@code labels} it accepts a {@code yTrue} in which some class never occurs.
 */
public final class LogLoss {

    /**
     * Clipping bound used by scikit-learn 1.2 ({@code eps="auto"}): the machine epsilon of {@code double},
     * 2.220446049250313e-16.
     */
    public static final double DEFAULT_EPS = Math.ulp(1.0);

    /** Clipping bound scikit-learn used by default before version 1.2, for comparison with older results. */
    public static final double LEGACY_EPS = 1e-15;

    private LogLoss() {
    }

    /**
     * Mean binary log loss with {@link #DEFAULT_EPS}.
     *
     * @param yTrue               0 or 1 per sample
     * @param probabilityOfOne    predicted probability that each sample is of class 1
     * @throws IllegalArgumentException if the arrays are empty or differ in length, a label is not 0/1 or a
     *                                  probability is not finite
     */
    public static double binary(int[] yTrue, double[] probabilityOfOne) {
        return binary(yTrue, probabilityOfOne, DEFAULT_EPS);
    }

    /** Mean binary log loss with probabilities clipped to {@code [eps, 1 - eps]}. */
    public static double binary(int[] yTrue, double[] probabilityOfOne, double eps) {
        return mean(binaryPerSample(yTrue, probabilityOfOne, eps));
    }

    /**
     * Loss of each sample; their sum is scikit-learn's {@code log_loss(..., normalize=False)}.
     *
     * @see #binary(int[], double[])
     */
    public static double[] binaryPerSample(int[] yTrue, double[] probabilityOfOne, double eps) {
        Inputs.requireNonNull(yTrue, "yTrue");
        Inputs.requireNonNull(probabilityOfOne, "probabilityOfOne");
        Inputs.requireSameLength("yTrue", yTrue.length, "probabilityOfOne", probabilityOfOne.length,
                "pass one probability per sample");
        Inputs.requireNotEmpty("yTrue", yTrue.length, "log loss");
        Inputs.requireBinaryLabels("yTrue", yTrue, "binary log loss");
        Inputs.requireFinite("probabilityOfOne", probabilityOfOne);
        requireEps(eps);
        double[] losses = new double[yTrue.length];
        for (int i = 0; i < yTrue.length; i++) {
            double one = clip(probabilityOfOne[i], eps);
            double zero = 1 - one;
            losses[i] = -Math.log((yTrue[i] == 1 ? one : zero) / (zero + one));
        }
        return losses;
    }

    /**
     * Mean multi-class log loss with {@link #DEFAULT_EPS}.
     *
     * @param yTrue         class {@code 0..K-1} per sample
     * @param probabilities {@code n x K}; column {@code k} is the predicted probability of class {@code k}
     * @throws IllegalArgumentException if the sample counts differ or are zero, rows differ in length or have fewer
     *                                  than two columns, a label has no column, or a probability is not finite
     */
    public static double multiclass(int[] yTrue, double[][] probabilities) {
        return multiclass(yTrue, probabilities, DEFAULT_EPS);
    }

    /** Mean multi-class log loss with probabilities clipped to {@code [eps, 1 - eps]} before normalising rows. */
    public static double multiclass(int[] yTrue, double[][] probabilities, double eps) {
        return mean(multiclassPerSample(yTrue, probabilities, eps));
    }

    /**
     * Loss of each sample; their sum is scikit-learn's {@code log_loss(..., normalize=False)}.
     *
     * @see #multiclass(int[], double[][])
     */
    public static double[] multiclassPerSample(int[] yTrue, double[][] probabilities, double eps) {
        Inputs.requireNonNull(yTrue, "yTrue");
        Inputs.requireNonNull(probabilities, "probabilities");
        Inputs.requireSameLength("yTrue", yTrue.length, "probabilities", probabilities.length,
                "pass one row of class probabilities per sample");
        Inputs.requireNotEmpty("yTrue", yTrue.length, "log loss");
        requireEps(eps);
        int classCount = Inputs.requireNonNull(probabilities[0], "probabilities[0]").length;
        if (classCount < 2) {
            throw new IllegalArgumentException("probabilities has " + classCount
                    + " column(s) but log loss needs at least 2 classes: pass one column per class, or use"
                    + " binary(yTrue, probabilityOfOne) for a single probability per sample");
        }
        double[] losses = new double[yTrue.length];
        for (int i = 0; i < yTrue.length; i++) {
            double[] row = Inputs.requireNonNull(probabilities[i], "probabilities[" + i + "]");
            Inputs.requireSameLength("probabilities[0]", classCount, "probabilities[" + i + "]", row.length,
                    "give every sample one probability per class");
            Inputs.requireFinite("probabilities[" + i + "]", row);
            if (yTrue[i] < 0 || yTrue[i] >= classCount) {
                throw new IllegalArgumentException("yTrue[" + i + "] is " + yTrue[i] + " but probabilities has "
                        + classCount + " columns, so labels must lie in 0.." + (classCount - 1)
                        + ": add a column for every class or fix the label");
            }
            double rowSum = 0.0;
            for (double probability : row) {
                rowSum += clip(probability, eps);
            }
            losses[i] = -Math.log(clip(row[yTrue[i]], eps) / rowSum);
        }
        return losses;
    }

    private static void requireEps(double eps) {
        if (!(eps >= 0.0 && eps < 0.5)) {
            throw new IllegalArgumentException("eps is " + eps
                    + " but the clipping bound must lie in [0, 0.5): pass a small positive value such as"
                    + " LogLoss.DEFAULT_EPS");
        }
    }

    private static double clip(double probability, double eps) {
        return Math.min(Math.max(probability, eps), 1 - eps);
    }

    private static double mean(double[] values) {
        double sum = 0.0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }
}
