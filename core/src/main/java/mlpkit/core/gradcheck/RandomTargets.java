package mlpkit.core.gradcheck;

import mlpkit.core.activation.Activation;
import mlpkit.core.loss.Loss;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.network.Network;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Random targets of the kind a network's loss expects ({@link Loss#targets()}), for checking gradients
 * without real data: one-hot rows, 0/1 per output, or values inside the output activation's range.
 */
final class RandomTargets {
    private RandomTargets() {
    }

    static DenseMatrix fitting(Network network, int rows, RandomGenerator rng) {
        int cols = network.outputSize();
        DenseMatrix y = new DenseMatrix(rows, cols);
        Activation output = network.spec().outputActivation();
        Loss.Targets targets = network.lossFunction().targets();
        double lo = output.minOutput(), hi = output.maxOutput();
        double[] d = y.data();
        for (int i = 0; i < rows; i++) {
            if (targets == Loss.Targets.ONE_HOT) {
                d[i * cols + rng.nextInt(cols)] = 1.0;                 // one-hot class
                continue;
            }
            for (int j = 0; j < cols; j++) {
                d[i * cols + j] = targets == Loss.Targets.BINARY ? rng.nextInt(2) : value(lo, hi, rng);
            }
        }
        return y;
    }

    /** Uniform in a bounded range, |N(0, 1)| from a bound for a half-bounded one, N(0, 1) otherwise. */
    private static double value(double lo, double hi, RandomGenerator rng) {
        boolean bottom = Double.isFinite(lo), top = Double.isFinite(hi);
        if (bottom && top) {
            return lo + (hi - lo) * rng.nextDouble();
        }
        if (bottom) {
            return lo + Math.abs(rng.nextGaussian());
        }
        if (top) {
            return hi - Math.abs(rng.nextGaussian());
        }
        return rng.nextGaussian();
    }
}
