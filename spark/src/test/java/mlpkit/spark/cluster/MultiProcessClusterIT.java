package mlpkit.spark.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import mlpkit.core.concept.Registry;
import mlpkit.core.distributed.Averaging;
import mlpkit.core.distributed.AveragingPlan;
import mlpkit.core.distributed.DistributedRows;
import mlpkit.core.distributed.NetworkRecipe;
import mlpkit.core.loss.Loss;
import mlpkit.core.loss.Reduction;
import mlpkit.core.loss.WeightNormalization;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.network.Network;
import mlpkit.core.network.NetworkSpec;
import mlpkit.core.network.Objective;
import mlpkit.core.optim.FullBatchRun;
import mlpkit.core.optim.Optimizer;
import mlpkit.core.optim.OptimizerSpec;
import mlpkit.core.optim.OptimizerState;
import mlpkit.core.optim.lbfgs.LbfgsOptimizer;
import mlpkit.data.Dataset;
import mlpkit.data.DenseFeatures;
import mlpkit.data.RegressionTargets;
import mlpkit.data.batch.BatchSize;
import mlpkit.data.batch.MiniBatches;
import mlpkit.data.batch.TargetEncoding;
import mlpkit.data.random.RandomState;
import mlpkit.data.split.RowOrder;
import mlpkit.spark.SparkEngine;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.spark.SparkContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The engine's equalities with local training, on executors that are separate JVM processes: the driver (this JVM)
 * runs no task under {@code local-cluster}, so every partition's work below crosses process boundaries, as on a
 * real cluster.
 */
@Tag("cluster")
@DisplayName("On a multi-process cluster (local-cluster[2,1,1024])")
class MultiProcessClusterIT {
    private static final double RELATIVE = 1e-9;
    private static final String SOFTMAX = "network < dense(7, tanh); dense(3, softmax) >";
    private static final String WITH_DROPOUT = "network < dense(7, tanh); dropout(0.2); dense(3, softmax) >";

    private final SparkEngine engine = new SparkEngine(ClusterSpark.session());
    private final SparkContext context = ClusterSpark.session().sparkContext();

    @Test
    @DisplayName("the executors are two processes other than the driver's")
    void the_executors_are_two_processes_other_than_the_drivers() {
        Map<String, Long> executors = ClusterSpark.executorProcesses();
        assertEquals(ClusterSpark.EXECUTORS, executors.size(), "executors seen: " + executors);
        assertEquals(ClusterSpark.EXECUTORS, Set.copyOf(executors.values()).size(), "each executor its own process: " + executors);
        for (long pid : executors.values()) {
            assertNotEquals(ProcessHandle.current().pid(), pid, "an executor in the driver's JVM: " + executors);
        }
    }

    @Test
    @DisplayName("distributed loss and gradient equal the local ones to 1e-9 relative, summed on both executor processes")
    void distributed_loss_and_gradient_equal_the_local_ones() {
        Rows rows = Rows.generate(600, 5, 3, 31);
        NetworkRecipe recipe = new NetworkRecipe(SOFTMAX, 5, "softmax-ce");
        Network network = recipe.build(41);
        double[] parameters = network.parameters().clone();
        double[] expected = new double[parameters.length];
        Objective.Evaluation local = network.objective(rows.x, rows.oneHot, false).evaluate(parameters, expected);

        try (DistributedRows distributed = engine.distribute(rows.x, rows.oneHot, null, 2);
             TaskPlaces places = TaskPlaces.listen(context)) {
            double[] actual = new double[parameters.length];
            Objective.Evaluation spark = engine.objective(distributed, recipe, WeightNormalization.DEFAULT).evaluate(parameters, actual);

            assertEquals(ClusterSpark.executorProcesses().keySet(), places.executors(),
                    "the round's " + places.tasks() + " tasks should run on both executor processes " + ClusterSpark.executorProcesses());
            assertEquals(local.rows(), spark.rows());
            assertClose(local.lossSum(), spark.lossSum(), "loss sum");
            double scale = 0;
            for (double g : expected) {
                scale = Math.max(scale, Math.abs(g));
            }
            assertTrue(scale > 0, "a zero gradient compares nothing");
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], RELATIVE * scale, "gradient entry " + i + " (largest entry " + scale + ")");
            }
        }
    }

    @Test
    @DisplayName("50 L-BFGS iterations on the distributed objective equal 50 on the local one to 1e-9 relative (loss; parameters against the largest)")
    void fifty_lbfgs_iterations_equal_the_local_ones() {
        Rows rows = Rows.generate(400, 5, 3, 32);
        NetworkRecipe recipe = new NetworkRecipe(SOFTMAX, 5, "softmax-ce");
        double[] start = recipe.build(42).parameters().clone();
        Objective local = recipe.build(42).objective(rows.x, rows.oneHot, false);
        LbfgsOptimizer lbfgs = new LbfgsOptimizer(10, 15000, 0.0, 0.0, 20, 0.0);
        FullBatchRun localRun = lbfgs.startFullBatch(local, start.clone(), 50, null);
        try (DistributedRows distributed = engine.distribute(rows.x, rows.oneHot, null, 2)) {
            FullBatchRun sparkRun = lbfgs.startFullBatch(engine.objective(distributed, recipe, WeightNormalization.DEFAULT),
                    start.clone(), 50, null);
            long started = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                assertEquals(localRun.iterate(), sparkRun.iterate(), "iteration " + (i + 1) + " moved in one run only");
            }
            System.out.printf("50 L-BFGS iterations, %d distributed evaluations: %.0f ms (local and distributed runs together)%n",
                    sparkRun.evaluations(), (System.nanoTime() - started) / 1e6);
            assertEquals(50, sparkRun.iterations());
            assertEquals(localRun.evaluations(), sparkRun.evaluations());
            assertClose(localRun.loss(), sparkRun.loss(), "mean loss after 50 iterations");
            assertTrue(sparkRun.loss() < 0.5 * local.value(start).mean(), "L-BFGS should at least halve the mean loss, got "
                    + sparkRun.loss() + " from " + local.value(start).mean());
            double[] expected = localRun.parameters();
            double[] actual = sparkRun.parameters();
            double scale = 0;
            for (double w : expected) {
                scale = Math.max(scale, Math.abs(w));
            }
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], RELATIVE * scale, "parameter " + i + " after 50 iterations (largest " + scale + ")");
            }
        }
    }

    @Test
    @DisplayName("3 averaging rounds of one local epoch on one partition equal 3 local epochs bit for bit (Adam, shuffled, dropout)")
    void averaging_with_one_partition_equals_the_local_loop_bit_for_bit() {
        Rows rows = Rows.generate(250, 5, 3, 33);
        NetworkRecipe recipe = new NetworkRecipe(WITH_DROPOUT, 5, "softmax-ce");
        String adam = "adam(lr = 0.01)";
        double rate = 0.01;
        int batch = 32;
        long shuffleSeed = 7;
        long dropoutSeed = 8;
        double[] start = recipe.build(43).parameters().clone();

        // The local loop: one network, one optimiser, both streams running on over the epochs.
        Network network = Network.build(NetworkSpec.parse(recipe.notation()), recipe.inputSize(),
                Registry.builtIns().parse(Loss.KIND, recipe.loss()), new MersenneTwister(0L), new RandomState(dropoutSeed));
        System.arraycopy(start, 0, network.parameters(), 0, start.length);
        Optimizer optimizer = Registry.builtIns().parse(OptimizerSpec.KIND, adam).start(network.layout().weightMask());
        Dataset dataset = new Dataset("rows", new DenseFeatures(rows.x), new RegressionTargets(rows.oneHot), null);
        MiniBatches batches = new MiniBatches(dataset, new BatchSize.Rows(batch), new RowOrder.Shuffled(new RandomState(shuffleSeed)),
                TargetEncoding.VALUES, false, null);
        double[] localLoss = new double[3];
        for (int epoch = 0; epoch < 3; epoch++) {
            MiniBatches.Epoch cursor = batches.epoch();
            while (cursor.next()) {
                double loss = network.computeGradient(cursor.getX(), cursor.getY(), Reduction.MEAN);
                localLoss[epoch] += loss * cursor.getSize();
                optimizer.step(network.parameters(), network.gradients(), rate, cursor.getSize());
            }
        }

        AveragingPlan plan = new AveragingPlan(adam, batch, 0, true, Reduction.MEAN, WeightNormalization.DEFAULT,
                AveragingPlan.StateRule.AVERAGE, shuffleSeed, dropoutSeed);
        double[] parameters = start.clone();
        OptimizerState state = null;
        try (DistributedRows distributed = engine.distribute(rows.x, rows.oneHot, null, 1);
             Averaging averaging = engine.averaging(distributed, recipe, plan)) {
            for (int round = 0; round < 3; round++) {
                Averaging.Round result = averaging.round(parameters, state, rate);
                assertEquals(localLoss[round], result.lossSum(), 0.0, "loss sum of round " + (round + 1));
                assertEquals(250, result.rows());
                state = result.state();
            }
        }
        assertArrayEquals(network.parameters(), parameters, 0.0, "parameters after 3 rounds");
        assertEquals(optimizer.stepCount(), state.step(), "Adam's step count");
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, RELATIVE * Math.max(1e-300, Math.abs(expected)), what);
    }

    /**
     * Seeded rows: standard-normal features, a class from a fixed linear score plus standard-normal noise (so that
     * the classes overlap and the loss has a minimum above 0), its one-hot row.
     */
    private static final class Rows {
        final DenseMatrix x;
        final DenseMatrix oneHot;

        private Rows(DenseMatrix x, DenseMatrix oneHot) {
            this.x = x;
            this.oneHot = oneHot;
        }

        static Rows generate(int n, int inputs, int classes, long seed) {
            RandomState random = new RandomState(seed);
            double[] x = random.standardNormal(n * inputs);
            double[] noise = random.standardNormal(n * classes);
            double[] oneHot = new double[n * classes];
            for (int i = 0; i < n; i++) {
                int label = 0;
                double best = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < classes; c++) {
                    double score = noise[i * classes + c];
                    for (int j = 0; j < inputs; j++) {
                        score += x[i * inputs + j] * Math.cos(c * inputs + j);
                    }
                    if (score > best) {
                        best = score;
                        label = c;
                    }
                }
                oneHot[i * classes + label] = 1.0;
            }
            return new Rows(new DenseMatrix(n, inputs, x), new DenseMatrix(n, classes, oneHot));
        }
    }
}
