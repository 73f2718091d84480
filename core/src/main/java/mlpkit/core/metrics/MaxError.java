package mlpkit.core.metrics;

import mlpkit.core.concept.Concept;

/**
 * scikit-learn's {@code max_error}: the largest {@code |y − ŷ|} over the samples of one output. Like
 * scikit-learn it is defined for a single output only: {@link #of(double[][], double[][])} accepts one column
 * and refuses more.
 */
public record MaxError() implements ValueMetric {
    public static final Concept<Metric> CONCEPT = Concept.of(KIND, "max_error")
            .summary("the largest absolute error (one output)")
            .build(MaxError.class);
    static final String NAME = "max error";

    /** @return the largest absolute error */
    public static double of(double[] yTrue, double[] yPred) {
        double[][][] columns = Columns.asColumn(yTrue, yPred, NAME);
        return of(columns[0], columns[1]);
    }

    /**
     * @return the largest absolute error of a one-column matrix
     * @throws IllegalArgumentException with more than one output (scikit-learn refuses them too)
     */
    public static double of(double[][] yTrue, double[][] yPred) {
        int outputs = Columns.requireSameShape(yTrue, yPred, NAME);
        if (outputs != 1) {
            throw new IllegalArgumentException("yTrue has " + outputs + " outputs but " + NAME
                    + " is defined for one output only (as scikit-learn's max_error): pass one column at a time");
        }
        double max = 0.0;
        for (int i = 0; i < yTrue.length; i++) {
            max = Math.max(max, Math.abs(yTrue[i][0] - yPred[i][0]));
        }
        return max;
    }

    @Override
    public Needs needs() {
        return Needs.ONE_VALUE;
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
