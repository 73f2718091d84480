package mlpkit.core.distributed;

/**
 * A model's figures on distributed rows, summed on the workers (inference mode) and added up on the driver.
 * Classifiers fill {@link #confusion}, regressions the per-output sums; the figures are those core's metrics give on
 * the same rows (accuracy, MSE, MAE, R², max error), up to the order of the additions.
 *
 * @param rows        rows scored
 * @param lossSum     Σ ℓ_i of the network's loss, unweighted
 * @param confusion   classifiers: row = true class, column = predicted class (argmax of one-hot outputs, or the
 *                    single output ≥ {@value TargetLayout#BINARY_THRESHOLD}); null for regression
 * @param squaredErrors  regression, per output: Σ (y − ŷ)²; null for classifiers
 * @param absoluteErrors regression, per output: Σ |y − ŷ|
 * @param maxErrors      regression, per output: max |y − ŷ|
 * @param targetMeans    regression, per output: the mean of y
 * @param targetSquares  regression, per output: Σ (y − ȳ)² (merged with Chan's formula, not from Σy²)
 */
public record RowScores(long rows, double lossSum, long[][] confusion, double[] squaredErrors, double[] absoluteErrors,
                        double[] maxErrors, double[] targetMeans, double[] targetSquares) {

    /** The mean loss per row. */
    public double meanLoss() {
        return lossSum / rows;
    }

    /** The share of rows whose predicted class is their class (classifiers). */
    public double accuracy() {
        long[][] c = classifier();
        long right = 0;
        for (int k = 0; k < c.length; k++) {
            right += c[k][k];
        }
        return (double) right / rows;
    }

    /** The mean over rows and outputs of (y − ŷ)², as core's {@code MeanSquaredError}. */
    public double meanSquaredError() {
        double sum = 0;
        for (double v : regression(squaredErrors)) {
            sum += v;
        }
        return sum / ((double) rows * squaredErrors.length);
    }

    /** The mean over outputs of each output's mean |y − ŷ|, as core's {@code MeanAbsoluteError}. */
    public double meanAbsoluteError() {
        double sum = 0;
        for (double v : regression(absoluteErrors)) {
            sum += v / rows;
        }
        return sum / absoluteErrors.length;
    }

    /**
     * The mean over outputs of 1 − Σ(y − ŷ)² / Σ(y − ȳ)², as core's {@code R2} (a constant target scores 1 when
     * predicted exactly, else 0; NaN below two rows).
     */
    public double r2() {
        regression(squaredErrors);
        double sum = 0;
        for (int j = 0; j < squaredErrors.length; j++) {
            double residual = squaredErrors[j];
            double total = targetSquares[j];
            sum += rows < 2 ? Double.NaN : residual != 0 && total != 0 ? 1 - residual / total : residual == 0 ? 1 : 0;
        }
        return sum / squaredErrors.length;
    }

    /** The largest |y − ŷ| of a one-output regression, as core's {@code MaxError} (which refuses several outputs). */
    public double maxError() {
        if (regression(maxErrors).length != 1) {
            throw new IllegalArgumentException("max error is defined for one output only (as scikit-learn's max_error), these scores have "
                    + maxErrors.length + ": read maxErrors() per output");
        }
        return maxErrors[0];
    }

    private long[][] classifier() {
        if (confusion == null) {
            throw new IllegalStateException("these are a regression's scores (" + rows + " rows): accuracy needs a classifier's; "
                    + "read the regression figures");
        }
        return confusion;
    }

    private double[] regression(double[] sums) {
        if (sums == null) {
            throw new IllegalStateException("these are a classifier's scores (" + rows + " rows): read accuracy() or confusion()");
        }
        return sums;
    }
}
