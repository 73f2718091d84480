package mlpkit.core.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mlpkit.core.activation.Activation;
import mlpkit.core.activation.Activations;
import mlpkit.core.matrix.DenseMatrix;
import org.junit.jupiter.api.Test;

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
        assertEquals(2.75, value(Losses.HALF_SUM_SQUARED_ERROR, Activations.IDENTITY, a, y, Reduction.SUM), 1e-15);
        assertEquals(1.375, value(Losses.HALF_SUM_SQUARED_ERROR, Activations.IDENTITY, a, y, Reduction.MEAN), 1e-15);
        // mse: (1 + 4)/2 + (0.25 + 0.25)/2 = 2.75 summed over samples; mean over samples and outputs 1.375
        assertEquals(2.75, value(Losses.MEAN_SQUARED_ERROR, Activations.IDENTITY, a, y, Reduction.SUM), 1e-15);
        assertEquals(1.375, value(Losses.MEAN_SQUARED_ERROR, Activations.IDENTITY, a, y, Reduction.MEAN), 1e-15);
        // ...equal for two outputs, but their gradients are not: (a − y) versus (2/K)(a − y) = (a − y) for K = 2.
        // With three outputs they part: ½Σ vs (1/3)Σ.
        DenseMatrix a3 = m(new double[][]{{1, 2, 3}});
        DenseMatrix y3 = m(new double[][]{{0, 0, 0}});
        assertEquals(7.0, value(Losses.HALF_SUM_SQUARED_ERROR, Activations.IDENTITY, a3, y3, Reduction.SUM), 1e-15);
        assertEquals(14.0 / 3.0, value(Losses.MEAN_SQUARED_ERROR, Activations.IDENTITY, a3, y3, Reduction.SUM), 1e-15);
        DenseMatrix dA = new DenseMatrix(1, 3);
        Losses.HALF_SUM_SQUARED_ERROR.outputGradient(a3, y3, 1.0, dA);
        assertArrayEquals(new double[]{1, 2, 3}, dA.getRow(0), 1e-15);
        Losses.MEAN_SQUARED_ERROR.outputGradient(a3, y3, 1.0, dA);
        assertArrayEquals(new double[]{2.0 / 3, 4.0 / 3, 2.0}, dA.getRow(0), 1e-15);
    }

    @Test
    void binaryCrossEntropyFromLogitsIsFiniteWhereTheProbabilityRoundsToZeroOrOne() {
        // z = ±1000: σ(z) rounds to exactly 0 or 1; from the logits the loss is exactly 1000 when wrong, 0 when right.
        DenseMatrix z = m(new double[][]{{1000}, {-1000}, {1000}, {0}});
        DenseMatrix y = m(new double[][]{{0}, {1}, {1}, {1}});
        assertEquals(2000 + Math.log(2), value(Losses.BINARY_CROSS_ENTROPY, Activations.SIGMOID, z, y, Reduction.SUM), 1e-12);
    }

    @Test
    void binaryCrossEntropyMatchesItsDefinitionOnHandValues() {
        // −[1·log 0.8] − [log(1 − 0.3)] = 0.2231435513142097 + 0.35667494393873245
        double z1 = Math.log(0.8 / 0.2);
        double z2 = Math.log(0.3 / 0.7);
        DenseMatrix z = m(new double[][]{{z1}, {z2}});
        DenseMatrix y = m(new double[][]{{1}, {0}});
        assertEquals((0.2231435513142097 + 0.35667494393873245) / 2,
                value(Losses.BINARY_CROSS_ENTROPY, Activations.SIGMOID, z, y, Reduction.MEAN), 1e-15);
    }

    @Test
    void softmaxCrossEntropyUsesLogSumExpAndStaysFiniteForHugeLogits() {
        // logsumexp([1000, 0]) − 0 = 1000 + log(1 + e^−1000) = 1000 for the wrong class; ≈ 0 for the right one.
        DenseMatrix z = m(new double[][]{{1000, 0}, {1000, 0}, {1, 2}});
        DenseMatrix y = m(new double[][]{{0, 1}, {1, 0}, {0, 1}});
        double third = Math.log(Math.exp(1) + Math.exp(2)) - 2;   // 0.31326168751822286
        assertEquals(1000 + 0 + third, value(Losses.SOFTMAX_CROSS_ENTROPY, Activations.SOFTMAX, z, y, Reduction.SUM), 1e-12);
    }

    @Test
    void onlyTheCanonicalPairsFuseTheirOutputDelta() {
        assertTrue(Losses.BINARY_CROSS_ENTROPY.fusesWith(Activations.SIGMOID));
        assertTrue(Losses.SOFTMAX_CROSS_ENTROPY.fusesWith(Activations.SOFTMAX));
        assertTrue(Losses.MEAN_SQUARED_ERROR.fusesWith(Activations.IDENTITY));
        assertTrue(Losses.HALF_SUM_SQUARED_ERROR.fusesWith(Activations.IDENTITY));
        assertFalse(Losses.MEAN_SQUARED_ERROR.fusesWith(Activations.SIGMOID), "sigmoid + MSE (E1, E4) uses the chain rule");
        assertFalse(Losses.HALF_SUM_SQUARED_ERROR.fusesWith(Activations.SIGMOID));
        assertFalse(Losses.MEAN_SQUARED_ERROR.fusesWith(Activations.SOFTMAX));
    }

    @Test
    void namesResolveAndUnknownNamesListTheKnownOnes() {
        for (String name : Losses.NAMES) {
            assertEquals(name, Losses.byName(name).notation());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Losses.byName("l2"));
        assertEquals("unknown loss 'l2': expected one of bce, mse, half-sse, softmax-ce", e.getMessage());
        assertEquals(0.25, Reduction.MEAN.scale(4));
        assertEquals(1.0, Reduction.SUM.scale(4));
    }
}
