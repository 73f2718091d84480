package mlpkit.core;

import mlpkit.core.matrix.DenseMatrix;
import org.apache.commons.math3.random.RandomGenerator;

/** Random inputs and fitting targets for tests. */
public final class TestData {
    private TestData() {
    }

    /** rows × cols standard-normal entries. */
    public static DenseMatrix gaussian(RandomGenerator rng, int rows, int cols) {
        DenseMatrix m = new DenseMatrix(rows, cols);
        for (int k = 0; k < m.size(); k++) {
            m.data()[k] = rng.nextGaussian();
        }
        return m;
    }

    /** Targets that fit a loss: 0/1 for bce, one-hot rows for softmax-ce, real numbers otherwise. */
    public static DenseMatrix targets(RandomGenerator rng, String loss, int rows, int cols) {
        DenseMatrix y = new DenseMatrix(rows, cols);
        for (int i = 0; i < rows; i++) {
            if (loss.equals("softmax-ce")) {
                y.setEntry(i, rng.nextInt(cols), 1.0);
            } else {
                for (int j = 0; j < cols; j++) {
                    y.setEntry(i, j, loss.equals("bce") ? rng.nextInt(2) : rng.nextGaussian() * 0.5 + 0.25);
                }
            }
        }
        return y;
    }
}
