package mlpkit.core.metrics;

/**
 * One entry point for the metrics of this package; each method delegates to the class that owns the concept, where
 * the full documentation and the variants (class counts, target names, clipping bounds, ...) live.
 */
public final class Metrics {

    private Metrics() {
    }

    /** @see Accuracy#of(int[], int[]) */
    public static double accuracy(int[] yTrue, int[] yPred) {
        return Accuracy.of(yTrue, yPred);
    }

    /** @see ConfusionMatrix#of(int[], int[]) */
    public static ConfusionMatrix confusionMatrix(int[] yTrue, int[] yPred) {
        return ConfusionMatrix.of(yTrue, yPred);
    }

    /** @see ClassificationReport#of(int[], int[]) */
    public static ClassificationReport classificationReport(int[] yTrue, int[] yPred) {
        return ClassificationReport.of(yTrue, yPred);
    }

    /** @see RocCurve#of(int[], double[]) */
    public static RocCurve rocCurve(int[] yTrue, double[] scores) {
        return RocCurve.of(yTrue, scores);
    }

    /** @see RocCurve#auc(int[], double[]) */
    public static double rocAuc(int[] yTrue, double[] scores) {
        return RocCurve.auc(yTrue, scores);
    }

    /** @see LogLoss#binary(int[], double[]) */
    public static double logLoss(int[] yTrue, double[] probabilityOfOne) {
        return LogLoss.binary(yTrue, probabilityOfOne);
    }

    /** @see LogLoss#multiclass(int[], double[][]) */
    public static double logLoss(int[] yTrue, double[][] probabilities) {
        return LogLoss.multiclass(yTrue, probabilities);
    }

    /** @see MeanSquaredError#of(double[], double[]) */
    public static double meanSquaredError(double[] yTrue, double[] yPred) {
        return MeanSquaredError.of(yTrue, yPred);
    }

    /** @see MeanSquaredError#of(double[][], double[][]) */
    public static double meanSquaredError(double[][] yTrue, double[][] yPred) {
        return MeanSquaredError.of(yTrue, yPred);
    }

    /** @see R2#of(double[], double[]) */
    public static double r2(double[] yTrue, double[] yPred) {
        return R2.of(yTrue, yPred);
    }

    /** @see R2#of(double[][], double[][]) */
    public static double r2(double[][] yTrue, double[][] yPred) {
        return R2.of(yTrue, yPred);
    }

    /** @see MeanAbsoluteError#of(double[], double[]) */
    public static double meanAbsoluteError(double[] yTrue, double[] yPred) {
        return MeanAbsoluteError.of(yTrue, yPred);
    }

    /** @see MeanAbsoluteError#of(double[][], double[][]) */
    public static double meanAbsoluteError(double[][] yTrue, double[][] yPred) {
        return MeanAbsoluteError.of(yTrue, yPred);
    }

    /** @see RootMeanSquaredError#of(double[], double[]) */
    public static double rootMeanSquaredError(double[] yTrue, double[] yPred) {
        return RootMeanSquaredError.of(yTrue, yPred);
    }

    /** @see RootMeanSquaredError#of(double[][], double[][]) */
    public static double rootMeanSquaredError(double[][] yTrue, double[][] yPred) {
        return RootMeanSquaredError.of(yTrue, yPred);
    }

    /** @see ExplainedVariance#of(double[], double[]) */
    public static double explainedVariance(double[] yTrue, double[] yPred) {
        return ExplainedVariance.of(yTrue, yPred);
    }

    /** @see ExplainedVariance#of(double[][], double[][]) */
    public static double explainedVariance(double[][] yTrue, double[][] yPred) {
        return ExplainedVariance.of(yTrue, yPred);
    }

    /** @see MaxError#of(double[], double[]) */
    public static double maxError(double[] yTrue, double[] yPred) {
        return MaxError.of(yTrue, yPred);
    }
}
