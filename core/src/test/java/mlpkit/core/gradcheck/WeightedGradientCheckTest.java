package mlpkit.core.gradcheck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import mlpkit.core.concept.Concept;
import mlpkit.core.concept.Param;
import mlpkit.core.concept.Registry;
import mlpkit.core.loss.Loss;
import mlpkit.core.loss.Reduction;
import mlpkit.core.loss.WeightNormalization;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.network.Network;
import mlpkit.core.network.NetworkSpec;
import mlpkit.core.network.Objective;
import mlpkit.core.optim.lbfgs.L2Penalty;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WeightedGradientCheckTest {
    private static final double TOLERANCE = 1e-6;
    private static final double[] WEIGHTS = {0.5, 2.0, 1.0, 3.5, 0.25, 1.5};

    /** Every registered loss (with its defaults) after an output it suits, under both conventions and reductions. */
    static Stream<Arguments> everyLoss() {
        List<Arguments> all = new ArrayList<>();
        for (Concept<Loss> concept : Registry.builtIns().of(Loss.KIND).all()) {
            if (concept.params().stream().anyMatch(Param::isRequired)) {
                continue;
            }
            Loss loss = concept.create();
            String output = switch (loss.targets()) {
                case ONE_HOT -> "dense(3, softmax)";
                case BINARY -> "dense(2, sigmoid)";
                case VALUES -> "dense(2, identity)";
            };
            for (WeightNormalization normalization : WeightNormalization.values()) {
                for (Reduction reduction : Reduction.values()) {
                    all.add(Arguments.of(concept.name(), output, normalization, reduction));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} after {1}, {2}, {3} reduction")
    @MethodSource("everyLoss")
    void weightedGradientsOfEveryLossMatchCentralDifferences(String lossName, String output,
                                                              WeightNormalization normalization, Reduction reduction) {
        Loss loss = Registry.builtIns().parse(Loss.KIND, lossName);
        Network network = Network.build(NetworkSpec.parse("network < dense(4, tanh); " + output + " >"), 3, loss, 11);
        MersenneTwister rng = new MersenneTwister(5);
        DenseMatrix x = new DenseMatrix(WEIGHTS.length, 3);
        for (int k = 0; k < x.size(); k++) {
            x.data()[k] = rng.nextGaussian();
        }
        DenseMatrix y = RandomTargets.fitting(network, WEIGHTS.length, rng);
        GradientCheckReport report = GradientCheck.of(network).reduction(reduction).weights(WEIGHTS, normalization).run(x, y);
        assertTrue(report.passes(TOLERANCE), report::table);
        assertTrue(report.rows().get(0).analyticNorm() > 0, "the check compares real gradients");
    }

    @Test
    void theWeightedMeanIsSumOfWeightedLossesOverTheSumOfWeightsOrOverTheRows() {
        Loss loss = Registry.builtIns().parse(Loss.KIND, "mse");
        Network network = Network.build(NetworkSpec.parse("network < dense(1, identity) >"), 1, loss, 3);
        network.parameters()[0] = 2.0;   // W
        network.parameters()[1] = 0.5;   // b
        DenseMatrix x = DenseMatrix.column(1.0, -1.0, 3.0);
        DenseMatrix y = DenseMatrix.column(2.0, 0.0, 6.0);
        // a = 2.5, -1.5, 6.5; squared errors 0.25, 2.25, 0.25; weights 1, 2, 5 (sum 8)
        double[] w = {1, 2, 5};
        double weighted = 0.25 + 2 * 2.25 + 5 * 0.25;   // 6.0
        assertEquals(weighted / 8, network.computeGradient(x, y, w, Reduction.MEAN, WeightNormalization.SUM_OF_WEIGHTS, true), 1e-15);
        // ∂/∂b of Σ w_i (a_i − y_i)² / D = Σ 2 w_i (a_i − y_i) / D = 2(0.5 − 3 + 2.5)/D = 0
        // ∂/∂W = Σ 2 w_i (a_i − y_i) x_i / D = 2(0.5 + 3 + 7.5)/D = 22/D
        assertEquals(22.0 / 8, network.gradients()[0], 1e-15);
        assertEquals(0.0, network.gradients()[1], 1e-15);
        assertEquals(weighted / 3, network.computeGradient(x, y, w, Reduction.MEAN, WeightNormalization.ROWS, true), 1e-15);
        assertEquals(22.0 / 3, network.gradients()[0], 1e-15);
        assertEquals(weighted, network.computeGradient(x, y, w, Reduction.SUM, WeightNormalization.ROWS, true), 1e-15);
        assertEquals(22.0, network.gradients()[0], 1e-15);
    }

    @Test
    void unitWeightsGiveTheUnweightedLossAndGradient() {
        Loss loss = Registry.builtIns().parse(Loss.KIND, "softmax-ce");
        Network network = Network.build(NetworkSpec.parse("network < dense(5, relu); dense(3, softmax) >"), 4, loss, 8);
        MersenneTwister rng = new MersenneTwister(2);
        DenseMatrix x = new DenseMatrix(7, 4);
        for (int k = 0; k < x.size(); k++) {
            x.data()[k] = rng.nextGaussian();
        }
        DenseMatrix y = RandomTargets.fitting(network, 7, rng);
        double plain = network.computeGradient(x, y, Reduction.MEAN);
        double[] plainGradient = network.gradients().clone();
        double[] ones = {1, 1, 1, 1, 1, 1, 1, 99};   // a longer (reused) buffer: only the first 7 count
        double weighted = network.computeGradient(x, y, ones, Reduction.MEAN, WeightNormalization.SUM_OF_WEIGHTS, true);
        assertEquals(plain, weighted, 1e-15);
        assertArrayEquals(plainGradient, network.gradients(), 1e-15);
    }

    @Test
    void aBatchWhoseWeightsSumToZeroIsRefusedUnderSumOfWeights() {
        Network network = Network.build(NetworkSpec.parse("network < dense(1, sigmoid) >"), 1,
                Registry.builtIns().parse(Loss.KIND, "bce"), 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> network.computeGradient(
                DenseMatrix.column(1, 2), DenseMatrix.column(0, 1), new double[] {0, 0}, Reduction.MEAN,
                WeightNormalization.SUM_OF_WEIGHTS, true));
        assertTrue(e.getMessage().contains("sum to 0.0") && e.getMessage().contains("rows"), e.getMessage());
        IllegalArgumentException short_ = assertThrows(IllegalArgumentException.class, () -> network.computeGradient(
                DenseMatrix.column(1, 2), DenseMatrix.column(0, 1), new double[] {1}, Reduction.MEAN,
                WeightNormalization.ROWS, true));
        assertTrue(short_.getMessage().contains("expected at least 2 row weights, got 1"), short_.getMessage());
    }

    @Test
    void theWeightedObjectiveWithL2PenaltyAsLbfgsMinimisesItMatchesFiniteDifferences() {
        Loss loss = Registry.builtIns().parse(Loss.KIND, "softmax-ce");
        Network network = Network.build(NetworkSpec.parse("network < dense(4, tanh); dense(3, softmax) >"), 3, loss, 21);
        MersenneTwister rng = new MersenneTwister(9);
        DenseMatrix x = new DenseMatrix(WEIGHTS.length, 3);
        for (int k = 0; k < x.size(); k++) {
            x.data()[k] = rng.nextGaussian();
        }
        DenseMatrix y = RandomTargets.fitting(network, WEIGHTS.length, rng);
        for (WeightNormalization normalization : WeightNormalization.values()) {
            Objective objective = new L2Penalty(network.objective(x, y, WEIGHTS, normalization, false), 0.3,
                    network.layout().weightMask());
            double[] theta = network.parameters().clone();
            double[] g = new double[theta.length];
            Objective.Evaluation at = objective.evaluate(theta, g);
            double expectedDenominator = normalization == WeightNormalization.SUM_OF_WEIGHTS ? 8.75 : 6.0;
            assertEquals(expectedDenominator, at.denominator(), 1e-15);
            double h = 1e-6;
            for (int k = 0; k < theta.length; k++) {
                double saved = theta[k];
                theta[k] = saved + h;
                double plus = objective.value(theta).mean();
                theta[k] = saved - h;
                double minus = objective.value(theta).mean();
                theta[k] = saved;
                assertEquals((plus - minus) / (2 * h), g[k] / at.denominator(), 1e-8, "parameter " + k + ", " + normalization);
            }
            assertFalse(Double.isNaN(at.mean()));
        }
    }
}
