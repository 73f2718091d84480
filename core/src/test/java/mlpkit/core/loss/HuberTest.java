package mlpkit.core.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import mlpkit.core.ConceptContracts;
import mlpkit.core.Fixtures;
import mlpkit.core.activation.Activation;
import mlpkit.core.activation.Identity;
import mlpkit.core.concept.ConceptException;
import mlpkit.core.concept.Registry;
import mlpkit.core.matrix.DenseMatrix;
import org.junit.jupiter.api.Test;

class HuberTest {
    private static final Fixtures FIXTURES = Fixtures.load("/mlpkit/core/fixtures/concept_fixtures.json");
    private static final Activation IDENTITY = new Identity();

    @Test
    void isHalfTheSquareWithinDeltaAndLinearBeyondItByHand() {
        Huber huber = new Huber(1.0);
        // δ = 1: d = 3 gives 1·(3 − ½) = 2.5; d = 0.5 gives ½·0.25 = 0.125; d = −2 gives 1·(2 − ½) = 1.5.
        assertEquals(2.5, huber.value(3.0, 0.0), 0.0);
        assertEquals(0.125, huber.value(1.5, 1.0), 0.0);
        assertEquals(1.5, huber.value(-1.0, 1.0), 0.0);
        assertEquals(1.0, huber.gradient(3.0, 0.0), 0.0);
        assertEquals(0.5, huber.gradient(1.5, 1.0), 0.0);
        assertEquals(-1.0, huber.gradient(-1.0, 1.0), 0.0);
        // δ = 0.5: d = 3 gives 0.5·(3 − 0.25) = 1.375, slope 0.5; d = −0.25 gives ½·0.0625 = 0.03125, slope −0.25.
        Huber narrow = new Huber(0.5);
        assertEquals(1.375, narrow.value(3.0, 0.0), 0.0);
        assertEquals(0.5, narrow.gradient(3.0, 0.0), 0.0);
        assertEquals(0.03125, narrow.value(0.0, 0.25), 0.0);
        assertEquals(-0.25, narrow.gradient(0.0, 0.25), 0.0);
    }

    @Test
    void bothBranchesMeetAtPlusAndMinusDeltaWithTheSameValueAndSlope() {
        Huber huber = new Huber(0.5);
        for (double d : new double[]{0.5, -0.5}) {
            // ½δ² = δ(δ − ½δ) = 0.125 at |d| = δ, and the slope is d = δ·sign(d) from either side.
            assertEquals(0.125, huber.value(d, 0.0), 0.0);
            assertEquals(d, huber.gradient(d, 0.0), 0.0);
            double below = Math.nextDown(Math.abs(d)) * Math.signum(d);
            double above = Math.nextUp(Math.abs(d)) * Math.signum(d);
            assertEquals(huber.gradient(d, 0.0), huber.gradient(below, 0.0), 1e-15);
            assertEquals(huber.gradient(d, 0.0), huber.gradient(above, 0.0), 1e-15);
        }
        assertEquals(0, huber.kinks().length, "h is continuously differentiable: no point without a derivative");
    }

    @Test
    void thePerSampleLossIsTheMeanOverTheOutputsAndItsGradientIsScaledByOneOverK() {
        // Two outputs with errors 3 and 0.5: (2.5 + 0.125) / 2 = 1.3125; row two: errors −2 and 0, (1.5 + 0) / 2 = 0.75.
        DenseMatrix a = DenseMatrix.of(new double[][]{{3.0, 1.5}, {-1.0, 2.0}});
        DenseMatrix y = DenseMatrix.of(new double[][]{{0.0, 1.0}, {1.0, 2.0}});
        Huber huber = new Huber(1.0);
        assertEquals(1.3125 + 0.75, huber.sum(IDENTITY, a, a, y), 0.0);
        assertEquals((1.3125 + 0.75) / 2, huber.value(IDENTITY, a, a, y, Reduction.MEAN), 0.0);
        DenseMatrix dA = new DenseMatrix(2, 2);
        huber.outputGradient(a, y, 1.0, dA);
        assertArrayEquals(new double[]{0.5, 0.25}, dA.getRow(0), 0.0);
        assertArrayEquals(new double[]{-0.5, 0.0}, dA.getRow(1), 0.0);
    }

    @Test
    void matchesPyTorchsHuberLossWithTheDefaultDeltaAndWithDeltaOneHalf() {
        checkAgainstFixture(new Huber(1.0), "huber");
        checkAgainstFixture(new Huber(0.5), "huber_delta_0.5");
    }

    /**
     * The fixture's per-sample losses, their mean and the gradient of the mean w.r.t. a (PyTorch's huber_loss with
     * reduction='mean' over all n·K elements; its errors include |d| = δ exactly, for both δ). 1e-15 relative: the
     * same formula per element, but the sums and the 1/(nK) scale are rounded in another order (ours: Σ/K per sample,
     * then ×1/n; the mean for δ = 1 is 1 ulp from PyTorch's), a few ulps at most.
     */
    private static void checkAgainstFixture(Loss loss, String section) {
        DenseMatrix a = DenseMatrix.of(FIXTURES.matrix("losses", "yhat"));
        DenseMatrix y = DenseMatrix.of(FIXTURES.matrix("losses", "y"));
        int n = a.getRowDimension();
        double[] perSample = FIXTURES.vector("losses", section, "per_sample");
        for (int i = 0; i < n; i++) {
            DenseMatrix ai = DenseMatrix.of(new double[][]{a.getRow(i)});
            DenseMatrix yi = DenseMatrix.of(new double[][]{y.getRow(i)});
            assertEquals(perSample[i], loss.sum(IDENTITY, ai, ai, yi), 1e-15 * Math.abs(perSample[i]), section + " sample " + i);
        }
        double mean = FIXTURES.number("losses", section, "mean");
        assertEquals(mean, loss.value(IDENTITY, a, a, y, Reduction.MEAN), 1e-15 * Math.abs(mean), section + " mean");
        double[][] expected = FIXTURES.matrix("losses", section, "gradient_of_mean");
        DenseMatrix dA = new DenseMatrix(n, a.getColumnDimension());
        loss.outputGradient(a, y, Reduction.MEAN.scale(n), dA);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < expected[i].length; k++) {
                assertEquals(expected[i][k], dA.getEntry(i, k), 1e-15 * Math.abs(expected[i][k]), section + " gradient " + i + "," + k);
            }
        }
    }

    @Test
    void meetsTheLossContractAndPassesTheGradientCheckOfARegressionNetwork() {
        // δ = 0.05 puts most of the network's errors on the linear branch, δ = 1 most on the quadratic one.
        ConceptContracts.valueLoss(new Huber(1.0));
        ConceptContracts.valueLoss(new Huber(0.5));
        ConceptContracts.valueLoss(new Huber(0.05));
    }

    @Test
    void isWrittenHuberWithDeltaOnlyWhenItIsNotOneAndRefusesANonPositiveDelta() {
        Registry registry = Registry.builtIns();
        assertEquals(new Huber(1.0), registry.parse(Loss.KIND, "huber"));
        assertEquals("huber", new Huber(1.0).notation());
        assertEquals(new Huber(0.5), registry.parse(Loss.KIND, "huber(delta=0.5)"));
        assertEquals(new Huber(0.5), registry.parse(Loss.KIND, "huber(0.5)"));
        assertEquals("huber(delta=0.5)", new Huber(0.5).notation());
        assertEquals(Loss.Targets.VALUES, new Huber(0.5).targets());
        ConceptException e = assertThrows(ConceptException.class, () -> new Huber(0.0));
        assertEquals("huber: delta must be a number > 0, got 0.0; use a positive error size such as 1.0", e.getMessage());
        assertThrows(ConceptException.class, () -> new Huber(Double.NaN));
    }
}
