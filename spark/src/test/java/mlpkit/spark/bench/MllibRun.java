package mlpkit.spark.bench;

import java.util.ArrayList;
import java.util.List;
import mlpkit.core.matrix.DenseMatrix;
import org.apache.spark.ml.classification.MultilayerPerceptronClassificationModel;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Spark MLlib's side: {@code MultilayerPerceptronClassifier} (sigmoid hidden layers, softmax output, its own
 * U(−2.4/√fanIn, 2.4/√fanIn) start) with solver l-bfgs, tol 0 and MLlib's block size, on a cached DataFrame.
 */
final class MllibRun {
    /** Rows per stacked block, MLlib's default, as the Spark engine's. */
    static final int BLOCK_SIZE = 128;

    private MllibRun() {
    }

    /** Features as ML vectors and labels as doubles, in {@code partitions} partitions, cached and counted. */
    static Dataset<Row> frame(SparkSession spark, DenseMatrix x, int[] labels, int partitions) {
        StructType schema = new StructType().add("features", SQLDataTypes.VectorType()).add("label", DataTypes.DoubleType);
        List<Row> rows = new ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) {
            rows.add(RowFactory.create(Vectors.dense(x.getRow(i)), (double) labels[i]));
        }
        Dataset<Row> frame = spark.createDataFrame(rows, schema).repartition(partitions).cache();
        frame.count();
        return frame;
    }

    static RunFigures run(Dataset<Row> train, Dataset<Row> test, BenchData data, int iterations, long seed, JobClock clock) {
        MultilayerPerceptronClassifier mlpc = new MultilayerPerceptronClassifier().setLayers(data.layers).setSolver("l-bfgs")
                .setMaxIter(iterations).setTol(0.0).setBlockSize(BLOCK_SIZE).setSeed(seed);
        clock.reset();
        long started = System.nanoTime();
        MultilayerPerceptronClassificationModel model = mlpc.fit(train);
        double fit = (System.nanoTime() - started) / 1e6;
        int evaluations = clock.evaluations();
        long window = clock.evaluationWindowMillis();
        MulticlassClassificationEvaluator accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy");
        return new RunFigures("MLlib", model.summary().totalIterations(), evaluations, fit, window,
                accuracy.evaluate(model.transform(train)), accuracy.evaluate(model.transform(test)));
    }
}
