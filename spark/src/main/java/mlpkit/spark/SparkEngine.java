package mlpkit.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import mlpkit.core.distributed.Averaging;
import mlpkit.core.distributed.AveragingPlan;
import mlpkit.core.distributed.DataParallel;
import mlpkit.core.distributed.DistributedRows;
import mlpkit.core.distributed.LoadedRows;
import mlpkit.core.distributed.NetworkRecipe;
import mlpkit.core.distributed.RemoteTask;
import mlpkit.core.distributed.RowScores;
import mlpkit.core.distributed.RowSource;
import mlpkit.core.loss.WeightNormalization;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.network.Objective;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The {@link DataParallel} engine on Apache Spark: rows become a cached RDD of {@link RowBlock}s
 * ({@link #distribute}), the objective is one synchronous Spark round per evaluation ({@link SparkObjective}),
 * averaging one Spark job per round ({@link SparkAveraging}), and a remote task is a Spark task. Only notations and
 * flat arrays travel; executors rebuild networks from their {@link NetworkRecipe}.
 */
public final class SparkEngine implements DataParallel {
    /** Rows per block, as Spark MLlib's MLP stacks them: one forward pass works on a matrix of this many rows. */
    public static final int DEFAULT_BLOCK_SIZE = 128;

    private final SparkSession spark;
    private final JavaSparkContext context;
    private final int blockSize;
    private final boolean ownsSession;

    /** An engine on {@code spark} with blocks of {@value #DEFAULT_BLOCK_SIZE} rows; closing it leaves the session running. */
    public SparkEngine(SparkSession spark) {
        this(spark, DEFAULT_BLOCK_SIZE);
    }

    /** An engine on {@code spark} with blocks of {@code blockSize} rows (at least 1); closing it leaves the session running. */
    public SparkEngine(SparkSession spark, int blockSize) {
        this(spark, blockSize, false);
    }

    SparkEngine(SparkSession spark, int blockSize, boolean ownsSession) {
        this.spark = Objects.requireNonNull(spark, "spark");
        if (blockSize < 1) {
            throw new IllegalArgumentException("a block holds at least 1 row, got a block size of " + blockSize);
        }
        this.context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.blockSize = blockSize;
        this.ownsSession = ownsSession;
    }

    @Override
    public String description() {
        return "Spark " + spark.version() + ", master " + context.master();
    }

    @Override
    public int defaultPartitions() {
        return context.defaultParallelism();
    }

    /** Rows per block. */
    public int blockSize() {
        return blockSize;
    }

    @Override
    public DistributedRows distribute(DenseMatrix x, DenseMatrix y, double[] weights, int partitions) {
        return SparkRows.ship(context, x, y, weights, partitions, blockSize);
    }

    @Override
    public Objective objective(DistributedRows rows, NetworkRecipe recipe, WeightNormalization normalization) {
        return new SparkObjective(context, own(rows), recipe, Objects.requireNonNull(normalization, "normalization"));
    }

    @Override
    public Averaging averaging(DistributedRows rows, NetworkRecipe recipe, AveragingPlan plan) {
        return new SparkAveraging(context, own(rows), recipe, Objects.requireNonNull(plan, "plan"));
    }

    /** Reads {@code source} with Spark into {@code partitions} partitions ({@link SparkFrames}). */
    @Override
    public LoadedRows load(RowSource source, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("rows are loaded into at least 1 partition, got " + partitions + ": leave partitions out for "
                    + defaultPartitions());
        }
        return SparkFrames.load(spark, Objects.requireNonNull(source, "source"), partitions, blockSize);
    }

    /** Scores on the executors in one job ({@link RowScoring}). */
    @Override
    public RowScores score(DistributedRows rows, NetworkRecipe recipe, double[] parameters, double[] state) {
        return RowScoring.score(context, own(rows), recipe, parameters, state);
    }

    @Override
    public List<String> runTasks(Class<? extends RemoteTask> task, List<String> inputs) {
        if (inputs.isEmpty()) {
            return List.of();
        }
        List<String[]> outcomes = context.parallelize(inputs, inputs.size())
                .mapPartitionsWithIndex(new RemoteTaskRun(task.getName()), true).collect();
        List<String> results = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            String[] outcome = outcomes.get(i);
            if (!RemoteTaskRun.OK.equals(outcome[0])) {
                String input = inputs.get(i);
                throw new IllegalStateException(task.getSimpleName() + " failed on input " + i + " of " + inputs.size() + " ("
                        + (input.length() > 80 ? input.substring(0, 77) + "..." : input) + "): " + outcome[1]);
            }
            results.add(outcome[1]);
        }
        return results;
    }

    private static SparkRows own(DistributedRows rows) {
        if (rows instanceof SparkRows spark) {
            return spark;
        }
        throw new IllegalArgumentException("the Spark engine works on rows it distributed itself, got "
                + rows.getClass().getName() + ": pass the rows through this engine's distribute");
    }

    /** Stops the session if this engine started it ({@link SparkEngineProvider#connect}); else leaves it running. */
    @Override
    public void close() {
        if (ownsSession) {
            spark.stop();
        }
    }

    @Override
    public String toString() {
        return description();
    }
}
