package mlpkit.core.metrics;

import mlpkit.core.concept.Concept;

/**
 * Fraction of samples whose predicted class equals the true class (scikit-learn's {@code accuracy_score}):
 * the metric {@code accuracy} of a run, and {@link #of} for arrays of classes.
 */
public record Accuracy() implements Metric {
    public static final Concept<Metric> CONCEPT = Concept.of(KIND, "accuracy")
            .summary("the fraction of rows whose predicted class is the true class")
            .build(Accuracy.class);

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

    @Override
    public Needs needs() {
        return Needs.CLASSES;
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public boolean onTrainingBatches() {
        return true;
    }

    @Override
    public Accumulator accumulator(int rows) {
        return new Accumulator() {
            private int correct;
            private int seen;

            @Override
            public void add(Chunk chunk) {
                correct += chunk.correct();
                seen += chunk.rows();
            }

            @Override
            public double result() {
                return (double) correct / seen;
            }
        };
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
