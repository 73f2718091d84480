package mlpkit.core.metrics;

import mlpkit.core.concept.Concept;

/**
 * The coefficient of determination, scikit-learn's {@code r2_score}: per output
 * {@code R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)²}, 1 for perfect predictions, 0 for predicting the mean, negative for
 * worse. A constant target (Σ(y − ȳ)² = 0) scores 1.0 if predicted exactly and 0.0 otherwise (scikit-learn's
 * {@code force_finite=True}). With several outputs, {@link #of(double[][], double[][])} averages the per-output
 * scores ({@code multioutput="uniform_average"}) and {@link #rawValues} gives them ({@code "raw_values"}).
 * Fewer than two samples give NaN, as in scikit-learn (R² is not defined for them).
 */
public record R2() implements ValueMetric {
    public static final Concept<Metric> CONCEPT = Concept.of(KIND, "r2")
            .summary("the coefficient of determination 1 − Σ(y − ŷ)² / Σ(y − ȳ)², averaged over outputs")
            .build(R2.class);
    static final String NAME = "R²";

    /**
     * @return R² of one output
     * @throws IllegalArgumentException if the arrays are empty or differ in length
     */
    public static double of(double[] yTrue, double[] yPred) {
        double[][][] columns = Columns.asColumn(yTrue, yPred, NAME);
        return rawValues(columns[0], columns[1])[0];
    }

    /**
     * @return the mean of the per-output R² scores ({@code multioutput="uniform_average"})
     * @throws IllegalArgumentException if the matrices are empty or their shapes differ
     */
    public static double of(double[][] yTrue, double[][] yPred) {
        return Columns.uniformAverage(rawValues(yTrue, yPred));
    }

    /**
     * @return R² of each output ({@code multioutput="raw_values"})
     * @throws IllegalArgumentException if the matrices are empty or their shapes differ
     */
    public static double[] rawValues(double[][] yTrue, double[][] yPred) {
        int outputs = Columns.requireSameShape(yTrue, yPred, NAME);
        double[] scores = new double[outputs];
        for (int j = 0; j < outputs; j++) {
            if (yTrue.length < 2) {
                scores[j] = Double.NaN;
                continue;
            }
            double mean = Columns.mean(yTrue, j);
            double residual = 0.0;
            double total = 0.0;
            for (int i = 0; i < yTrue.length; i++) {
                double error = yTrue[i][j] - yPred[i][j];
                double spread = yTrue[i][j] - mean;
                residual += error * error;
                total += spread * spread;
            }
            scores[j] = Columns.oneMinusRatio(residual, total);
        }
        return scores;
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public double figure(double[][] yTrue, double[][] yPred) {
        return of(yTrue, yPred);
    }

    @Override
    public Concept<Metric> concept() {
        return CONCEPT;
    }

    @Override
    public String toString() {
        return notation();
    }
}
