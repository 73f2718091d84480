package mlpkit.core.metrics;

/**
 * The shape checks and the averaging shared by the regression metrics: targets and predictions as {@code n x m}
 * matrices (one row per sample, one column per output), a figure per output, and scikit-learn's
 * {@code multioutput="uniform_average"}: the plain mean of the per-output figures.
 */
final class Columns {

    /** A figure of targets and predictions, both {@code n x m}. */
    @FunctionalInterface
    interface Figure {
        double of(double[][] yTrue, double[][] yPred);
    }


    private Columns() {
    }

    /**
     * Checks that {@code yTrue} and {@code yPred} are non-empty matrices of the same shape with rows of one width.
     *
     * @return the number of outputs (columns)
     */
    static int requireSameShape(double[][] yTrue, double[][] yPred, String metric) {
        Inputs.requireNonNull(yTrue, "yTrue");
        Inputs.requireNonNull(yPred, "yPred");
        Inputs.requireSameLength("yTrue", yTrue.length, "yPred", yPred.length, "pass one prediction row per sample");
        Inputs.requireNotEmpty("yTrue", yTrue.length, metric);
        int outputs = Inputs.requireNonNull(yTrue[0], "yTrue[0]").length;
        Inputs.requireNotEmpty("yTrue[0]", outputs, metric);
        for (int i = 0; i < yTrue.length; i++) {
            double[] targetRow = Inputs.requireNonNull(yTrue[i], "yTrue[" + i + "]");
            double[] predictedRow = Inputs.requireNonNull(yPred[i], "yPred[" + i + "]");
            Inputs.requireSameLength("yTrue[0]", outputs, "yTrue[" + i + "]", targetRow.length,
                    "give every sample the same number of outputs");
            Inputs.requireSameLength("yTrue[" + i + "]", targetRow.length, "yPred[" + i + "]", predictedRow.length,
                    "predict every output of every sample");
        }
        return outputs;
    }

    /** Checks two equally long, non-empty vectors and returns them as one-column matrices. */
    static double[][][] asColumn(double[] yTrue, double[] yPred, String metric) {
        Inputs.requireNonNull(yTrue, "yTrue");
        Inputs.requireNonNull(yPred, "yPred");
        Inputs.requireSameLength("yTrue", yTrue.length, "yPred", yPred.length, "pass one prediction per sample");
        Inputs.requireNotEmpty("yTrue", yTrue.length, metric);
        double[][] t = new double[yTrue.length][];
        double[][] p = new double[yPred.length][];
        for (int i = 0; i < yTrue.length; i++) {
            t[i] = new double[] {yTrue[i]};
            p[i] = new double[] {yPred[i]};
        }
        return new double[][][] {t, p};
    }

    /** The mean of column {@code j}. */
    static double mean(double[][] y, int j) {
        double sum = 0.0;
        for (double[] row : y) {
            sum += row[j];
        }
        return sum / y.length;
    }

    /** scikit-learn's {@code uniform_average}: the plain mean of the per-output figures. */
    static double uniformAverage(double[] perOutput) {
        double sum = 0.0;
        for (double value : perOutput) {
            sum += value;
        }
        return sum / perOutput.length;
    }

    /**
     * scikit-learn's rule for a score {@code 1 − numerator / denominator} ({@code r2_score},
     * {@code explained_variance_score}, {@code force_finite=True}): a constant target (denominator 0) scores 1.0
     * when it is predicted perfectly (numerator 0) and 0.0 otherwise, instead of NaN or −∞.
     */
    static double oneMinusRatio(double numerator, double denominator) {
        if (denominator != 0.0 && numerator != 0.0) {
            return 1.0 - numerator / denominator;
        }
        return numerator == 0.0 ? 1.0 : 0.0;
    }

    /**
     * An accumulator of a regression metric for a run: it keeps the targets and outputs of the part's
     * {@code rows} rows as they come in chunks, then computes {@code figure} on all of them at once (the same
     * arithmetic as the metric's own {@code of} on the same arrays).
     */
    static Metric.Accumulator collecting(int rows, Figure figure) {
        double[][] targets = new double[rows][];
        double[][] outputs = new double[rows][];
        return new Metric.Accumulator() {
            private int seen;

            @Override
            public void add(Metric.Chunk chunk) {
                for (int r = 0; r < chunk.rows(); r++) {
                    targets[seen + r] = chunk.targets().getRow(r);
                    outputs[seen + r] = chunk.outputs().getRow(r);
                }
                seen += chunk.rows();
            }

            @Override
            public double result() {
                return seen == rows ? figure.of(targets, outputs)
                        : figure.of(java.util.Arrays.copyOf(targets, seen), java.util.Arrays.copyOf(outputs, seen));
            }
        };
    }
}
