package mlpkit.core.gradcheck;

import mlpkit.core.activation.Activation;
import mlpkit.core.activation.Sigmoid;
import mlpkit.core.activation.Softmax;
import mlpkit.core.activation.Tanh;
import mlpkit.core.layer.Dense;
import mlpkit.core.loss.BinaryCrossEntropy;
import mlpkit.core.loss.SoftmaxCrossEntropy;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.network.Network;
import org.apache.commons.math3.random.RandomGenerator;

/** Random targets of the kind a network's loss expects, for checking gradients without real data. */
final class RandomTargets {
    private RandomTargets() {
    }

    static DenseMatrix fitting(Network network, int rows, RandomGenerator rng) {
        int cols = network.outputSize();
        DenseMatrix y = new DenseMatrix(rows, cols);
        Activation output = ((Dense) network.layers().get(network.layers().size() - 1)).activation();
        double[] d = y.data();
        for (int i = 0; i < rows; i++) {
            if (network.lossFunction() instanceof SoftmaxCrossEntropy) {
                d[i * cols + rng.nextInt(cols)] = 1.0;                 // one-hot class
                continue;
            }
            for (int j = 0; j < cols; j++) {
                d[i * cols + j] = network.lossFunction() instanceof BinaryCrossEntropy ? rng.nextInt(2)
                        : output instanceof Sigmoid || output instanceof Softmax ? rng.nextDouble()
                        : output instanceof Tanh ? 2 * rng.nextDouble() - 1
                        : rng.nextGaussian();
            }
        }
        return y;
    }
}
