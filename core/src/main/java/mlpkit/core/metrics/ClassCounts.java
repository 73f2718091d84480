package mlpkit.core.metrics;

import java.util.Arrays;

/**
 * Per-class counts of true positives, false positives and false negatives, gathered row by row (the classes
 * are indices 0, 1, …; the arrays grow to the largest seen). The shared bookkeeping of
 * {@link BalancedAccuracy} and {@link F1}.
 */
final class ClassCounts {
    int[] truePositives = new int[2];
    int[] falsePositives = new int[2];
    int[] falseNegatives = new int[2];

    void add(int label, int predicted) {
        grow(Math.max(label, predicted) + 1);
        if (label == predicted) {
            truePositives[label]++;
        } else {
            falseNegatives[label]++;
            falsePositives[predicted]++;
        }
    }

    int classes() {
        return truePositives.length;
    }

    int support(int c) {
        return truePositives[c] + falseNegatives[c];
    }

    boolean seen(int c) {
        return truePositives[c] + falseNegatives[c] + falsePositives[c] > 0;
    }

    /** An accumulator that counts each chunk's (label, prediction) pairs and ends with {@code score} of the counts. */
    static Metric.Accumulator accumulator(java.util.function.ToDoubleFunction<ClassCounts> score) {
        return new Metric.Accumulator() {
            private final ClassCounts counts = new ClassCounts();

            @Override
            public void add(Metric.Chunk chunk) {
                for (int r = 0; r < chunk.rows(); r++) {
                    counts.add(chunk.label(r), chunk.predicted(r));
                }
            }

            @Override
            public double result() {
                return score.applyAsDouble(counts);
            }
        };
    }

    static ClassCounts of(int[] yTrue, int[] yPred, String metric) {
        Inputs.requireNonNull(yTrue, "yTrue");
        Inputs.requireNonNull(yPred, "yPred");
        Inputs.requireSameLength("yTrue", yTrue.length, "yPred", yPred.length, "pass one prediction per sample");
        Inputs.requireNotEmpty("yTrue", yTrue.length, metric);
        ClassCounts counts = new ClassCounts();
        for (int i = 0; i < yTrue.length; i++) {
            counts.add(yTrue[i], yPred[i]);
        }
        return counts;
    }

    private void grow(int size) {
        if (size > truePositives.length) {
            int n = Math.max(size, 2 * truePositives.length);
            truePositives = Arrays.copyOf(truePositives, n);
            falsePositives = Arrays.copyOf(falsePositives, n);
            falseNegatives = Arrays.copyOf(falseNegatives, n);
        }
    }
}
