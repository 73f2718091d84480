package mlpkit.spark.bench;

import java.util.ArrayList;
import java.util.List;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.network.Network;
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
 * Spark MLlib's side: {@code MultilayerPerceptronClassifier} (sigmoid hidden layers, softmax output) with solver
 * l-bfgs, tol 0 and MLlib's block size, on a cached DataFrame, started from given weights: mlpkit's parameters as
 * they are, since MLlib's affine layer keeps W column-major as numOut × numIn followed by b, which is the order of
 * mlpkit's row-major W (inputs × units) followed by b ({@link #startCheck} verifies it).
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

    private static MultilayerPerceptronClassifier classifier(BenchData data, int iterations, double[] start) {
        return new MultilayerPerceptronClassifier().setLayers(data.layers).setSolver("l-bfgs")
                .setMaxIter(iterations).setTol(0.0).setBlockSize(BLOCK_SIZE).setInitialWeights(Vectors.dense(start));
    }

    /**
     * The largest difference between the class probabilities of MLlib's model fitted with 0 iterations from
     * {@code start} and those of {@code network} (holding {@code start}) on the test rows: rounding only
     * (about 1e-15) when MLlib reads the start as mlpkit means it.
     */
    static double startCheck(Dataset<Row> test, BenchData data, Network network) {
        MultilayerPerceptronClassificationModel model = classifier(data, 0, network.parameters()).fit(test);
        DenseMatrix p = network.predict(data.testX);
        double largest = 0;
        for (int i = 0; i < data.testLabels.length; i++) {
            double[] q = model.predictProbability(Vectors.dense(data.testX.getRow(i))).toArray();
            for (int c = 0; c < q.length; c++) {
                largest = Math.max(largest, Math.abs(q[c] - p.getEntry(i, c)));
            }
        }
        return largest;
    }

    static RunFigures run(Dataset<Row> train, Dataset<Row> test, BenchData data, int iterations, double[] start, JobClock clock) {
        MultilayerPerceptronClassifier mlpc = classifier(data, iterations, start);
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
