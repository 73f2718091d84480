package mlpkit.spark;

import java.util.Arrays;
import mlpkit.core.distributed.AveragingPlan;
import mlpkit.core.distributed.DistributedRows;
import mlpkit.core.distributed.NetworkRecipe;
import mlpkit.core.loss.Reduction;
import mlpkit.core.loss.WeightNormalization;
import mlpkit.core.network.Network;
import mlpkit.core.network.Objective;
import mlpkit.core.distributed.Averaging;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Measures a synchronous round (one distributed objective evaluation) against the same evaluation on one thread, and
 * an averaging round of one local epoch, in {@code local[2]}: medians and 10th percentiles over {@value #ROUNDS}
 * rounds after {@value #WARM_UP} warm-up rounds; the first argument, if any, is the block size. Not a test; run it as a main (see the module's notes for the command).
 */
public final class RoundOverhead {
    private static final int WARM_UP = 5;
    private static final int ROUNDS = 30;

    private RoundOverhead() {
    }

    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().appName("mlpkit round overhead").master("local[2]")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        try {
            int blockSize = args.length > 0 ? Integer.parseInt(args[0]) : SparkEngine.DEFAULT_BLOCK_SIZE;
            SparkEngine engine = new SparkEngine(spark, blockSize);
            System.out.println("blocks of " + blockSize + " rows");
            JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
            measure(engine, context, "E3-sized 4000×20, 20-8-3-2 softmax", 4000, 20, 2,
                    "network < dense(8, sigmoid); dense(3, sigmoid); dense(2, softmax) >");
            measure(engine, context, "MNIST-sized layers on 2000×784 rows, 784-128-10 softmax", 2000, 784, 10,
                    "network < dense(128, sigmoid); dense(10, softmax) >");
            measure(engine, context, "pure overhead: 4×20 rows, 20-8-3-2 softmax", 4, 20, 2,
                    "network < dense(8, sigmoid); dense(3, sigmoid); dense(2, softmax) >");
        } finally {
            spark.stop();
        }
    }

    private static void measure(SparkEngine engine, JavaSparkContext context, String name, int n, int inputs, int classes, String notation) {
        Rows rows = Rows.generate(n, inputs, classes, 1);
        NetworkRecipe recipe = new NetworkRecipe(notation, inputs, "softmax-ce");
        Network network = recipe.build(1);
        double[] w = network.parameters().clone();
        double[] g = new double[w.length];
        Objective local = network.objective(rows.x, rows.oneHot, false);
        try (DistributedRows distributed = engine.distribute(rows.x, rows.oneHot, null, 2)) {
            Objective spark = engine.objective(distributed, recipe, WeightNormalization.DEFAULT);
            double[] localMs = time(() -> local.evaluate(w, g));
            double[] sparkMs = time(() -> spark.evaluate(w, g));
            java.util.List<RowBlock> half = ((SparkRows) distributed).blocks().collectPartitions(new int[] {0})[0];
            ObjectivePartition partition = new ObjectivePartition(recipe, context.broadcast(w), true);
            double[] partitionMs = time(() -> partition.call(half.iterator()));
            AveragingPlan plan = new AveragingPlan("sgd", 64, 0, true, Reduction.MEAN, WeightNormalization.DEFAULT,
                    AveragingPlan.StateRule.AVERAGE, 1, 2);
            double[] averagingMs;
            try (Averaging averaging = engine.averaging(distributed, recipe, plan)) {
                double[] p = w.clone();
                averagingMs = time(() -> averaging.round(p, null, 0.01));
            }
            System.out.printf("%s (P = %d): local evaluation %.2f ms (p10 %.2f); Spark round, 2 partitions %.2f ms (p10 %.2f); "
                            + "partition 0's work alone on the driver %.2f ms (p10 %.2f); "
                            + "averaging round, one local epoch of batches of 64 %.2f ms (p10 %.2f)%n",
                    name, w.length, localMs[0], localMs[1], sparkMs[0], sparkMs[1], partitionMs[0], partitionMs[1], averagingMs[0], averagingMs[1]);
        }
    }

    /** {median, p10} in milliseconds. */
    private static double[] time(Runnable round) {
        for (int i = 0; i < WARM_UP; i++) {
            round.run();
        }
        double[] ms = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            round.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[ROUNDS / 2], ms[ROUNDS / 10]};
    }
}
