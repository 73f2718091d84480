package mlpkit.core.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import mlpkit.core.ConceptContracts;
import mlpkit.core.Fixtures;
import mlpkit.core.TestData;
import mlpkit.core.concept.ConceptException;
import mlpkit.core.concept.Registry;
import mlpkit.core.loss.Loss;
import mlpkit.core.loss.Reduction;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.network.Network;
import mlpkit.core.network.NetworkSpec;
import mlpkit.core.network.ParameterTensor;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

/** batchNorm against the fixture's reference numbers, hand-worked values, gradient checks and a network's state. */
class BatchNormTest {
    private static final Registry BUILT_INS = Registry.builtIns();

    /** A layer of {@code spec} on {@code width} inputs, bound to fresh arrays and initialised; arrays[0] params, [1] state. */
    private static Layer bound(BatchNorm.Spec spec, int width, double[][] arrays) {
        Layer layer = spec.build(width, new MersenneTwister(1));
        arrays[0] = new double[layer.parameterCount()];
        arrays[1] = new double[2 * width];
        layer.bind(arrays[0], 0);
        layer.bindState(arrays[1], 0);
        layer.initialize(new MersenneTwister(1));
        return layer;
    }

    @Test
    void aLayerStartsAtGammaOneBetaZeroMovingMeanZeroAndMovingVarianceOne() {
        double[][] arrays = new double[2][];
        Layer layer = bound(new BatchNorm.Spec(), 3, arrays);
        assertArrayEquals(new double[]{1, 1, 1, 0, 0, 0}, arrays[0], 0.0);
        assertArrayEquals(new double[]{0, 0, 0, 1, 1, 1}, arrays[1], 0.0);
        assertEquals(List.of(new TensorShape("gamma", 1, 3, false), new TensorShape("beta", 1, 3, false)), layer.parameters());
        assertEquals(List.of(new TensorShape("movingMean", 1, 3, false), new TensorShape("movingVariance", 1, 3, false)),
                layer.state());
        assertEquals(3, layer.outputSize());
        assertEquals(5, new BatchNorm.Spec().outputSize(5));
        IllegalStateException unbound = assertThrows(IllegalStateException.class,
                () -> new BatchNorm.Spec().build(3, new MersenneTwister(1)).initialize(new MersenneTwister(1)));
        assertEquals("batchNorm: bind its parameters and its state before initialising it", unbound.getMessage());
    }

    /**
     * Two columns of three rows, γ = (2, 0.5), β = (0.1, −1), momentum 0.9, eps 0.001, worked by hand.
     * Column 0: x = 1, 2, 6: μ = 3, σ² = (4 + 1 + 9)/3 = 14/3. Column 1: x = 4, 4, 4: μ = 4, σ² = 0 (constant).
     */
    @Test
    void aTrainingBatchIsNormalisedWithItsOwnStatisticsAndMovesTheAveragesAsKeras() {
        double[][] arrays = new double[2][];
        Layer layer = bound(new BatchNorm.Spec(0.9, 1e-3), 2, arrays);
        System.arraycopy(new double[]{2, 0.5, 0.1, -1}, 0, arrays[0], 0, 4);
        DenseMatrix x = DenseMatrix.of(new double[][]{{1, 4}, {2, 4}, {6, 4}});
        DenseMatrix out = layer.forward(x, true);
        double s = Math.sqrt(14.0 / 3 + 1e-3);
        double[] expected = {2 * (1 - 3) / s + 0.1, -1, 2 * (2 - 3) / s + 0.1, -1, 2 * (6 - 3) / s + 0.1, -1};
        // μ = 3 and 4 and the sums of squares are exact; γ = 2 and 0.5 are powers of two, so γ·x̂ rounds nothing and
        // the layer's operations are the ones written here, in the same order: equal to the last bit.
        assertArrayEquals(expected, out.data(), 0.0);
        // Keras' moving = moving·momentum + batch·(1 − momentum), from (0, 0) and (1, 1), evaluated as Keras writes it.
        assertEquals(0 * 0.9 + 3 * (1 - 0.9), arrays[1][0], 0.0);
        assertEquals(0 * 0.9 + 4 * (1 - 0.9), arrays[1][1], 0.0);
        assertEquals(1 * 0.9 + 14.0 / 3 * (1 - 0.9), arrays[1][2], 0.0);
        assertEquals(0.9, arrays[1][3], 0.0, "a constant column adds a variance of exactly 0");
        assertSame(out, layer.output());

        // dy = (1, 1), (0, 2), (−1, 3). Column 0: Σ dy = 0, Σ dy·x̂ = 1·(−2/s) + 0·(−1/s) − 1·(3/s) = −5/s.
        // Column 1: Σ dy = 6, x̂ = 0.
        DenseMatrix dy = DenseMatrix.of(new double[][]{{1, 1}, {0, 2}, {-1, 3}});
        double[] gradients = new double[4];
        DenseMatrix dx = layer.backward(dy, gradients, false, true);
        double[] xHat0 = {-2 / s, -1 / s, 3 / s};
        double sumDyXhat0 = 1 * xHat0[0] + 0 * xHat0[1] - 1 * xHat0[2];   // the layer's sum, in its order
        assertEquals(-5 / s, sumDyXhat0, 4 * Math.ulp(5 / s));
        assertEquals(sumDyXhat0, gradients[0], 0.0, "∂L/∂γ₀ = Σ dy·x̂");
        assertEquals(0.0, gradients[1], 0.0, "∂L/∂γ₁ = Σ dy·0");
        assertEquals(0.0, gradients[2], 0.0, "∂L/∂β₀ = 1 + 0 − 1");
        assertEquals(6.0, gradients[3], 0.0, "∂L/∂β₁ = 1 + 2 + 3");
        double[] dy0 = {1, 0, -1};
        for (int i = 0; i < 3; i++) {
            // (γ/s)·(dy − mean(dy) − x̂·mean(dy·x̂)); |∂L/∂x| < 1, so 1e-15 is a few ulps of rounding in another order.
            double want = 2 / s * (dy0[i] - 0.0 - xHat0[i] * sumDyXhat0 / 3);
            assertEquals(want, dx.getEntry(i, 0), 1e-15, "∂L/∂x of column 0, row " + i);
            // Constant column: x̂ = 0, so ∂L/∂x = (γ/√eps)·(dy − mean(dy)) = (0.5/√0.001)·(dy − 2), finite and exact.
            assertEquals(0.5 / Math.sqrt(1e-3) * (dy.getEntry(i, 1) - 2), dx.getEntry(i, 1), 0.0, "column 1, row " + i);
        }
        // The rows of ∂L/∂x sum to 0 in training mode: shifting a column's inputs does not change the output.
        assertEquals(0.0, dx.getEntry(0, 0) + dx.getEntry(1, 0) + dx.getEntry(2, 0), 1e-15);
        assertEquals(0.0, dx.getEntry(0, 1) + dx.getEntry(1, 1) + dx.getEntry(2, 1), 0.0);

        double[] added = {1, 1, 1, 1};
        assertNull(layer.backward(dy, added, true, false), "no input gradient when none is needed");
        assertEquals(1 + sumDyXhat0, added[0], 0.0, "accumulate adds to what is there");
        assertEquals(7.0, added[3], 0.0);
    }

    @Test
    void inferenceUsesTheMovingStatisticsLeavesThemAloneAndBackPropagatesThroughAFixedAffineMap() {
        double[][] arrays = new double[2][];
        Layer layer = bound(new BatchNorm.Spec(), 2, arrays);
        System.arraycopy(new double[]{2, 0.5, 0.1, -1}, 0, arrays[0], 0, 4);
        System.arraycopy(new double[]{3, -1, 4, 0.25}, 0, arrays[1], 0, 4);   // movingMean (3, −1), movingVariance (4, 0.25)
        double[] stateBefore = arrays[1].clone();
        DenseMatrix x = DenseMatrix.of(new double[][]{{1, 0}, {5, -2}});
        DenseMatrix out = layer.forward(x, false);
        double s0 = Math.sqrt(4 + 1e-3);
        double s1 = Math.sqrt(0.25 + 1e-3);
        double[] expected = {2 * (1 - 3) / s0 + 0.1, 0.5 * (0 + 1) / s1 - 1, 2 * (5 - 3) / s0 + 0.1, 0.5 * (-2 + 1) / s1 - 1};
        assertArrayEquals(expected, out.data(), 0.0, "the same operations in the same order (γ a power of two)");
        assertArrayEquals(stateBefore, arrays[1], 0.0, "inference leaves the moving statistics as they were");

        DenseMatrix dy = DenseMatrix.of(new double[][]{{1, 2}, {3, -1}});
        double[] gradients = new double[4];
        DenseMatrix dx = layer.backward(dy, gradients, false, true);
        assertEquals(2 / s0 * 1, dx.getEntry(0, 0), 0.0);
        assertEquals(2 / s0 * 3, dx.getEntry(1, 0), 0.0);
        assertEquals(0.5 / s1 * 2, dx.getEntry(0, 1), 0.0);
        assertEquals(0.5 / s1 * -1, dx.getEntry(1, 1), 0.0);
        assertEquals(1 * (-2 / s0) + 3 * (2 / s0), gradients[0], 0.0, "∂L/∂γ₀ = Σ dy·x̂ with the moving statistics");
        assertEquals(2 * (1 / s1) - 1 * (-1 / s1), gradients[1], 0.0);
        assertEquals(4.0, gradients[2], 0.0);
        assertEquals(1.0, gradients[3], 0.0);
    }

    @Test
    void batchNormMeetsTheLayerContractInInferenceAndTrainingMode() {
        ConceptContracts.layer(new BatchNorm.Spec(0.99, 1e-3));
        ConceptContracts.layer(new BatchNorm.Spec(0.5, 1e-5));
    }

    @Test
    void theNotationIsTheBareNameForKerasDefaultsAndNamesWhatDiffers() {
        assertEquals("batchNorm", new BatchNorm.Spec(0.99, 1e-3).notation());
        assertEquals(new BatchNorm.Spec(0.99, 1e-3), BUILT_INS.parse(LayerSpec.KIND, "batchNorm"));
        assertEquals("batchNorm(momentum=0.9)", new BatchNorm.Spec(0.9, 1e-3).notation());
        assertEquals(new BatchNorm.Spec(0.9, 1e-3), BUILT_INS.parse(LayerSpec.KIND, "batchNorm(momentum=0.9)"));
        assertEquals(new BatchNorm.Spec(0.9, 1e-5), BUILT_INS.parse(LayerSpec.KIND, "batchNorm(momentum=0.9, eps=1e-5)"));
        assertEquals("batchNorm(momentum=0.9, eps=1.0e-5)", new BatchNorm.Spec(0.9, 1e-5).notation());
        ConceptException momentum = assertThrows(ConceptException.class, () -> new BatchNorm.Spec(1.0, 1e-3));
        assertEquals("batchNorm: momentum must be a number in [0, 1), got 1.0; "
                + "Keras uses 0.99, PyTorch's momentum 0.1 is 0.9 here", momentum.getMessage());
        assertThrows(ConceptException.class, () -> new BatchNorm.Spec(0.99, 0.0));
    }

    @Test
    void aNetworkWithBatchNormKeepsItsMovingStatisticsAsStateThatTrainingChangesAndInferenceDoesNot() {
        NetworkSpec spec = NetworkSpec.parse("network < dense(8, relu); batchNorm; dense(1, sigmoid) >");
        assertEquals("network < dense(8, relu); batchNorm; dense(1, sigmoid) >", spec.notation());
        Loss bce = BUILT_INS.parse(Loss.KIND, "bce");
        Network network = Network.build(spec, 3, bce, 5L);
        List<ParameterTensor> state = network.stateLayout().tensors();
        assertEquals(List.of("movingMean", "movingVariance"), state.stream().map(ParameterTensor::name).toList());
        assertEquals(List.of(1, 1), state.stream().map(ParameterTensor::layerIndex).toList());
        double[] initial = new double[16];
        Arrays.fill(initial, 8, 16, 1.0);
        assertArrayEquals(initial, network.state(), 0.0);
        assertEquals(List.of("W", "b", "gamma", "beta", "W", "b"),
                network.layout().tensors().stream().map(ParameterTensor::name).toList());

        // batchNorm draws nothing: the dense layers get the same weights as in the network without it.
        Network plain = Network.build(NetworkSpec.parse("network < dense(8, relu); dense(1, sigmoid) >"), 3, bce, 5L);
        assertArrayEquals(Arrays.copyOfRange(plain.parameters(), 0, 32), Arrays.copyOfRange(network.parameters(), 0, 32), 0.0);
        assertArrayEquals(Arrays.copyOfRange(plain.parameters(), 32, 41), Arrays.copyOfRange(network.parameters(), 48, 57), 0.0);

        MersenneTwister rng = new MersenneTwister(6);
        DenseMatrix x = TestData.gaussian(rng, 10, 3);
        DenseMatrix y = TestData.targets(rng, "bce", 10, 1);
        network.forward(x, false);
        assertArrayEquals(initial, network.state(), 0.0, "an inference forward leaves the state alone");

        network.computeGradient(x, y, Reduction.MEAN);
        DenseMatrix hidden = network.layers().get(0).output();
        for (int j = 0; j < 8; j++) {
            double sum = 0;
            for (int i = 0; i < 10; i++) {
                sum += hidden.getEntry(i, j);
            }
            double mu = sum / 10;
            double squares = 0;
            for (int i = 0; i < 10; i++) {
                squares += (hidden.getEntry(i, j) - mu) * (hidden.getEntry(i, j) - mu);
            }
            // Same sums in the same order as the layer: equal to the last bit.
            assertEquals(0 * 0.99 + mu * (1 - 0.99), network.state()[j], 0.0, "moving mean " + j);
            assertEquals(1 * 0.99 + squares / 10 * (1 - 0.99), network.state()[8 + j], 0.0, "moving variance " + j);
        }
        double[] afterTraining = network.state().clone();
        assertTrue(!Arrays.equals(initial, afterTraining), "a training step changes the state");
        network.predict(x);
        network.loss(x, y, Reduction.MEAN);
        assertArrayEquals(afterTraining, network.state(), 0.0, "inference afterwards leaves it alone too");
    }

    @Test
    void aBatchAfterTheFirstAllocatesNothing() {
        double[][] arrays = new double[2][];
        Layer layer = bound(new BatchNorm.Spec(), 16, arrays);
        DenseMatrix x = TestData.gaussian(new MersenneTwister(3), 32, 16);
        DenseMatrix dy = TestData.gaussian(new MersenneTwister(4), 32, 16);
        double[] gradients = new double[32];
        DenseMatrix out = layer.forward(x, true);
        DenseMatrix dx = layer.backward(dy, gradients, false, true);
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(thread);
        for (int step = 0; step < 10_000; step++) {
            layer.forward(x, step % 2 == 0);
            layer.backward(dy, gradients, true, true);
        }
        long allocated = bean.getThreadAllocatedBytes(thread) - before;
        // One 32×16 buffer is 4 KiB: allocating anything per batch would show as at least 16 bytes × 10 000 steps.
        assertTrue(allocated < 10_000, allocated + " bytes allocated in 10 000 forward and backward passes");
        assertSame(out, layer.forward(x, true));
        assertSame(dx, layer.backward(dy, gradients, false, true));
    }

    @Test
    void aConstantColumnStaysFiniteInTrainingAndItsOutputIsBeta() {
        NetworkSpec spec = NetworkSpec.parse("network < batchNorm; dense(1, sigmoid) >");
        Network network = Network.build(spec, 2, BUILT_INS.parse(Loss.KIND, "bce"), 3L);
        network.parameters()[3] = 0.7;                                   // γ = (1, 1), β = (0, 0.7): β of the constant column
        DenseMatrix x = DenseMatrix.of(new double[][]{{1e-3, 5}, {-2, 5}, {3, 5}, {0.5, 5}});
        DenseMatrix y = DenseMatrix.of(new double[][]{{1}, {0}, {1}, {0}});
        double loss = network.computeGradient(x, y, Reduction.MEAN);
        assertTrue(Double.isFinite(loss));
        DenseMatrix normalised = network.layers().get(0).output();
        for (int i = 0; i < 4; i++) {
            assertEquals(0.7, normalised.getEntry(i, 1), 0.0, "x̂ = 0 exactly, so the output is β");
        }
        for (double g : network.gradients()) {
            assertTrue(Double.isFinite(g), Arrays.toString(network.gradients()));
        }
        for (double v : network.state()) {
            assertTrue(Double.isFinite(v), Arrays.toString(network.state()));
        }
        assertEquals(0.99, network.state()[3], 0.0, "the constant column's moving variance decays towards 0");
    }

    /** The largest |entry| of each column. */
    private static double[] columnScales(double[][] m) {
        double[] scale = new double[m[0].length];
        for (double[] row : m) {
            for (int j = 0; j < row.length; j++) {
                scale[j] = Math.max(scale[j], Math.abs(row[j]));
            }
        }
        return scale;
    }

    private static void assertColumnsClose(double[][] expected, DenseMatrix actual, double relative, String what) {
        double[] scale = columnScales(expected);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < scale.length; j++) {
                assertEquals(expected[i][j], actual.getEntry(i, j), relative * scale[j], what + " [" + i + "][" + j + "]");
            }
        }
    }

    /**
     * The fixture's "batchnorm" section: X (6×3), γ, β, eps 0.001, momentum 0.99, moving statistics from 0 and 1.
     * "output", "grad_input", "grad_gamma" and "grad_beta" are PyTorch's (F.batch_norm in float64 and autograd),
     * "moving_mean", "moving_variance" and "inference_output" numpy's, with Keras' formulas.
     */
    @Test
    void batchNormMatchesTheFixtureForwardBackwardMovingStatisticsAndInference() {
        Fixtures fx = Fixtures.load("/mlpkit/core/fixtures/concept_fixtures.json");
        double[][] arrays = new double[2][];
        BatchNorm.Spec spec = new BatchNorm.Spec(fx.number("batchnorm", "momentum"), fx.number("batchnorm", "eps"));
        assertEquals(new BatchNorm.Spec(), spec, "the fixture uses Keras' defaults");
        Layer layer = bound(spec, 3, arrays);
        assertArrayEquals(fx.vector("batchnorm", "initial_moving_mean"), Arrays.copyOfRange(arrays[1], 0, 3), 0.0);
        assertArrayEquals(fx.vector("batchnorm", "initial_moving_variance"), Arrays.copyOfRange(arrays[1], 3, 6), 0.0);
        double[] gamma = fx.vector("batchnorm", "gamma");
        double[] beta = fx.vector("batchnorm", "beta");
        System.arraycopy(gamma, 0, arrays[0], 0, 3);
        System.arraycopy(beta, 0, arrays[0], 3, 3);
        double eps = fx.number("batchnorm", "eps");
        double[][] x = fx.matrix("batchnorm", "X");

        DenseMatrix out = layer.forward(DenseMatrix.of(x), true);
        // The fixture's numpy statistics through numpy's formula, (γ·((x − μ)/√(σ² + eps)) + β): the layer's own
        // operations in the same order (μ and σ² summed row after row, as numpy reduces axis 0), so equal to the bit.
        double[] mu = fx.vector("batchnorm", "batch_mean");
        double[] variance = fx.vector("batchnorm", "batch_variance");
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 3; j++) {
                double numpy = gamma[j] * ((x[i][j] - mu[j]) / Math.sqrt(variance[j] + eps)) + beta[j];
                assertEquals(numpy, out.getEntry(i, j), 0.0, "output [" + i + "][" + j + "] as numpy computes it");
            }
        }
        // PyTorch's output: PyTorch evaluates the same map in another, algebraically equal form, in which terms as large
        // as |μ|·|γ|/√(σ² + eps) (19, 12 and 1.4 for the three columns) cancel down to outputs of at most 2.7, so an ulp
        // of those terms (up to 3.6e-15) can separate the two. Each entry is compared to 1e-14 of its column's largest
        // |output| (seen: at most 1.2e-15 of it); relative to the entry itself the difference reaches 2e-14 where γ·x̂
        // and β cancel (0.034 in column 1), which is why the scale is the column's.
        assertColumnsClose(fx.matrix("batchnorm", "output"), out, 1e-14, "output");

        double[] gradients = new double[6];
        DenseMatrix dx = layer.backward(DenseMatrix.of(fx.matrix("batchnorm", "upstream_gradient")), gradients, false, true);
        // ∂L/∂x: the same six-term sums as PyTorch's backward in another order and grouping, a few ε of the column's
        // largest entry (seen: 3.4e-16 of it).
        assertColumnsClose(fx.matrix("batchnorm", "grad_input"), dx, 1e-15, "grad_input");
        double[] gradGamma = fx.vector("batchnorm", "grad_gamma");
        double[] gradBeta = fx.vector("batchnorm", "grad_beta");
        for (int j = 0; j < 3; j++) {
            // Sums of six terms: within an ulp or two of PyTorch's (seen: 1 ulp).
            assertEquals(gradGamma[j], gradients[j], 1e-15 * Math.abs(gradGamma[j]), "grad_gamma " + j);
            assertEquals(gradBeta[j], gradients[3 + j], 1e-15 * Math.abs(gradBeta[j]), "grad_beta " + j);
        }

        // numpy's moving = moving·0.99 + batch·(1 − 0.99), the layer's operations on the same μ and σ²: bit for bit.
        assertArrayEquals(fx.vector("batchnorm", "moving_mean"), Arrays.copyOfRange(arrays[1], 0, 3), 0.0);
        assertArrayEquals(fx.vector("batchnorm", "moving_variance"), Arrays.copyOfRange(arrays[1], 3, 6), 0.0);
        // numpy's γ·(x − m)/√(v + eps) + β rounds (γ·(x − m))/s where the layer rounds γ·((x − m)/s): equal here, but
        // in general an ulp or two apart, so 1e-15 relative (seen: 0).
        DenseMatrix inference = layer.forward(DenseMatrix.of(fx.matrix("batchnorm", "X2")), false);
        double[][] expected = fx.matrix("batchnorm", "inference_output");
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(expected[i][j], inference.getEntry(i, j), 1e-15 * Math.abs(expected[i][j]),
                        "inference_output [" + i + "][" + j + "]");
            }
        }
        double[] moved = Arrays.copyOf(fx.vector("batchnorm", "moving_mean"), 6);
        System.arraycopy(fx.vector("batchnorm", "moving_variance"), 0, moved, 3, 3);
        assertArrayEquals(moved, arrays[1], 0.0, "inference moved nothing");
    }
}
