package mlpkit.core.metrics;

import mlpkit.core.concept.Concept;

/**
 * The root mean squared error as scikit-learn's {@code mean_squared_error(squared=False)} computes it: per output
 * {@code √(mean of (y − ŷ)²)}; several outputs give the mean of the per-output roots
 * ({@link #of(double[][], double[][])}, not the root of the overall mean) or each ({@link #rawValues}).
 */
public record RootMeanSquaredError() implements ValueMetric {
    public static final Concept<Metric> CONCEPT = Concept.of(KIND, "rmse")
            .summary("the root mean squared error of each output, averaged over outputs")
            .build(RootMeanSquaredError.class);
    static final String NAME = "root mean squared error";

    /** @return the root mean squared error of one output */
    public static double of(double[] yTrue, double[] yPred) {
        double[][][] columns = Columns.asColumn(yTrue, yPred, NAME);
        return rawValues(columns[0], columns[1])[0];
    }

    /** @return the mean of the per-output roots ({@code multioutput="uniform_average"}) */
    public static double of(double[][] yTrue, double[][] yPred) {
        return Columns.uniformAverage(rawValues(yTrue, yPred));
    }

    /** @return the root mean squared error of each output ({@code multioutput="raw_values"}) */
    public static double[] rawValues(double[][] yTrue, double[][] yPred) {
        int outputs = Columns.requireSameShape(yTrue, yPred, NAME);
        double[] errors = new double[outputs];
        for (int j = 0; j < outputs; j++) {
            double sum = 0.0;
            for (int i = 0; i < yTrue.length; i++) {
                double error = yTrue[i][j] - yPred[i][j];
                sum += error * error;
            }
            errors[j] = Math.sqrt(sum / yTrue.length);
        }
        return errors;
    }

    @Override
    public boolean higherIsBetter() {
        return false;
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
