package mlpkit.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;
import mlpkit.core.distributed.InputScaling;
import mlpkit.core.distributed.LoadedRows;
import mlpkit.core.distributed.NetworkRecipe;
import mlpkit.core.distributed.RowSource;
import mlpkit.data.idx.IdxArray;
import mlpkit.data.idx.IdxWriter;
import mlpkit.data.idx.ImageSetLoader;
import mlpkit.data.idx.PixelScaling;
import mlpkit.data.random.RandomState;
import org.apache.spark.sql.SparkSession;

/**
 * Measures loading in {@code local[2]}: a parquet file of n × 20 features (written by Spark from generated rows) read
 * and counted by Spark alone, then loaded into blocks (plain; with standard scaling and a 10 % validation split) and
 * scored; and IDX files of 28×28 images, raw and gzipped, against data's local IDX loader. Medians of
 * {@value #RUNS} runs after one warm-up. Not a test; run it as a main with the first argument the row count, e.g.
 * <pre>
 * mvn -pl spark test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Xmx2g $SPARK_JVM_OPENS -cp spark/target/test-classes:spark/target/classes:$(cat /tmp/cp.txt) mlpkit.spark.LoadTimes 100000
 * </pre>
 * with {@code $SPARK_JVM_OPENS} the module's {@code spark.jvm.opens} list.
 */
public final class LoadTimes {
    private static final int RUNS = 3;

    private LoadTimes() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        SparkSession spark = SparkSession.builder().appName("mlpkit load times").master("local[2]")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        Path dir = Files.createTempDirectory("mlpkit-load-times");
        try {
            String parquet = dir.resolve("rows.parquet").toString();
            StringBuilder features = new StringBuilder("array(");
            for (int j = 0; j < 20; j++) {
                features.append(j == 0 ? "" : ", ").append("randn(").append(j).append(")");
            }
            spark.range(n).selectExpr(features + ") as features", "cast(id % 3 as int) as label").write().parquet(parquet);
            SparkEngine engine = new SparkEngine(spark);
            RowSource plain = RowSource.files("parquet", parquet);
            RowSource scaled = plain.withScaling(InputScaling.STANDARD).withValidation(0.1, 1);
            NetworkRecipe recipe = new NetworkRecipe("network < dense(8, sigmoid); dense(3, softmax) >", 20, "softmax-ce");
            double[] parameters = recipe.build(1).parameters();
            System.out.println(n + " rows × 20 features, parquet, local[2], " + engine.defaultPartitions() + " partitions; medians of " + RUNS + " runs, ms");
            report("spark.read().parquet().count()", () -> spark.read().parquet(parquet).count());
            report("load (no scaling, no validation)", () -> {
                try (LoadedRows rows = engine.load(plain)) {
                    return rows.trainingRows();
                }
            });
            report("load (standard scaling, 10 % validation)", () -> {
                try (LoadedRows rows = engine.load(scaled)) {
                    return rows.trainingRows();
                }
            });
            try (LoadedRows rows = engine.load(plain)) {
                report("score 20-8-3 softmax on the loaded rows", () -> engine.score(rows.training(), recipe, parameters, null).rows());
            }
            int images = Math.max(1, n / 5);
            RandomState random = new RandomState(1);
            byte[] pixels = new byte[images * 784];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (byte) random.randint(0, 256);
            }
            byte[] labels = new byte[images];
            for (int i = 0; i < images; i++) {
                labels[i] = (byte) (i % 10);
            }
            for (boolean gzip : new boolean[] {false, true}) {
                Path imageFile = dir.resolve("images" + (gzip ? ".gz" : ""));
                Path labelFile = dir.resolve("labels" + (gzip ? ".gz" : ""));
                IdxWriter.INSTANCE.write(IdxArray.Companion.ofUnsignedBytes(new int[] {images, 28, 28}, pixels), imageFile, gzip);
                IdxWriter.INSTANCE.write(IdxArray.Companion.ofUnsignedBytes(new int[] {images}, labels), labelFile, gzip);
                RowSource idx = RowSource.files("idx", imageFile.toString()).withOption(RowSource.IDX_LABELS, labelFile.toString());
                String what = images + " IDX images 28×28" + (gzip ? " gzipped" : " raw");
                report(what + ": data's ImageSetLoader (one thread, bytes only)", () -> ImageSetLoader.INSTANCE.load(imageFile, labelFile,
                        Arrays.asList("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), PixelScaling.UNIT.INSTANCE, "x").getFeatures().getRows());
                report(what + ": engine.load into blocks of doubles", () -> {
                    try (LoadedRows rows = engine.load(idx)) {
                        return rows.trainingRows();
                    }
                });
            }
        } finally {
            spark.stop();
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void report(String what, Supplier<Object> work) {
        work.get();
        double[] ms = new double[RUNS];
        for (int r = 0; r < RUNS; r++) {
            long start = System.nanoTime();
            work.get();
            ms[r] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%-70s %8.0f%n", what, ms[RUNS / 2]);
    }
}
