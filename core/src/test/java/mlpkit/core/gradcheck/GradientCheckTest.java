package mlpkit.core.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mlpkit.core.activation.Activation;
import mlpkit.core.loss.Loss;
import java.util.stream.Stream;
import mlpkit.core.TestData;
import mlpkit.core.concept.Concept;
import mlpkit.core.concept.Registry;
import mlpkit.core.loss.Reduction;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.network.Network;
import mlpkit.core.network.NetworkSpec;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import mlpkit.core.loss.MeanSquaredError;
import mlpkit.core.loss.HalfSumSquaredError;
import mlpkit.core.loss.SoftmaxCrossEntropy;

class GradientCheckTest {
    private static final double TOLERANCE = 1e-6;
    private static final String[] HIDDEN = {"sigmoid", "tanh", "relu", "leakyRelu(0.1)", "identity"};
    /** Output activation and loss pairs that make sense: the fused canonical pairs and the general chain rule. */
    private static final String[][] OUTPUTS = {
            {"sigmoid", "bce"}, {"softmax", "softmax-ce"}, {"identity", "mse"}, {"identity", "half-sse"},
            {"sigmoid", "mse"}, {"sigmoid", "half-sse"}, {"tanh", "mse"}, {"softmax", "mse"}, {"relu", "half-sse"},
            {"leakyRelu(0.1)", "mse"}};

    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        int seed = 1;
        for (String hidden : HIDDEN) {
            for (String[] output : OUTPUTS) {
                for (Reduction reduction : Reduction.values()) {
                    all.add(Arguments.of(hidden, output[0], output[1], reduction, seed++));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} hidden, {1} output, {2} loss, {3} reduction")
    @MethodSource("combinations")
    void analyticGradientMatchesCentralDifferencesAtInitialisationAndAfterTenSteps(
            String hidden, String output, String loss, Reduction reduction, int seed) {
        MersenneTwister rng = new MersenneTwister(seed);
        int layers = 3 + rng.nextInt(2);
        int inputs = 2 + rng.nextInt(4);
        int outputs = output.equals("softmax") ? 3 : 1 + rng.nextInt(3);
        StringBuilder notation = new StringBuilder("network < ");
        for (int l = 0; l < layers - 1; l++) {
            notation.append("dense(").append(2 + rng.nextInt(5)).append(", ").append(hidden).append("); ");
        }
        notation.append("dense(").append(outputs).append(", ").append(output).append(", bias=normal(0.1)) >");
        NetworkSpec spec = NetworkSpec.parse(notation.toString());
        double lr = reduction == Reduction.SUM ? 0.02 : 0.1;
        // Finite differences are only valid away from the ReLU kink at z = 0: a ±h step that crosses it
        // measures a one-sided slope. Data are redrawn (deterministically) until every ReLU-family
        // pre-activation stays GradientCheck.KINK_MARGIN away from 0, at initialisation and after training.
        for (int attempt = 0; attempt < 50; attempt++) {
            Network network = Network.build(spec, inputs, Registry.builtIns().parse(Loss.KIND, loss), seed);
            MersenneTwister dataRng = new MersenneTwister(seed * 1000L + attempt);
            DenseMatrix x = TestData.gaussian(dataRng, 7, inputs);
            DenseMatrix y = TestData.targets(dataRng, loss, 7, outputs);
            if (GradientCheck.closestPreActivationToKink(network, x) < GradientCheck.KINK_MARGIN) {
                continue;
            }
            GradientCheckReport atInit = GradientCheck.of(network).reduction(reduction).run(x, y);
            for (int step = 0; step < 10; step++) {
                network.computeGradient(x, y, reduction);
                double[] p = network.parameters();
                double[] g = network.gradients();
                for (int k = 0; k < p.length; k++) {
                    p[k] -= lr * g[k];
                }
            }
            if (GradientCheck.closestPreActivationToKink(network, x) < GradientCheck.KINK_MARGIN) {
                continue;
            }
            GradientCheckReport trained = GradientCheck.of(network).reduction(reduction).run(x, y);
            assertTrue(atInit.passes(TOLERANCE), () -> "at initialisation:\n" + atInit.table());
            assertTrue(trained.passes(TOLERANCE), () -> "after 10 steps:\n" + trained.table());
            return;
        }
        fail("no data draw kept every ReLU pre-activation " + GradientCheck.KINK_MARGIN + " away from the kink for " + spec);
    }

    /** ½Σ(a − y)² whose gradient is deliberately doubled: what a slip in a derivation looks like. */
    private record DoubledGradientLoss() implements Loss {
        static final Concept<Loss> CONCEPT = Concept.of(KIND, "doubled").build(DoubledGradientLoss.class);

        public Concept<Loss> concept() {
            return CONCEPT;
        }

        public Targets targets() {
            return Targets.VALUES;
        }

        public double sum(Activation act, DenseMatrix z, DenseMatrix a, DenseMatrix y) {
            return new HalfSumSquaredError().sum(act, z, a, y);
        }

        public boolean fusesWith(Activation act) {
            return false;
        }

        public void fusedDelta(DenseMatrix a, DenseMatrix y, double scale, DenseMatrix dZ) {
            throw new AssertionError("never fused");
        }

        public void outputGradient(DenseMatrix a, DenseMatrix y, double scale, DenseMatrix dA) {
            new HalfSumSquaredError().outputGradient(a, y, 2 * scale, dA);
        }

    }

    @Test
    void aDoubledGradientIsReportedInEveryTensorWithRelativeErrorOneThird() {
        Network network = Network.build(NetworkSpec.parse("network < dense(3, tanh); dense(1, sigmoid) >"), 2,
                new DoubledGradientLoss(), 5L);
        DenseMatrix x = TestData.gaussian(new MersenneTwister(6), 4, 2);
        DenseMatrix y = TestData.targets(new MersenneTwister(7), "mse", 4, 1);
        GradientCheckReport report = GradientCheck.of(network).run(x, y);
        // ‖2g − g‖ / (‖2g‖ + ‖g‖) = 1/3 for every tensor and layer.
        assertEquals(6, report.rows().size(), "W, b and W,b rows for each of the two layers");
        for (GradientCheckRow row : report.rows()) {
            assertEquals(1.0 / 3.0, row.relativeError(), 1e-6, row::toString);
        }
        assertFalse(report.passes(1e-6));
        assertEquals("max relative error: " + String.format(Locale.ROOT, "%.3e", report.maxRelativeError()),
                report.table().lines().reduce((first, second) -> second).orElseThrow());
    }

    @Test
    void checkingEvenlySpacedEntriesLeavesTheParametersUnchanged() {
        Network network = Network.build(NetworkSpec.parse("network < dense(20, relu); dense(2, softmax) >"), 30,
                new SoftmaxCrossEntropy(), 11L);
        double[] before = network.parameters().clone();
        DenseMatrix x = TestData.gaussian(new MersenneTwister(12), 5, 30);
        DenseMatrix y = TestData.targets(new MersenneTwister(13), "softmax-ce", 5, 2);
        GradientCheckReport report = GradientCheck.of(network).maxEntriesPerTensor(50).run(x, y);
        assertEquals(50, report.rows().get(0).entriesChecked());
        assertEquals(20, report.rows().get(1).entriesChecked());
        assertTrue(report.passes(TOLERANCE), report::table);
        assertTrue(java.util.Arrays.equals(before, network.parameters()));
    }

    @Test
    void randomDataFitTheLossAndAvoidTheReluKink() {
        Network network = Network.build(NetworkSpec.parse("network < dense(12, relu); dense(12, relu); dense(4, softmax) >"),
                9, new SoftmaxCrossEntropy(), 31L);
        GradientCheckReport report = GradientCheck.of(network).reduction(Reduction.SUM)
                .runOnRandomData(16, new MersenneTwister(32));
        assertTrue(report.passes(TOLERANCE), report::table);
        assertEquals("softmax-ce", report.loss());
        assertEquals("sum", report.reduction());
    }

    @Test
    void aReluLayerThatCanOnlySeeZeroIsReportedInsteadOfCheckedAcrossItsKink() {
        // Every input of the second layer is relu(−|x|·…) = 0 and its bias is 0, so z = 0 exactly.
        Network network = Network.build(NetworkSpec.parse(
                        "network < dense(2, relu, weights=constant(-1.0), bias=constant(-5.0)); dense(2, relu, bias=zeros); dense(1, identity) >"),
                1, new MeanSquaredError(), 1L);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GradientCheck.of(network).runOnRandomData(3, new MersenneTwister(2)));
        assertTrue(e.getMessage().contains("give the ReLU layers a non-zero bias initialiser"), e.getMessage());
    }
}
