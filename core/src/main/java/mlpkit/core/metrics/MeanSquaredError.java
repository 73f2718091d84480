package mlpkit.core.metrics;

/** Mean of the squared differences between targets and predictions (scikit-learn's {@code mean_squared_error}). */
public final class MeanSquaredError {

    private MeanSquaredError() {
    }

    /**
     * @param yTrue target value of each sample
     * @param yPred predicted value of each sample
     * @return mean over samples of {@code (yTrue[i] - yPred[i])^2}
     * @throws IllegalArgumentException if the arrays are empty or differ in length
     */
    public static double of(double[] yTrue, double[] yPred) {
        Inputs.requireNonNull(yTrue, "yTrue");
        Inputs.requireNonNull(yPred, "yPred");
        Inputs.requireSameLength("yTrue", yTrue.length, "yPred", yPred.length, "pass one prediction per sample");
        Inputs.requireNotEmpty("yTrue", yTrue.length, "mean squared error");
        double sum = 0.0;
        for (int i = 0; i < yTrue.length; i++) {
            double error = yTrue[i] - yPred[i];
            sum += error * error;
        }
        return sum / yTrue.length;
    }

    /**
     * Multi-output form: the mean over every entry of the two {@code n x m} matrices. With equally long rows this is
     * scikit-learn's default {@code multioutput="uniform_average"}.
     *
     * @throws IllegalArgumentException if the matrices are empty or their shapes differ
     */
    public static double of(double[][] yTrue, double[][] yPred) {
        int outputs = Columns.requireSameShape(yTrue, yPred, "mean squared error");
        double sum = 0.0;
        for (int i = 0; i < yTrue.length; i++) {
            for (int j = 0; j < outputs; j++) {
                double error = yTrue[i][j] - yPred[i][j];
                sum += error * error;
            }
        }
        return sum / ((double) yTrue.length * outputs);
    }
}
