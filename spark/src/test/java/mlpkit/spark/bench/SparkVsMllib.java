package mlpkit.spark.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import mlpkit.core.distributed.DistributedRows;
import mlpkit.spark.SparkEngine;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * mlpkit on Spark against Spark MLlib's {@code MultilayerPerceptronClassifier}, in {@code local[2]}: the same data,
 * layers (sigmoid hidden, softmax output), the same starting weights (mlpkit's U(−2.4/√fanIn, 2.4/√fanIn) draw
 * for seed r, MLlib's own kind of start, given to MLlib with {@code setInitialWeights}; checked once per data set
 * with a 0-iteration MLlib fit), L-BFGS with 10 corrections and no early stop, the same number of iterations and
 * {@code partitions} partitions. Prints, per data set, each run and the medians over
 * {@code runs} runs in alternating order (after one warm-up run of each, not counted: as long as a counted run on small data such as E3, else 3 iterations): optimisation time per L-BFGS
 * iteration and per evaluation (first evaluation job's start to the last one's end, from Spark's listener; data
 * loading and caching excluded), the whole fit call, and train and test accuracy.
 *
 * <p>Iterations: MLlib counts Breeze's L-BFGS iterations ({@code summary.totalIterations}); mlpkit counts core's
 * L-BFGS iterations ({@code FullBatchRun.iterations}). Each iteration makes one or more evaluations (line search);
 * an evaluation is one Spark job with a {@code treeAggregate} on either side.
 *
 * <p>Arguments (all optional, {@code key=value}): {@code e3=100} and {@code mnist=20} iterations, {@code runs=3},
 * {@code partitions=2}; {@code mnist=0} skips MNIST; {@code trainer=both|mlpkit|mllib}; {@code seed=1}, the first run's
 * seed for the starting weights (run r draws with seed + r). Run each trainer in a JVM of
 * its own ({@code bench/spark-vs-mllib.sh} does): MLlib's BLAS also runs on the JDK's Vector API, and sharing a JVM's
 * compiled code with it was seen to leave mlpkit's vector kernels on the Vector API's slow, non-intrinsic path.
 */
public final class SparkVsMllib {
    /** Data sets with at most this many feature values get a warm-up as long as a counted run. */
    private static final long WHOLE_WARM_UP_CELLS = 1_000_000;

    private SparkVsMllib() {
    }

    public static void main(String[] args) {
        for (String arg : args) {
            if (!arg.matches("(e3|mnist|runs|partitions|trainer|seed)=.*")) {
                System.err.println("SparkVsMllib: unknown argument '" + arg + "', expected key=value with key e3, mnist, runs, partitions, trainer or seed");
                System.exit(2);
            }
        }
        int e3Iterations = option(args, "e3", 100);
        int mnistIterations = option(args, "mnist", 20);
        int runs = option(args, "runs", 3);
        int partitions = option(args, "partitions", 2);
        String trainer = trainer(args);
        int firstSeed = option(args, "seed", 1);
        SparkSession spark = SparkSession.builder().appName("mlpkit vs MLlib MLP").master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", String.valueOf(partitions))
                .getOrCreate();
        try {
            System.out.printf("Spark %s, master %s, %d partitions, JVM %s, %d processors, max heap %d MB%n", spark.version(),
                    spark.sparkContext().master(), partitions, System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            SparkEngine engine = new SparkEngine(spark);
            JobClock clock = new JobClock(spark.sparkContext());
            compare(spark, engine, clock, BenchData.e3(), e3Iterations, runs, partitions, trainer, firstSeed);
            if (mnistIterations > 0) {
                BenchData mnist = BenchData.mnistIfPresent();
                if (mnist == null) {
                    System.out.println("\nMNIST skipped: its IDX files are not on this machine (set MLP_DATA_DIR to a folder "
                            + "with mnist/, or run scripts/install-datasets.sh)");
                } else {
                    compare(spark, engine, clock, mnist, mnistIterations, runs, partitions, trainer, firstSeed);
                }
            }
        } finally {
            spark.stop();
        }
    }

    private static void compare(SparkSession spark, SparkEngine engine, JobClock clock, BenchData data, int iterations,
                                int runs, int partitions, String trainer, int firstSeed) {
        boolean withMlpkit = !trainer.equals("mllib");
        boolean withMllib = !trainer.equals("mlpkit");
        System.out.printf("%n== %s, %d L-BFGS iterations, %d partitions%n", data.name, iterations, partitions);
        System.out.println("network: " + MlpkitRun.notation(data.layers) + ", loss softmax-ce; MLlib layers " + Arrays.toString(data.layers));
        Dataset<Row> train = MllibRun.frame(spark, data.trainX, data.trainLabels, partitions);
        Dataset<Row> test = MllibRun.frame(spark, data.testX, data.testLabels, partitions);
        try (DistributedRows rows = engine.distribute(data.trainX, data.oneHot(data.trainLabels), null, partitions)) {
            // The warm-up compiles Spark's and the trainer's code paths: a whole run where runs are cheap (E3), else
            // 3 iterations, whose evaluations already pass every block through the kernels many times.
            int warm = data.trainX.getRowDimension() * (long) data.trainX.getColumnDimension() <= WHOLE_WARM_UP_CELLS
                    ? iterations : Math.min(3, iterations);
            if (withMlpkit) {
                System.out.println("warm-up (not counted): " + MlpkitRun.run(engine, rows, data, warm, 100, clock));
            }
            if (withMllib) {
                double gap = MllibRun.startCheck(test, data, MlpkitRun.network(data, 100));
                System.out.printf("same start: MLlib's 0-iteration model and mlpkit's network differ by at most %.1e in a class probability%n", gap);
                if (!(gap < 1e-9)) {
                    throw new IllegalStateException("MLlib does not read mlpkit's parameters as the same network (gap " + gap + ")");
                }
                System.out.println("warm-up (not counted): " + MllibRun.run(train, test, data, warm, MlpkitRun.network(data, 100).parameters(), clock));
            }
            List<RunFigures> mlpkit = new ArrayList<>();
            List<RunFigures> mllib = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                long seed = firstSeed + r;
                boolean mlpkitFirst = r % 2 == 0;
                if (withMlpkit && mlpkitFirst) {
                    mlpkit.add(print(data, MlpkitRun.run(engine, rows, data, iterations, seed, clock)));
                }
                if (withMllib) {
                    mllib.add(print(data, MllibRun.run(train, test, data, iterations, MlpkitRun.network(data, seed).parameters(), clock)));
                }
                if (withMlpkit && !mlpkitFirst) {
                    mlpkit.add(print(data, MlpkitRun.run(engine, rows, data, iterations, seed, clock)));
                }
            }
            System.out.println("median of " + runs + ":");
            for (List<RunFigures> side : List.of(mlpkit, mllib)) {
                if (side.isEmpty()) {
                    continue;
                }
                System.out.printf("  %-7s %7.1f ms/iteration  %7.1f ms/evaluation  %6.2f evaluations/iteration  fit %8.0f ms  "
                                + "train %.4f  test %.4f%n", side.get(0).trainer(),
                        median(side, RunFigures::millisPerIteration), median(side, RunFigures::millisPerEvaluation),
                        median(side, f -> (double) f.evaluations() / f.iterations()), median(side, RunFigures::fitMillis),
                        median(side, RunFigures::trainAccuracy), median(side, RunFigures::testAccuracy));
            }
        } finally {
            train.unpersist();
            test.unpersist();
        }
    }

    /** Prints the run, and a tab-separated RESULT line for bench/spark-vs-mllib.sh's medians across JVMs. */
    private static RunFigures print(BenchData data, RunFigures f) {
        System.out.println("  " + f);
        System.out.printf("RESULT\t%s\t%s\t%.2f\t%.2f\t%.3f\t%.0f\t%.4f\t%.4f%n", data.name.substring(0, data.name.indexOf(' ')), f.trainer(),
                f.millisPerIteration(), f.millisPerEvaluation(), (double) f.evaluations() / f.iterations(), f.fitMillis(),
                f.trainAccuracy(), f.testAccuracy());
        return f;
    }

    private static String trainer(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("trainer=")) {
                String value = arg.substring("trainer=".length());
                if (!value.matches("both|mlpkit|mllib")) {
                    System.err.println("SparkVsMllib: trainer expected both, mlpkit or mllib, got '" + value + "'");
                    System.exit(2);
                }
                return value;
            }
        }
        return "both";
    }

    private static double median(List<RunFigures> runs, ToDoubleFunction<RunFigures> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static int option(String[] args, String key, int fallback) {
        for (String arg : args) {
            if (arg.startsWith(key + "=")) {
                String value = arg.substring(key.length() + 1);
                try {
                    int parsed = Integer.parseInt(value);
                    if (parsed >= 0 && (parsed > 0 || key.equals("mnist"))) {
                        return parsed;
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                System.err.println("SparkVsMllib: " + key + " expected a whole number " + (key.equals("mnist") ? ">= 0" : ">= 1")
                        + ", got '" + value + "'");
                System.exit(2);
            }
        }
        return fallback;
    }
}
