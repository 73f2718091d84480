package mlpkit.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mlpkit.core.distributed.TrainedModel;
import mlpkit.core.loss.SoftmaxCrossEntropy;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.optim.lbfgs.LbfgsOptimizer;
import mlpkit.dsl.Experiment;
import mlpkit.dsl.Experiments;
import mlpkit.dsl.FitDistributed;
import mlpkit.dsl.model.Model;
import mlpkit.dsl.spec.Scaling;
import mlpkit.dsl.spec.TrainingSpec;
import mlpkit.dsl.train.TrainingResult;
import mlpkit.dsl.train.TrainingRun;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dsl's `"type": "spark"` data source and {@code fitDistributed} on this engine, against local training and Spark scoring. */
class EngineSourceTrainingTest {
    private static final String NETWORK = "network < dense(8, tanh); dense(3, softmax) >";
    private static final String[] SPECIES = {"adelie", "chinstrap", "gentoo"};

    private static String experiment(String source, String cluster) {
        return "{\"name\": \"rows\", \"data\": {\"source\": " + source + "}, \"network\": \"" + NETWORK + "\","
                + " \"training\": {\"loss\": \"softmax-ce\", \"optimizer\": \"lbfgs\", \"epochs\": 15, \"seed\": 5}" + cluster + "}";
    }

    private static TrainingResult fit(String json, SparkEngine engine) {
        TrainingRun run = new TrainingRun(new Experiment(Experiments.parse(json, "rows.json")));
        return (engine == null ? run : run.on(engine)).fit();
    }

    @Test
    void a_parquet_file_trained_through_the_json_source_equals_the_same_rows_trained_locally_from_csv(@TempDir Path dir) throws IOException {
        Rows rows = Rows.generate(300, 3, 3, 17);
        List<Row> data = new ArrayList<>();
        StringBuilder csv = new StringBuilder("x1,x2,x3,label\n");
        for (int i = 0; i < 300; i++) {
            double[] x = {rows.x.getEntry(i, 0), rows.x.getEntry(i, 1), rows.x.getEntry(i, 2)};
            data.add(RowFactory.create(x[0], x[1], x[2], rows.labels[i]));
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%d%n", x[0], x[1], x[2], rows.labels[i]));
        }
        String parquet = dir.resolve("rows.parquet").toString();
        FrameRows.frame(data, new String[] {"x1", "x2", "x3", "label"},
                new DataType[] {DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.IntegerType}).coalesce(1).write().parquet(parquet);
        Path csvFile = Files.writeString(dir.resolve("rows.csv"), csv);

        TrainingResult local = fit(experiment("{\"type\": \"csv\", \"train\": \"" + csvFile + "\", \"header\": true, \"label\": \"label\"}", ""), null);
        TrainingResult spark = fit(experiment("{\"type\": \"spark\", \"format\": \"parquet\", \"path\": \"" + parquet + "\", \"features\": [\"x1\", \"x2\", \"x3\"]}",
                ", \"cluster\": {\"master\": \"local[2]\"}"), new SparkEngine(TestSpark.session()));

        SameTraining.assertSameTraining(local, spark);
        assertEquals(local.metric("train_accuracy"), spark.metric("train_accuracy"));
        assertEquals(List.of("x1", "x2", "x3"), spark.getModel().getFile().getFeatureNames());
        assertEquals(List.of("0", "1", "2"), spark.getModel().getFile().getClassNames());
        assertTrue(spark.getTrainedOn().startsWith("Spark "), spark.getTrainedOn());
    }

    /** Features as an array column (or a Spark ML vector column), the species as text. */
    private static Dataset<Row> penguinsLike(Rows rows, boolean vectors) {
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < rows.labels.length; i++) {
            double[] x = {rows.x.getEntry(i, 0), 3 * rows.x.getEntry(i, 1) + 40, rows.x.getEntry(i, 2)};
            data.add(RowFactory.create(vectors ? Vectors.dense(x) : FrameRows.row(new DenseMatrix(1, 3, x), 0), SPECIES[rows.labels[i]]));
        }
        DataType features = vectors ? SQLDataTypes.VectorType() : DataTypes.createArrayType(DataTypes.DoubleType);
        return FrameRows.frame(data, new String[] {"features", "species"}, new DataType[] {features, DataTypes.StringType});
    }

    private static Model fitDistributed(Dataset<Row> frame, int epochs) {
        return FitDistributed.fitDistributed(Experiments.network(NETWORK), TestSpark.session(), frame, fit -> {
            fit.label("species");
            fit.setScaling(Scaling.STANDARD);
            fit.validation(0.2, 3L);
            fit.training(TrainingSpec.builder().loss(new SoftmaxCrossEntropy()).optimizer(LbfgsOptimizer.CONCEPT.create(Map.of()))
                    .epochs(epochs).seed(1).build());
        });
    }

    @Test
    void fitDistributed_on_a_data_frame_with_a_string_label_gives_a_model_whose_predictions_agree_with_spark_scoring() {
        Rows rows = Rows.generate(240, 3, 3, 23);
        Dataset<Row> frame = penguinsLike(rows, false);
        Model model = fitDistributed(frame, 12);
        assertFalse(TestSpark.session().sparkContext().isStopped(), "the engine attached to the test's session leaves it running");
        assertEquals(List.of(SPECIES), model.getFile().getClassNames());
        TrainedModel trained = model.trainedModel();
        List<Row> scored = SparkScoring.transform(frame, trained, "features", "prediction").collectAsList();
        DenseMatrix x = new DenseMatrix(scored.size(), 3);
        for (int i = 0; i < scored.size(); i++) {
            List<Double> values = scored.get(i).getList(0);
            for (int j = 0; j < 3; j++) {
                x.setEntry(i, j, values.get(j));
            }
        }
        int[] classes = model.predictClasses(x);
        DenseMatrix probabilities = model.predictProba(x);
        int right = 0;
        for (int i = 0; i < scored.size(); i++) {
            Row row = scored.get(i);
            assertEquals(SPECIES[classes[i]], row.getString(2), "row " + i);
            List<Double> p = row.getList(3);
            assertArrayEquals(new double[] {probabilities.getEntry(i, 0), probabilities.getEntry(i, 1), probabilities.getEntry(i, 2)},
                    p.stream().mapToDouble(Double::doubleValue).toArray(), "probabilities of row " + i);
            right += row.getString(2).equals(row.getString(1)) ? 1 : 0;
        }
        assertTrue(right > 240 / 2, "a fit that learnt something: " + right + " of 240");
    }

    /**
     * The same rows as a Spark ML vector column and as an array column: the same blocks, sums added in partition order
     * ({@link OrderedSums}), so the same fit bit for bit.
     */
    @Test
    void a_spark_ml_vector_column_trains_as_the_same_features_in_an_array_column() {
        Rows rows = Rows.generate(160, 3, 3, 29);
        Model arrays = fitDistributed(penguinsLike(rows, false), 4);
        Model vectors = fitDistributed(penguinsLike(rows, true), 4);
        assertArrayEquals(arrays.getFile().getParameters(), vectors.getFile().getParameters());
        assertEquals(4, vectors.getFile().getHistory().size());
        assertEquals(List.of("features[0]", "features[1]", "features[2]"), vectors.getFile().getFeatureNames());
    }
}
