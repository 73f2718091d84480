package mlpkit.spark;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import mlpkit.core.distributed.ColumnAffine;
import mlpkit.core.distributed.NetworkRecipe;
import mlpkit.core.distributed.TrainedModel;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.network.Network;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Measures batch scoring in {@code local[2]} against the same forward passes on one thread: a cached frame of
 * {@code rows} (first argument, default 200000) × 20 features scored by a 20-8-3-2 softmax classifier with input
 * scaling; medians of {@value #RUNS} timed runs after one warm-up. Not a test; run it as a main.
 */
public final class ScoringThroughput {
    private static final int RUNS = 3;
    private static final int INPUTS = 20;

    private ScoringThroughput() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        SparkSession spark = SparkSession.builder().appName("mlpkit scoring throughput").master("local[2]")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        try {
            Column[] features = IntStream.range(0, INPUTS).mapToObj(j -> functions.randn(j)).toArray(Column[]::new);
            Dataset<Row> frame = spark.range(0, rows, 1, 2).select(functions.array(features).as("features")).cache();
            frame.count();
            NetworkRecipe recipe = new NetworkRecipe("network < dense(8, sigmoid); dense(3, sigmoid); dense(2, softmax) >", INPUTS, "softmax-ce");
            double[] ones = new double[INPUTS];
            Arrays.fill(ones, 1.5);
            TrainedModel model = new TrainedModel(recipe, recipe.build(1).parameters(), null, new ColumnAffine(INPUTS, new double[INPUTS], ones, null, null),
                    List.of("a", "b"), null, null, null);
            double[] spark2 = new double[RUNS];
            for (int run = -1; run < RUNS; run++) {
                long start = System.nanoTime();
                SparkScoring.transform(frame, model, "features", "prediction").select(functions.sum(functions.size(functions.col(SparkScoring.PROBABILITY))))
                        .collectAsList();
                if (run >= 0) {
                    spark2[run] = (System.nanoTime() - start) / 1e9;
                }
            }
            // The same rows through a mapPartitions that only copies each row and appends a 2-value array: Spark's Row
            // encoding, without any mlpkit work.
            org.apache.spark.sql.types.StructType schema = frame.schema().add("copy", org.apache.spark.sql.types.DataTypes.createArrayType(
                    org.apache.spark.sql.types.DataTypes.DoubleType, false), false);
            double[] rowsOnly = new double[RUNS];
            for (int run = -1; run < RUNS; run++) {
                long start = System.nanoTime();
                frame.mapPartitions((org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>) it -> new java.util.Iterator<Row>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Row next() {
                        Row row = it.next();
                        List<Double> values = row.getList(0);
                        return org.apache.spark.sql.RowFactory.create(row.get(0), DoubleArrays.field(new double[] {values.get(0), values.get(1)}));
                    }
                }, org.apache.spark.sql.Encoders.row(schema)).select(functions.sum(functions.size(functions.col("copy")))).collectAsList();
                if (run >= 0) {
                    rowsOnly[run] = (System.nanoTime() - start) / 1e9;
                }
            }
            Arrays.sort(rowsOnly);
            System.out.printf("Row encoding alone (copy each row, append 2 values): median %.3f s (%.0f rows/s)%n", rowsOnly[RUNS / 2],
                    rows / rowsOnly[RUNS / 2]);
            List<Row> collected = frame.collectAsList();
            DenseMatrix x = new DenseMatrix(rows, INPUTS);
            for (int i = 0; i < rows; i++) {
                List<Double> values = collected.get(i).getList(0);
                for (int j = 0; j < INPUTS; j++) {
                    x.setEntry(i, j, values.get(j));
                }
            }
            double[] local = new double[RUNS];
            Network network = model.network();
            for (int run = -1; run < RUNS; run++) {
                long start = System.nanoTime();
                for (int from = 0; from < rows; from += ScoringPartition.BLOCK) {
                    int n = Math.min(ScoringPartition.BLOCK, rows - from);
                    DenseMatrix block = new DenseMatrix(n, INPUTS, Arrays.copyOfRange(x.data(), from * INPUTS, (from + n) * INPUTS));
                    model.predict(network, block, n);
                }
                if (run >= 0) {
                    local[run] = (System.nanoTime() - start) / 1e9;
                }
            }
            Arrays.sort(spark2);
            Arrays.sort(local);
            System.out.printf("%d rows × %d features, 20-8-3-2 softmax: SparkScoring local[2] median %.3f s (%.0f rows/s); "
                    + "the same forward passes on one thread median %.3f s (%.0f rows/s)%n", rows, INPUTS, spark2[RUNS / 2],
                    rows / spark2[RUNS / 2], local[RUNS / 2], rows / local[RUNS / 2]);
        } finally {
            spark.stop();
        }
    }
}
