package mlpkit.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import mlpkit.core.distributed.DistributedRows;
import mlpkit.core.distributed.LoadedRows;
import mlpkit.core.distributed.NetworkRecipe;
import mlpkit.core.distributed.RowScores;
import mlpkit.core.distributed.RowSource;
import mlpkit.core.distributed.TargetLayout;
import mlpkit.core.loss.Reduction;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.metrics.Accuracy;
import mlpkit.core.metrics.MaxError;
import mlpkit.core.metrics.MeanAbsoluteError;
import mlpkit.core.metrics.MeanSquaredError;
import mlpkit.core.metrics.R2;
import mlpkit.core.network.Network;
import mlpkit.core.optim.FullBatchRun;
import mlpkit.core.optim.lbfgs.LbfgsOptimizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/** Scoring on the executors gives the figures a local prediction and core's metrics give on the same rows. */
class RowScoringTest {
    private static final double RELATIVE = 1e-9;
    private final SparkEngine engine = new SparkEngine(TestSpark.session(), 16);

    /** {@code recipe}'s network fitted locally with 15 L-BFGS iterations on (x, y), so that its figures are not chance. */
    private static Network fitted(NetworkRecipe recipe, DenseMatrix x, DenseMatrix y, long seed) {
        Network network = recipe.build(seed);
        FullBatchRun run = new LbfgsOptimizer(10, 15000, 0.0, 0.0, 20, 0.0)
                .startFullBatch(network.objective(x, y, false), network.parameters().clone(), 15, null);
        while (run.iterate()) {
            // until 15 iterations or convergence
        }
        double[] parameters = run.parameters();
        System.arraycopy(parameters, 0, network.parameters(), 0, parameters.length);
        return network;
    }

    private static int[] classes(DenseMatrix m, boolean binary) {
        int[] out = new int[m.getRowDimension()];
        for (int i = 0; i < out.length; i++) {
            if (binary) {
                out[i] = m.getEntry(i, 0) >= 0.5 ? 1 : 0;
            } else {
                for (int j = 1; j < m.getColumnDimension(); j++) {
                    if (m.getEntry(i, j) > m.getEntry(i, out[i])) {
                        out[i] = j;
                    }
                }
            }
        }
        return out;
    }

    private void assertClassifierScores(Dataset<Row> frame, RowSource source, NetworkRecipe recipe, DenseMatrix x, DenseMatrix y, boolean binary) {
        Network network = fitted(recipe, x, y, 61);
        int[] truth = classes(y, binary);
        int[] predicted = classes(network.predict(x), binary);
        int k = binary ? 2 : y.getColumnDimension();
        long[][] confusion = new long[k][k];
        for (int i = 0; i < truth.length; i++) {
            confusion[truth[i]][predicted[i]]++;
        }
        try (LoadedRows loaded = engine.load(source)) {
            RowScores scores = engine.score(loaded.training(), recipe, network.parameters(), network.state());
            assertEquals(x.getRowDimension(), scores.rows());
            assertArrayEquals(confusion, scores.confusion());
            assertEquals(Accuracy.of(truth, predicted), scores.accuracy());
            assertTrue(scores.accuracy() > 1.0 / k, "a fitted network should beat chance, got " + scores.accuracy());
            double loss = network.loss(x, y, Reduction.SUM);
            assertEquals(loss, scores.lossSum(), RELATIVE * loss);
        }
    }

    @Test
    void a_softmax_classifiers_confusion_matrix_and_accuracy_equal_a_local_prediction() {
        Rows rows = Rows.generate(180, 4, 3, 62);
        Dataset<Row> frame = FrameRows.frame(FrameRows.arrayRows(rows.x, rows.labels, rows.weights), FrameRows.ARRAY_COLUMNS, FrameRows.ARRAY_TYPES);
        assertClassifierScores(frame, RowSource.frame(frame), new NetworkRecipe("network < dense(6, tanh); dense(3, softmax) >", 4, "softmax-ce"),
                rows.x, rows.oneHot, false);
    }

    @Test
    void a_single_sigmoid_outputs_confusion_matrix_uses_the_half_threshold_and_equals_a_local_prediction() {
        Rows rows = Rows.generate(150, 3, 2, 63);
        Dataset<Row> frame = FrameRows.frame(FrameRows.arrayRows(rows.x, rows.labels, rows.weights), FrameRows.ARRAY_COLUMNS, FrameRows.ARRAY_TYPES);
        DenseMatrix y = new DenseMatrix(150, 1);
        for (int i = 0; i < 150; i++) {
            y.setEntry(i, 0, rows.labels[i]);
        }
        assertClassifierScores(frame, RowSource.frame(frame).withLabel("label", TargetLayout.BINARY),
                new NetworkRecipe("network < dense(5, relu); dense(1, sigmoid) >", 3, "bce"), rows.x, y, true);
    }

    @Test
    void regression_mse_mae_r2_and_max_error_equal_cores_metrics_on_a_local_prediction() {
        Rows rows = Rows.generate(170, 3, 2, 64);
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < 170; i++) {
            data.add(RowFactory.create(FrameRows.row(rows.x, i), rows.regression.getEntry(i, 0), FrameRows.row(rows.regression, i)));
        }
        Dataset<Row> frame = FrameRows.frame(data, new String[] {"features", "one", "two"}, new DataType[] {
                DataTypes.createArrayType(DataTypes.DoubleType), DataTypes.DoubleType, DataTypes.createArrayType(DataTypes.DoubleType)});
        for (int outputs = 1; outputs <= 2; outputs++) {
            DenseMatrix y = outputs == 2 ? rows.regression : new DenseMatrix(170, 1);
            if (outputs == 1) {
                for (int i = 0; i < 170; i++) {
                    y.setEntry(i, 0, rows.regression.getEntry(i, 0));
                }
            }
            NetworkRecipe recipe = new NetworkRecipe("network < dense(6, tanh); dense(" + outputs + ", identity) >", 3, "mse");
            Network network = fitted(recipe, rows.x, y, 65);
            double[][] truth = y.getData();
            double[][] predicted = network.predict(rows.x).getData();
            try (LoadedRows loaded = engine.load(RowSource.frame(frame).withLabel(outputs == 1 ? "one" : "two", TargetLayout.VALUES))) {
                RowScores scores = engine.score(loaded.training(), recipe, network.parameters(), null);
                assertClose(MeanSquaredError.of(truth, predicted), scores.meanSquaredError(), "MSE, " + outputs + " outputs");
                assertClose(MeanAbsoluteError.of(truth, predicted), scores.meanAbsoluteError(), "MAE, " + outputs + " outputs");
                assertClose(R2.of(truth, predicted), scores.r2(), "R², " + outputs + " outputs");
                assertTrue(scores.r2() > 0.5, "a fitted regression should explain most of the variance, got R² " + scores.r2());
                if (outputs == 1) {
                    assertEquals(MaxError.of(truth, predicted), scores.maxError(), "max error");
                } else {
                    assertEquals("max error is defined for one output only (as scikit-learn's max_error), these scores have 2: read maxErrors() per output",
                            assertThrows(IllegalArgumentException.class, scores::maxError).getMessage());
                }
            }
        }
    }

    @Test
    void a_batch_normalised_network_is_scored_with_the_running_statistics_it_is_given() {
        Rows rows = Rows.generate(120, 4, 3, 67);
        Dataset<Row> frame = FrameRows.frame(FrameRows.arrayRows(rows.x, rows.labels, rows.weights), FrameRows.ARRAY_COLUMNS, FrameRows.ARRAY_TYPES);
        NetworkRecipe recipe = new NetworkRecipe("network < dense(6, relu); batchNorm(momentum=0.5); dense(3, softmax) >", 4, "softmax-ce");
        Network network = recipe.build(68);
        for (int pass = 0; pass < 3; pass++) {
            network.forward(rows.x, true);
        }
        double[] state = network.state().clone();
        assertTrue(state.length > 0 && !java.util.Arrays.equals(state, recipe.build(68).state()), "training passes should move the running statistics");
        int[] truth = classes(rows.oneHot, false);
        int[] predicted = classes(network.predict(rows.x), false);
        try (LoadedRows loaded = engine.load(RowSource.frame(frame))) {
            RowScores scores = engine.score(loaded.training(), recipe, network.parameters(), state);
            assertEquals(Accuracy.of(truth, predicted), scores.accuracy());
            double loss = network.loss(rows.x, rows.oneHot, Reduction.SUM);
            assertEquals(loss, scores.lossSum(), RELATIVE * loss);
            assertEquals("scoring " + recipe + " expected " + network.parameterCount() + " parameters and " + state.length
                            + " state values, got " + network.parameterCount() + " and 0: pass the trained network's parameters() and state()",
                    assertThrows(IllegalArgumentException.class, () -> engine.score(loaded.training(), recipe, network.parameters(), null)).getMessage());
        }
    }

    @Test
    void rows_distributed_from_matrices_are_refused_because_they_do_not_say_their_target_layout() {
        Rows rows = Rows.generate(10, 2, 2, 66);
        NetworkRecipe recipe = new NetworkRecipe("network < dense(2, softmax) >", 2, "softmax-ce");
        try (DistributedRows distributed = engine.distribute(rows.x, rows.oneHot, null, 2)) {
            assertEquals("rows distributed from matrices do not say how their targets are laid out (" + distributed
                            + "): load them with load(RowSource), which records the layout, to score them",
                    assertThrows(IllegalArgumentException.class, () -> engine.score(distributed, recipe, recipe.build(1).parameters(), null)).getMessage());
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, RELATIVE * Math.abs(expected), what);
    }
}
