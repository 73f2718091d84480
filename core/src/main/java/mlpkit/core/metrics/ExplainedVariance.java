package mlpkit.core.metrics;

import mlpkit.core.concept.Concept;

/**
 * scikit-learn's {@code explained_variance_score}: per output {@code 1 − Var(y − ŷ) / Var(y)} (population
 * variances), which unlike R² ignores a constant offset of the predictions. A constant target (Var(y) = 0)
 * scores 1.0 if Var(y − ŷ) = 0 and 0.0 otherwise ({@code force_finite=True}). Several outputs: the mean of the
 * per-output scores ({@link #of(double[][], double[][])}), or each ({@link #rawValues}).
 */
public record ExplainedVariance() implements ValueMetric {
    public static final Concept<Metric> CONCEPT = Concept.of(KIND, "explained_variance")
            .summary("1 − Var(y − ŷ) / Var(y), averaged over outputs")
            .build(ExplainedVariance.class);
    static final String NAME = "explained variance";

    /** @return the explained variance of one output */
    public static double of(double[] yTrue, double[] yPred) {
        double[][][] columns = Columns.asColumn(yTrue, yPred, NAME);
        return rawValues(columns[0], columns[1])[0];
    }

    /** @return the mean of the per-output scores ({@code multioutput="uniform_average"}) */
    public static double of(double[][] yTrue, double[][] yPred) {
        return Columns.uniformAverage(rawValues(yTrue, yPred));
    }

    /** @return the score of each output ({@code multioutput="raw_values"}) */
    public static double[] rawValues(double[][] yTrue, double[][] yPred) {
        int outputs = Columns.requireSameShape(yTrue, yPred, NAME);
        int n = yTrue.length;
        double[] scores = new double[outputs];
        for (int j = 0; j < outputs; j++) {
            double meanError = 0.0;
            for (int i = 0; i < n; i++) {
                meanError += yTrue[i][j] - yPred[i][j];
            }
            meanError /= n;
            double mean = Columns.mean(yTrue, j);
            double errorVariance = 0.0;
            double variance = 0.0;
            for (int i = 0; i < n; i++) {
                double error = yTrue[i][j] - yPred[i][j] - meanError;
                double spread = yTrue[i][j] - mean;
                errorVariance += error * error;
                variance += spread * spread;
            }
            scores[j] = Columns.oneMinusRatio(errorVariance / n, variance / n);
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
