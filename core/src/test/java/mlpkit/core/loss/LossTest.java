package mlpkit.core.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mlpkit.core.activation.Activation;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.matrix.Kernels;
import org.junit.jupiter.api.Test;
import mlpkit.core.activation.Identity;
import mlpkit.core.activation.Sigmoid;
import mlpkit.core.activation.Softmax;
import mlpkit.core.concept.Concepts;
import mlpkit.core.concept.Registry;

class LossTest {
    private static DenseMatrix m(double[][] values) {
        return DenseMatrix.of(values);
    }

    private static double value(Loss loss, Activation f, DenseMatrix z, DenseMatrix y, Reduction r) {
        DenseMatrix a = new DenseMatrix(z.getRowDimension(), z.getColumnDimension());
        f.forward(z, a);
        return loss.value(f, z, a, y, r);
    }

    @Test
    void theTwoSquaredErrorConventionsDifferAsTheirDefinitionsSay() {
        // Two samples, two outputs; errors (a − y) = [1, −2] and [0.5, 0.5].
        DenseMatrix a = m(new double[][]{{1, 0}, {1, 2}});
        DenseMatrix y = m(new double[][]{{0, 2}, {0.5, 1.5}});
        // half-sse: ½(1 + 4) + ½(0.25 + 0.25) = 2.75 summed; 1.375 mean over samples
        assertEquals(2.75, value(new HalfSumSquaredError(), new Identity(), a, y, Reduction.SUM), 1e-15);
        assertEquals(1.375, value(new HalfSumSquaredError(), new Identity(), a, y, Reduction.MEAN), 1e-15);
        // mse: (1 + 4)/2 + (0.25 + 0.25)/2 = 2.75 summed over samples; mean over samples and outputs 1.375
        assertEquals(2.75, value(new MeanSquaredError(), new Identity(), a, y, Reduction.SUM), 1e-15);
        assertEquals(1.375, value(new MeanSquaredError(), new Identity(), a, y, Reduction.MEAN), 1e-15);
        // ...equal for two outputs, but their gradients are not: (a − y) versus (2/K)(a − y) = (a − y) for K = 2.
        // With three outputs they part: ½Σ vs (1/3)Σ.
        DenseMatrix a3 = m(new double[][]{{1, 2, 3}});
        DenseMatrix y3 = m(new double[][]{{0, 0, 0}});
        assertEquals(7.0, value(new HalfSumSquaredError(), new Identity(), a3, y3, Reduction.SUM), 1e-15);
        assertEquals(14.0 / 3.0, value(new MeanSquaredError(), new Identity(), a3, y3, Reduction.SUM), 1e-15);
        DenseMatrix dA = new DenseMatrix(1, 3);
        new HalfSumSquaredError().outputGradient(a3, y3, 1.0, dA);
        assertArrayEquals(new double[]{1, 2, 3}, dA.getRow(0), 1e-15);
        new MeanSquaredError().outputGradient(a3, y3, 1.0, dA);
        assertArrayEquals(new double[]{2.0 / 3, 4.0 / 3, 2.0}, dA.getRow(0), 1e-15);
    }

    @Test
    void binaryCrossEntropyFromLogitsIsFiniteWhereTheProbabilityRoundsToZeroOrOne() {
        // z = ±1000: σ(z) rounds to exactly 0 or 1; from the logits the loss is exactly 1000 when wrong, 0 when right.
        DenseMatrix z = m(new double[][]{{1000}, {-1000}, {1000}, {0}});
        DenseMatrix y = m(new double[][]{{0}, {1}, {1}, {1}});
        assertEquals(2000 + Math.log(2), value(new BinaryCrossEntropy(), new Sigmoid(), z, y, Reduction.SUM), 1e-12);
    }

    @Test
    void binaryCrossEntropyMatchesItsDefinitionOnHandValues() {
        // −[1·log 0.8] − [log(1 − 0.3)] = 0.2231435513142097 + 0.35667494393873245
        double z1 = Math.log(0.8 / 0.2);
        double z2 = Math.log(0.3 / 0.7);
        DenseMatrix z = m(new double[][]{{z1}, {z2}});
        DenseMatrix y = m(new double[][]{{1}, {0}});
        assertEquals((0.2231435513142097 + 0.35667494393873245) / 2,
                value(new BinaryCrossEntropy(), new Sigmoid(), z, y, Reduction.MEAN), 1e-15);
    }

    @Test
    void binaryCrossEntropyOfABatchAddsItsEntriesInOrderWithTheSameBitsOnTheVectorPath() throws InterruptedException {
        assertTrue(Kernels.awaitWarmKernels(60_000) || Kernels.productKernel().startsWith("scalar"));
        org.apache.commons.math3.random.MersenneTwister rng = new org.apache.commons.math3.random.MersenneTwister(3);
        int rows = 1001;   // the vector path takes the whole vectors, the scalar loop the last entries
        DenseMatrix z = new DenseMatrix(rows, 1), y = new DenseMatrix(rows, 1);
        double expected = 0, textbook = 0;
        for (int r = 0; r < rows; r++) {
            double v = rng.nextGaussian() * 6, t = rng.nextInt(2);
            z.setEntry(r, 0, v);
            y.setEntry(r, 0, t);
            expected += BinaryCrossEntropy.fromLogit(v, t);
            textbook += Math.max(v, 0) - v * t + StrictMath.log1p(StrictMath.exp(-Math.abs(v)));
        }
        double sum = value(new BinaryCrossEntropy(), new Sigmoid(), z, y, Reduction.SUM);
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(sum), expected + " vs " + sum);
        assertEquals(textbook, sum, 1e-14 * textbook);
    }

    @Test
    void softmaxCrossEntropyUsesLogSumExpAndStaysFiniteForHugeLogits() {
        // logsumexp([1000, 0]) − 0 = 1000 + log(1 + e^−1000) = 1000 for the wrong class; ≈ 0 for the right one.
        DenseMatrix z = m(new double[][]{{1000, 0}, {1000, 0}, {1, 2}});
        DenseMatrix y = m(new double[][]{{0, 1}, {1, 0}, {0, 1}});
        double third = Math.log(Math.exp(1) + Math.exp(2)) - 2;   // 0.31326168751822286
        assertEquals(1000 + 0 + third, value(new SoftmaxCrossEntropy(), new Softmax(), z, y, Reduction.SUM), 1e-12);
    }

    @Test
    void onlyTheCanonicalPairsFuseTheirOutputDelta() {
        assertTrue(new BinaryCrossEntropy().fusesWith(new Sigmoid()));
        assertTrue(new SoftmaxCrossEntropy().fusesWith(new Softmax()));
        assertTrue(new MeanSquaredError().fusesWith(new Identity()));
        assertTrue(new HalfSumSquaredError().fusesWith(new Identity()));
        assertFalse(new MeanSquaredError().fusesWith(new Sigmoid()), "sigmoid + MSE (E1, E4) uses the chain rule");
        assertFalse(new HalfSumSquaredError().fusesWith(new Sigmoid()));
        assertFalse(new MeanSquaredError().fusesWith(new Softmax()));
    }

    @Test
    void namesResolveAndUnknownNamesListTheKnownOnes() {
        Concepts<Loss> losses = Registry.builtIns().of(Loss.KIND);
        for (String name : losses.names()) {
            assertEquals(name, losses.require(name).create().notation());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> losses.require("l2"));
        assertEquals("unknown loss 'l2': expected " + losses.expectation(), e.getMessage());
        assertTrue(e.getMessage().startsWith("unknown loss 'l2': expected one of bce, half-sse, "), e.getMessage());
        assertEquals(0.25, Reduction.MEAN.scale(4));
        assertEquals(1.0, Reduction.SUM.scale(4));
    }
}
