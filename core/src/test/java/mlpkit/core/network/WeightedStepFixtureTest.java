package mlpkit.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import mlpkit.core.Fixtures;
import mlpkit.core.concept.Registry;
import mlpkit.core.loss.Loss;
import mlpkit.core.loss.Reduction;
import mlpkit.core.loss.WeightNormalization;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.optim.Optimizer;
import mlpkit.core.optim.OptimizerSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One weighted step (SGD and Adam) of a 3-4-3 network on a batch of five rows with unequal weights, against
 * PyTorch under each {@link WeightNormalization} (fixtures by scripts/generate_weighted_step_fixtures.py).
 */
class WeightedStepFixtureTest {
    private static final Fixtures F = Fixtures.load("/mlpkit/core/fixtures/weighted_step_fixtures.json");
    private static final double TOLERANCE = 1e-12;

    @ParameterizedTest(name = "{0} with {1}, {2}")
    @CsvSource({
            "softmax-ce, dense(3; softmax), sumOfWeights", "softmax-ce, dense(3; softmax), rows",
            "mse, dense(3; sigmoid), sumOfWeights", "mse, dense(3; sigmoid), rows"})
    void oneWeightedSgdAndAdamStepMatchPyTorch(String loss, String output, String normalization) {
        String key = loss + "/" + normalization;
        WeightNormalization convention = WeightNormalization.of(normalization);
        for (String optimiser : new String[] {"sgd(lr=0.1)", "adam(lr=0.01)"}) {
            Network network = Network.build(NetworkSpec.parse("network < dense(4, tanh); " + output.replace(';', ',') + " >"), 3,
                    Registry.builtIns().parse(Loss.KIND, loss), 1);
            double[] start = F.vector("start");
            System.arraycopy(start, 0, network.parameters(), 0, start.length);
            DenseMatrix x = DenseMatrix.of(F.matrix("x"));
            DenseMatrix y = DenseMatrix.of(F.matrix("targets", loss));
            double value = network.computeGradient(x, y, F.vector("weights"), Reduction.MEAN, convention, true);
            assertEquals(F.number("cases", key, "loss"), value, TOLERANCE, key);
            assertArrayEquals(F.vector("cases", key, "gradient"), network.gradients(), TOLERANCE, key);
            Optimizer step = Registry.builtIns().parse(OptimizerSpec.KIND, optimiser).start();
            step.step(network.parameters(), network.gradients(), optimiser.startsWith("sgd") ? 0.1 : 0.01);
            assertArrayEquals(F.vector("cases", key, optimiser.startsWith("sgd") ? "sgd" : "adam"), network.parameters(),
                    TOLERANCE, key + " after one " + optimiser + " step");
        }
    }
}
