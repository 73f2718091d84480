package mlpkit.core.metrics;

import mlpkit.core.concept.Concept;

/**
 * scikit-learn's {@code mean_absolute_error}: per output the mean of {@code |y − ŷ|}; several outputs give the
 * mean of the per-output figures ({@link #of(double[][], double[][])}) or each ({@link #rawValues}).
 */
public record MeanAbsoluteError() implements ValueMetric {
    public static final Concept<Metric> CONCEPT = Concept.of(KIND, "mae")
            .summary("the mean absolute error, averaged over outputs")
            .build(MeanAbsoluteError.class);
    static final String NAME = "mean absolute error";

    /** @return the mean absolute error of one output */
    public static double of(double[] yTrue, double[] yPred) {
        double[][][] columns = Columns.asColumn(yTrue, yPred, NAME);
        return rawValues(columns[0], columns[1])[0];
    }

    /** @return the mean of the per-output errors ({@code multioutput="uniform_average"}) */
    public static double of(double[][] yTrue, double[][] yPred) {
        return Columns.uniformAverage(rawValues(yTrue, yPred));
    }

    /** @return the error of each output ({@code multioutput="raw_values"}) */
    public static double[] rawValues(double[][] yTrue, double[][] yPred) {
        int outputs = Columns.requireSameShape(yTrue, yPred, NAME);
        double[] errors = new double[outputs];
        for (int j = 0; j < outputs; j++) {
            double sum = 0.0;
            for (int i = 0; i < yTrue.length; i++) {
                sum += Math.abs(yTrue[i][j] - yPred[i][j]);
            }
            errors[j] = sum / yTrue.length;
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
