package mlpkit.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mlpkit.core.TestData;
import mlpkit.core.layer.Dense;
import mlpkit.core.loss.Reduction;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.optim.Optimizer;
import mlpkit.core.optim.Optimizers;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;
import mlpkit.core.loss.MeanSquaredError;
import mlpkit.core.loss.BinaryCrossEntropy;
import mlpkit.core.loss.HalfSumSquaredError;
import mlpkit.core.loss.SoftmaxCrossEntropy;

class NetworkTest {
    private static DenseMatrix rows(DenseMatrix m, int from, int to) {
        DenseMatrix out = new DenseMatrix(to - from, m.getColumnDimension());
        System.arraycopy(m.data(), from * m.getColumnDimension(), out.data(), 0, out.size());
        return out;
    }

    @Test
    void accumulatingTheGradientOverTwoHalvesEqualsTheWholeBatch() {
        Network network = Network.build(NetworkSpec.parse("network < dense(8, tanh); dense(5, relu); dense(3, softmax) >"),
                6, new SoftmaxCrossEntropy(), 21L);
        MersenneTwister rng = new MersenneTwister(22);
        DenseMatrix x = TestData.gaussian(rng, 13, 6);
        DenseMatrix y = TestData.targets(rng, "softmax-ce", 13, 3);

        double[] whole = new double[network.parameterCount()];
        LossSum all = network.accumulateGradient(x, y, whole);
        double[] halves = new double[network.parameterCount()];
        LossSum first = network.accumulateGradient(rows(x, 0, 6), rows(y, 0, 6), halves);
        LossSum second = network.accumulateGradient(rows(x, 6, 13), rows(y, 6, 13), halves);

        assertEquals(13, all.rows());
        assertEquals(13, first.rows() + second.rows());
        assertEquals(all.sum(), first.sum() + second.sum(), 1e-12 * all.sum());
        for (int k = 0; k < whole.length; k++) {
            assertEquals(whole[k], halves[k], 1e-12 * Math.max(1, Math.abs(whole[k])), "parameter " + k);
        }
        // The sum is the SUM-reduced gradient: equal to computeGradient with Reduction.SUM.
        network.computeGradient(x, y, Reduction.SUM);
        assertArrayEquals(whole, network.gradients(), 1e-12);
    }

    @Test
    void accumulateGradientAddsToWhatIsAlreadyThere() {
        Network network = Network.build(NetworkSpec.parse("network < dense(2, sigmoid) >"), 3, new BinaryCrossEntropy(), 3L);
        MersenneTwister rng = new MersenneTwister(4);
        DenseMatrix x = TestData.gaussian(rng, 4, 3);
        DenseMatrix y = TestData.targets(rng, "bce", 4, 2);
        double[] once = new double[network.parameterCount()];
        network.accumulateGradient(x, y, once);
        double[] twice = new double[network.parameterCount()];
        network.accumulateGradient(x, y, twice);
        network.accumulateGradient(x, y, twice);
        for (int k = 0; k < once.length; k++) {
            assertEquals(2 * once[k], twice[k], 1e-15);
        }
    }

    @Test
    void theSameSeedGivesBitIdenticalWeightsAfterTraining() {
        double[] first = trainTwentySteps(77L);
        double[] second = trainTwentySteps(77L);
        double[] other = trainTwentySteps(78L);
        assertArrayEquals(first, second, 0.0);
        assertTrue(!java.util.Arrays.equals(first, other), "a different seed must give different weights");
    }

    private static double[] trainTwentySteps(long seed) {
        Network network = Network.build(NetworkSpec.parse("network < dense(16, relu); dropout(0.25); dense(3, softmax) >"),
                5, new SoftmaxCrossEntropy(), seed);
        MersenneTwister rng = new MersenneTwister(seed + 1);
        DenseMatrix x = TestData.gaussian(rng, 32, 5);
        DenseMatrix y = TestData.targets(rng, "softmax-ce", 32, 3);
        Optimizer adam = Optimizers.adam();
        for (int step = 0; step < 20; step++) {
            network.computeGradient(x, y, Reduction.MEAN);
            adam.step(network.parameters(), network.gradients(), 0.01);
        }
        return network.parameters().clone();
    }

    @Test
    void theInputSizeIsInferredWhenTheNetworkIsBuilt() {
        NetworkSpec spec = NetworkSpec.parse("network < dense(6, sigmoid); dense(4, tanh); dense(1, sigmoid) >");
        Network network = Network.build(spec, 4, new BinaryCrossEntropy(), 1L);
        assertEquals(4, network.inputSize());
        assertEquals(1, network.outputSize());
        assertEquals(4 * 6 + 6 + 6 * 4 + 4 + 4 + 1, network.parameterCount());
        assertEquals(spec.notation(), network.toString());
        assertEquals(6, network.layout().tensors().size());
        assertEquals("layer 1 dense(4, tanh) W[6×4]", network.layout().tensors().get(2).label());
        boolean[] mask = network.layout().weightMask();
        assertTrue(mask[0] && !mask[24] && mask[30] && !mask[54]);
    }

    @Test
    void biasAndWeightGradientsUseTheSameReduction() {
        // Article 001 averages δ for the bias but sums it for the weights. With an input column of ones,
        // the weight from that input IS a bias, so both gradients must be equal under either reduction.
        Network network = Network.build(NetworkSpec.parse("network < dense(3, tanh); dense(2, sigmoid) >"), 2,
                new HalfSumSquaredError(), 9L);
        MersenneTwister rng = new MersenneTwister(10);
        DenseMatrix x = TestData.gaussian(rng, 6, 2);
        for (int i = 0; i < 6; i++) {
            x.setEntry(i, 0, 1.0);
        }
        DenseMatrix y = TestData.targets(rng, "mse", 6, 2);
        for (Reduction reduction : Reduction.values()) {
            network.computeGradient(x, y, reduction);
            Dense first = (Dense) network.layers().get(0);
            double[] g = network.gradients();
            for (int j = 0; j < 3; j++) {
                assertEquals(g[j], g[first.inputSize() * 3 + j], 1e-15, reduction + ": unit " + j);
            }
        }
    }

    @Test
    void aMeanReducedGradientIsTheSumDividedByTheBatchSize() {
        Network network = Network.build(NetworkSpec.parse("network < dense(4, relu); dense(1, identity) >"), 3,
                new MeanSquaredError(), 5L);
        MersenneTwister rng = new MersenneTwister(6);
        DenseMatrix x = TestData.gaussian(rng, 10, 3);
        DenseMatrix y = TestData.targets(rng, "mse", 10, 1);
        double sumLoss = network.computeGradient(x, y, Reduction.SUM);
        double[] sum = network.gradients().clone();
        double meanLoss = network.computeGradient(x, y, Reduction.MEAN);
        assertEquals(sumLoss / 10, meanLoss, 1e-15);
        for (int k = 0; k < sum.length; k++) {
            assertEquals(sum[k] / 10, network.gradients()[k], 1e-15);
        }
    }

    @Test
    void mismatchedDataAndIncompatibleLossesAreRejectedWithWhatToDo() {
        Network network = Network.build(NetworkSpec.parse("network < dense(3, relu); dense(2, softmax) >"), 4,
                new SoftmaxCrossEntropy(), 1L);
        IllegalArgumentException wrongWidth = assertThrows(IllegalArgumentException.class,
                () -> network.predict(new DenseMatrix(2, 5)));
        assertEquals("dense(3, relu) expects 4 input columns, got 5: the data must have as many features as the "
                + "network's input", wrongWidth.getMessage());
        IllegalArgumentException labels = assertThrows(IllegalArgumentException.class,
                () -> network.computeGradient(new DenseMatrix(2, 4), new DenseMatrix(2, 1), Reduction.MEAN));
        assertEquals("targets must be 2×2 (one row per sample, one column per output of dense(2, softmax)), got 2×1: "
                + "one-hot encode class labels", labels.getMessage());
        IllegalArgumentException bceAfterSoftmax = assertThrows(IllegalArgumentException.class,
                () -> Network.build(NetworkSpec.parse("network < dense(2, softmax) >"), 4, new BinaryCrossEntropy(), 1L));
        assertTrue(bceAfterSoftmax.getMessage().startsWith("layer 0 of network < dense(2, softmax) >: loss bce does not suit a "
                + "softmax output layer: it needs probabilities from a sigmoid output layer, dense(k, sigmoid); a softmax output "
                + "suits "), bceAfterSoftmax.getMessage());
        assertTrue(bceAfterSoftmax.getMessage().endsWith("softmax-ce"), bceAfterSoftmax.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Network.build(NetworkSpec.parse("network < dense(2, relu) >"), 4, new SoftmaxCrossEntropy(), 1L));
        IllegalArgumentException dropoutLast = assertThrows(IllegalArgumentException.class,
                () -> Network.build(NetworkSpec.parse("network < dense(2, sigmoid); dropout(0.5) >"), 4, new MeanSquaredError(), 1L));
        assertEquals("network < dense(2, sigmoid); dropout(0.5) >: the last layer dropout(0.5) has no output activation for the "
                + "loss to read: end the network with a layer that has one, e.g. dense(1, sigmoid)", dropoutLast.getMessage());
    }
}
