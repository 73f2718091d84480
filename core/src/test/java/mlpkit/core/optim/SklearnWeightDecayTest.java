package mlpkit.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import mlpkit.core.Fixtures;
import mlpkit.core.concept.Registry;
import mlpkit.core.loss.HalfSumSquaredError;
import mlpkit.core.loss.Reduction;
import mlpkit.core.network.Network;
import mlpkit.core.network.NetworkSpec;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.junit.jupiter.api.Test;

/**
 * scikit-learn's {@code alpha} on a 2-3-1 relu MLPRegressor (solver='sgd', momentum 0.9, alpha 0.1, batches of
 * 3, 3 and 1 rows, shuffle off, 7 epochs = 21 steps from fixed weights; scripts/generate_convention_fixtures.py):
 * the same network stepped by {@code sgd(weightDecay=alpha, weightDecayPer=sample)} ends at its weights.
 */
class SklearnWeightDecayTest {
    private static final Fixtures FIXTURES = Fixtures.load("/mlpkit/core/optim/conventions/convention_fixtures.json");
    private static final String CASE = "mlp_l2_sklearn";

    private static double[] train(String decayPer) {
        Network network = Network.build(NetworkSpec.parse("network < dense(3, relu); dense(1, identity) >"), 2,
                new HalfSumSquaredError(), 0L);
        double[] p = network.parameters();
        int at = 0;
        for (String part : new String[]{"W1", "b1", "W2", "b2"}) {
            double[] values = flat(part);
            System.arraycopy(values, 0, p, at, values.length);
            at += values.length;
        }
        assertEquals(p.length, at, "the fixture holds every parameter");
        double alpha = FIXTURES.number(CASE, "alpha");
        double lr = FIXTURES.number(CASE, "lr");
        Optimizer sgd = Registry.builtIns().parse(OptimizerSpec.KIND, "sgd(lr=" + lr + ", momentum="
                + FIXTURES.number(CASE, "momentum") + ", weightDecay=" + alpha + ", weightDecayPer=" + decayPer + ")")
                .start(network.layout().weightMask());
        double[][] x = FIXTURES.matrix(CASE, "x");
        double[] y = FIXTURES.vector(CASE, "y");
        int batch = (int) FIXTURES.number(CASE, "batchSize");
        for (int epoch = 0; epoch < (int) FIXTURES.number(CASE, "epochs"); epoch++) {
            for (int from = 0; from < x.length; from += batch) {
                int to = Math.min(x.length, from + batch);
                double[][] yb = new double[to - from][];
                for (int r = from; r < to; r++) {
                    yb[r - from] = new double[]{y[r]};
                }
                network.computeGradient(new Array2DRowRealMatrix(Arrays.copyOfRange(x, from, to)),
                        new Array2DRowRealMatrix(yb), Reduction.MEAN);
                sgd.step(p, network.gradients(), lr, to - from);
            }
        }
        return p.clone();
    }

    private static double[] flat(String part) {
        Object value = FIXTURES.get(CASE, part);
        if (((java.util.List<?>) value).get(0) instanceof java.util.List) {
            return Arrays.stream(FIXTURES.matrix(CASE, part)).flatMapToDouble(Arrays::stream).toArray();
        }
        return FIXTURES.vector(CASE, part);
    }

    @Test
    void perSampleWeightDecayMatchesScikitLearnsAlphaAfterTwentyOneMiniBatchSteps() {
        double[] trained = train("sample");
        int at = 0;
        for (String part : new String[]{"finalW1", "finalb1", "finalW2", "finalb2"}) {
            double[] expected = flat(part);
            for (int i = 0; i < expected.length; i++, at++) {
                assertEquals(expected[i], trained[at], 1e-9 * Math.abs(expected[i]), part + "[" + i + "]");
            }
        }
    }

    @Test
    void perBatchWeightDecayDoesNotMatchScikitLearnsAlpha() {
        double[] trained = train("batch");
        double[] expected = flat("finalW2");
        int offset = trained.length - 4;
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(trained[offset + i] - expected[i]) / Math.abs(expected[i]));
        }
        assertTrue(worst > 1e-3, "alpha as λ per batch lands within " + worst + " of scikit-learn");
    }
}
