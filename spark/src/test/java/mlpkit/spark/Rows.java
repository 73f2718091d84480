package mlpkit.spark;

import mlpkit.core.matrix.DenseMatrix;
import mlpkit.data.random.RandomState;

/** Small seeded data sets for the module's tests: features, class labels, one-hot and regression targets, weights. */
final class Rows {
    final DenseMatrix x;
    final int[] labels;
    final DenseMatrix oneHot;
    final DenseMatrix regression;
    final double[] weights;

    private Rows(DenseMatrix x, int[] labels, DenseMatrix oneHot, DenseMatrix regression, double[] weights) {
        this.x = x;
        this.labels = labels;
        this.oneHot = oneHot;
        this.regression = regression;
        this.weights = weights;
    }

    /**
     * {@code n} rows of {@code inputs} standard-normal features from {@code RandomState(seed)}; a label of {@code classes}
     * from a fixed linear score plus standard-normal noise (so that the classes overlap and a fit's loss stays away from 0), its one-hot row, two noisy linear regression targets, and weights in [0.5, 2).
     */
    static Rows generate(int n, int inputs, int classes, long seed) {
        RandomState random = new RandomState(seed);
        double[] x = random.standardNormal(n * inputs);
        int[] labels = new int[n];
        double[] oneHot = new double[n * classes];
        double[] regression = new double[n * 2];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                double score = random.standardNormal();
                for (int j = 0; j < inputs; j++) {
                    score += x[i * inputs + j] * Math.sin(1 + c * inputs + j);
                }
                if (score > best) {
                    best = score;
                    labels[i] = c;
                }
            }
            oneHot[i * classes + labels[i]] = 1.0;
            double sum = 0;
            for (int j = 0; j < inputs; j++) {
                sum += x[i * inputs + j] * (j % 3 - 1);
            }
            regression[2 * i] = sum + 0.1 * random.standardNormal();
            regression[2 * i + 1] = Math.tanh(sum) + 0.1 * random.standardNormal();
            weights[i] = random.uniform(0.5, 2.0);
        }
        return new Rows(new DenseMatrix(n, inputs, x), labels, new DenseMatrix(n, classes, oneHot),
                new DenseMatrix(n, 2, regression), weights);
    }
}
