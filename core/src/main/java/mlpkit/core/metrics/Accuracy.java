package mlpkit.core.metrics;

/** Fraction of samples whose predicted class equals the true class (scikit-learn's {@code accuracy_score}). */
public final class Accuracy {

    private Accuracy() {
    }

    /**
     * @param yTrue true class of each sample
     * @param yPred predicted class of each sample
     * @return correct predictions divided by the number of samples, in {@code [0, 1]}
     * @throws IllegalArgumentException if the arrays are empty or differ in length
     */
    public static double of(int[] yTrue, int[] yPred) {
        Inputs.requireNonNull(yTrue, "yTrue");
        Inputs.requireNonNull(yPred, "yPred");
        Inputs.requireSameLength("yTrue", yTrue.length, "yPred", yPred.length, "pass one prediction per sample");
        Inputs.requireNotEmpty("yTrue", yTrue.length, "accuracy");
        int correct = 0;
        for (int i = 0; i < yTrue.length; i++) {
            if (yTrue[i] == yPred[i]) {
                correct++;
            }
        }
        return (double) correct / yTrue.length;
    }
}
