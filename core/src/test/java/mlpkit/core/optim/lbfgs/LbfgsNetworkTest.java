package mlpkit.core.optim.lbfgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mlpkit.core.loss.BinaryCrossEntropy;
import mlpkit.core.network.Network;
import mlpkit.core.network.NetworkSpec;
import mlpkit.core.network.Objective;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class LbfgsNetworkTest {
    private static final RealMatrix XOR_X = new Array2DRowRealMatrix(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    private static final RealMatrix XOR_Y = new Array2DRowRealMatrix(new double[][] {{0}, {1}, {1}, {0}});

    private static Network xorNetwork() {
        return Network.build(NetworkSpec.parse("network < dense(4, tanh); dense(1, sigmoid) >"), 2,
                new BinaryCrossEntropy(), 42L);
    }

    @Test
    void theGradientLbfgsSeesIsTheCentralDifferenceOfTheNetworksMeanLoss() {
        Network network = xorNetwork();
        Objective objective = network.objective(XOR_X, XOR_Y, false);
        double[] w = network.parameters().clone();
        double[] g = new double[w.length];
        double mean = new MeanObjective(objective).evaluate(w, g);
        assertEquals(objective.value(w).mean(), mean, 1e-15);
        double h = 1e-6;
        for (int i = 0; i < w.length; i++) {
            double[] plus = w.clone();
            double[] minus = w.clone();
            plus[i] += h;
            minus[i] -= h;
            double difference = (objective.value(plus).mean() - objective.value(minus).mean()) / (2 * h);
            assertEquals(difference, g[i], 1e-8, "∂(mean loss)/∂w[" + i + "]");
        }
    }

    @Test
    void lbfgsWithItsDefaultsFitsXorWithATwoFourOneTanhSigmoidNetworkToAMeanCrossEntropyBelow1eMinus5() {
        Network network = xorNetwork();
        Objective objective = network.objective(XOR_X, XOR_Y, false);
        double start = objective.value(network.parameters()).mean();
        LbfgsResult result = new Lbfgs().minimize(objective, network.parameters());
        // Measured: gtol reached after 23 iterations and 25 evaluations at a mean loss of 5.2e-6 (seed 42).
        assertEquals(StopReason.GRADIENT_BELOW_GTOL, result.reason(), result::toString);
        assertTrue(result.loss() < 1e-5, result::toString);
        assertTrue(result.iterations() <= 40, result::toString);
        assertTrue(start > 0.5, "the untrained network is near chance: " + start);
        assertEquals(objective.value(result.parameters()).mean(), result.loss(), 0.0,
                "the reported loss is the objective's mean loss at the returned parameters");
        assertEquals(start, result.lossCurve()[0], 0.0);
    }
}
