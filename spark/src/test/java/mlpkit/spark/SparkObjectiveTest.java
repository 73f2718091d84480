package mlpkit.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mlpkit.core.distributed.DistributedRows;
import mlpkit.core.distributed.NetworkRecipe;
import mlpkit.core.loss.WeightNormalization;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.network.Network;
import mlpkit.core.network.Objective;
import mlpkit.core.optim.FullBatchRun;
import mlpkit.core.optim.lbfgs.LbfgsOptimizer;
import org.junit.jupiter.api.Test;

class SparkObjectiveTest {
    private static final double RELATIVE = 1e-9;
    private static final String SOFTMAX = "network < dense(7, tanh); dense(3, softmax) >";
    private static final String REGRESSION = "network < dense(6, relu); dense(5, sigmoid); dense(2, identity) >";

    private final SparkEngine engine = new SparkEngine(TestSpark.session());

    @Test
    void distributedLossAndGradientEqualTheLocalOnesForSoftmaxOnTwoPartitions() {
        Rows rows = Rows.generate(300, 5, 3, 11);
        assertMatchesLocal(SOFTMAX, "softmax-ce", rows.x, rows.oneHot, null, WeightNormalization.DEFAULT, 2, 21);
    }

    @Test
    void distributedWeightedLossAndGradientEqualTheLocalOnesForSoftmaxOnThreePartitions() {
        Rows rows = Rows.generate(301, 5, 3, 12);
        assertMatchesLocal(SOFTMAX, "softmax-ce", rows.x, rows.oneHot, rows.weights, WeightNormalization.SUM_OF_WEIGHTS, 3, 22);
    }

    @Test
    void distributedLossAndGradientEqualTheLocalOnesForRegressionOnThreePartitions() {
        Rows rows = Rows.generate(290, 4, 2, 13);
        assertMatchesLocal(REGRESSION, "mse", rows.x, rows.regression, null, WeightNormalization.DEFAULT, 3, 23);
    }

    @Test
    void distributedWeightedLossAndGradientEqualTheLocalOnesForRegressionOnTwoPartitionsWithRowsNormalization() {
        Rows rows = Rows.generate(257, 4, 2, 14);
        assertMatchesLocal(REGRESSION, "mse", rows.x, rows.regression, rows.weights, WeightNormalization.ROWS, 2, 24);
    }

    @Test
    void emptyPartitionsAddNothing() {
        Rows rows = Rows.generate(3, 5, 3, 15);
        assertMatchesLocal(SOFTMAX, "softmax-ce", rows.x, rows.oneHot, rows.weights, WeightNormalization.SUM_OF_WEIGHTS, 4, 25);
    }

    @Test
    void fiftyLbfgsIterationsOnTheDistributedObjectiveEqualFiftyOnTheLocalOne() {
        Rows rows = Rows.generate(400, 5, 3, 16);
        NetworkRecipe recipe = new NetworkRecipe(SOFTMAX, 5, "softmax-ce");
        Network network = recipe.build(26);
        double[] start = network.parameters().clone();
        Objective local = network.objective(rows.x, rows.oneHot, false);
        LbfgsOptimizer lbfgs = new LbfgsOptimizer(10, 15000, 0.0, 0.0, 20, 0.0);
        FullBatchRun localRun = lbfgs.startFullBatch(local, start.clone(), 50, null);
        try (DistributedRows distributed = engine.distribute(rows.x, rows.oneHot, null, 2)) {
            FullBatchRun sparkRun = lbfgs.startFullBatch(engine.objective(distributed, recipe, WeightNormalization.DEFAULT), start.clone(), 50, null);
            for (int i = 0; i < 50; i++) {
                assertEquals(localRun.iterate(), sparkRun.iterate(), "iteration " + (i + 1) + " moved in one run only");
            }
            assertEquals(50, sparkRun.iterations());
            assertEquals(localRun.evaluations(), sparkRun.evaluations());
            assertClose(localRun.loss(), sparkRun.loss(), "loss after 50 iterations");
            assertTrue(sparkRun.loss() < 0.5 * local.value(start).mean(), "L-BFGS should at least halve the mean loss, got "
                    + sparkRun.loss() + " from " + local.value(start).mean());
            assertVectorClose(localRun.parameters(), sparkRun.parameters(), "parameters after 50 iterations");
        }
    }

    private void assertMatchesLocal(String notation, String loss, DenseMatrix x, DenseMatrix y, double[] weights,
                                    WeightNormalization normalization, int partitions, long seed) {
        NetworkRecipe recipe = new NetworkRecipe(notation, x.getColumnDimension(), loss);
        Network network = recipe.build(seed);
        double[] parameters = network.parameters().clone();
        Objective local = weights == null ? network.objective(x, y, false) : network.objective(x, y, weights, normalization, false);
        double[] expected = new double[parameters.length];
        Objective.Evaluation localValue = local.evaluate(parameters, expected);
        try (DistributedRows rows = engine.distribute(x, y, weights, partitions)) {
            assertEquals(partitions, rows.partitions());
            assertEquals(x.getRowDimension(), rows.rows());
            Objective spark = engine.objective(rows, recipe, normalization);
            assertEquals(parameters.length, spark.dimension());
            double[] actual = new double[parameters.length];
            Objective.Evaluation sparkValue = spark.evaluate(parameters, actual);
            assertEquals(localValue.rows(), sparkValue.rows());
            assertClose(localValue.lossSum(), sparkValue.lossSum(), "loss sum");
            assertClose(localValue.denominator(), sparkValue.denominator(), "denominator");
            assertVectorClose(expected, actual, "gradient");
            Objective.Evaluation valueOnly = spark.value(parameters);
            assertClose(localValue.lossSum(), valueOnly.lossSum(), "loss sum without the gradient");
            assertEquals(localValue.rows(), valueOnly.rows());
            assertClose(localValue.denominator(), valueOnly.denominator(), "denominator without the gradient");
        }
    }

    /** Relative to the vector: every |actual_i − expected_i| ≤ 1e-9 · max_j |expected_j|. */
    private static void assertVectorClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], RELATIVE * scale, what + ", entry " + i + " (largest entry " + scale + ")");
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, RELATIVE * Math.max(1e-300, Math.abs(expected)), what);
    }
}
