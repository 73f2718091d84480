package mlpkit.core.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import mlpkit.core.ConceptContracts;
import mlpkit.core.Fixtures;
import mlpkit.core.activation.Activation;
import mlpkit.core.activation.Identity;
import mlpkit.core.concept.Registry;
import mlpkit.core.matrix.DenseMatrix;
import org.junit.jupiter.api.Test;

class MeanAbsoluteErrorTest {
    private static final Fixtures FIXTURES = Fixtures.load("/mlpkit/core/fixtures/concept_fixtures.json");
    private static final Activation IDENTITY = new Identity();

    @Test
    void isTheMeanOfTheAbsoluteErrorsAndItsGradientTheirSignsOverKByHand() {
        // Errors a − y = [1, −3, 0]: (1 + 3 + 0) / 3 = 4/3 per sample; gradient sign(a − y) / K = [1, −1, 0] / 3.
        DenseMatrix a = DenseMatrix.of(new double[][]{{1.0, -2.0, 0.5}});
        DenseMatrix y = DenseMatrix.of(new double[][]{{0.0, 1.0, 0.5}});
        MeanAbsoluteError mae = new MeanAbsoluteError();
        assertEquals(4.0 / 3.0, mae.sum(IDENTITY, a, a, y), 0.0);
        DenseMatrix dA = new DenseMatrix(1, 3);
        mae.outputGradient(a, y, 1.0, dA);
        assertArrayEquals(new double[]{1.0 / 3.0, -1.0 / 3.0, 0.0}, dA.getRow(0), 0.0);
        // The slope does not grow with the error, unlike a squared error's: 1000 away pulls as hard as 0.001 away.
        assertEquals(1.0, mae.gradient(1000.0, 0.0), 0.0);
        assertEquals(1.0, mae.gradient(0.001, 0.0), 0.0);
        assertEquals(-1.0, mae.gradient(-0.001, 0.0), 0.0);
        assertEquals(1000.0, mae.value(0.0, 1000.0), 0.0);
    }

    @Test
    void hasNoDerivativeWhereTheOutputEqualsItsTargetAndTakesZeroThereAsPyTorch() {
        MeanAbsoluteError mae = new MeanAbsoluteError();
        assertArrayEquals(new double[]{0.0}, mae.kinks(), 0.0);
        assertEquals(0.0, mae.gradient(0.7, 0.7), 0.0);
        // One step either side of the kink, the one-sided slopes are −1 and +1.
        assertEquals(-1.0, mae.gradient(Math.nextDown(0.7), 0.7), 0.0);
        assertEquals(1.0, mae.gradient(Math.nextUp(0.7), 0.7), 0.0);
    }

    /**
     * The fixture's per-sample losses, their mean and the gradient of the mean w.r.t. a, from PyTorch's
     * l1_loss(reduction='mean') over all n·K elements. 1e-15 relative: the same |d| and sign(d) per element, but the
     * sums and the 1/(nK) scale are rounded in another order (ours: Σ/K per sample, then ×1/n), a few ulps at most.
     */
    @Test
    void matchesPyTorchsL1LossWithTheMeanReduction() {
        MeanAbsoluteError mae = new MeanAbsoluteError();
        DenseMatrix a = DenseMatrix.of(FIXTURES.matrix("losses", "yhat"));
        DenseMatrix y = DenseMatrix.of(FIXTURES.matrix("losses", "y"));
        int n = a.getRowDimension();
        double[] perSample = FIXTURES.vector("losses", "mae", "per_sample");
        for (int i = 0; i < n; i++) {
            DenseMatrix ai = DenseMatrix.of(new double[][]{a.getRow(i)});
            DenseMatrix yi = DenseMatrix.of(new double[][]{y.getRow(i)});
            assertEquals(perSample[i], mae.sum(IDENTITY, ai, ai, yi), 1e-15 * Math.abs(perSample[i]), "sample " + i);
        }
        double mean = FIXTURES.number("losses", "mae", "mean");
        assertEquals(mean, mae.value(IDENTITY, a, a, y, Reduction.MEAN), 1e-15 * Math.abs(mean), "mean");
        double[][] expected = FIXTURES.matrix("losses", "mae", "gradient_of_mean");
        DenseMatrix dA = new DenseMatrix(n, a.getColumnDimension());
        mae.outputGradient(a, y, Reduction.MEAN.scale(n), dA);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < expected[i].length; k++) {
                assertEquals(expected[i][k], dA.getEntry(i, k), 1e-15 * Math.abs(expected[i][k]), "gradient " + i + "," + k);
            }
        }
        // The fixture keeps one output equal to its target (row 1, column 0): PyTorch's gradient there is 0, and so is ours.
        assertEquals(0.0, FIXTURES.matrix("losses", "d")[1][0], 0.0);
        assertEquals(0.0, expected[1][0], 0.0);
        assertEquals(0.0, dA.getEntry(1, 0), 0.0);
    }

    @Test
    void meetsTheLossContractAndPassesTheGradientCheckOfARegressionNetwork() {
        ConceptContracts.valueLoss(new MeanAbsoluteError());
    }

    @Test
    void isWrittenMaeAndAlsoReadAsKerasName() {
        Registry registry = Registry.builtIns();
        assertEquals(new MeanAbsoluteError(), registry.parse(Loss.KIND, "mae"));
        assertEquals(new MeanAbsoluteError(), registry.parse(Loss.KIND, "meanAbsoluteError"));
        assertEquals("mae", new MeanAbsoluteError().notation());
        assertEquals(Loss.Targets.VALUES, new MeanAbsoluteError().targets());
    }
}
