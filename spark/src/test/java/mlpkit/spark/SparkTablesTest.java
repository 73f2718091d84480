package mlpkit.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mlpkit.core.distributed.InputScaling;
import mlpkit.core.distributed.RowSource;
import mlpkit.core.distributed.TableColumns;
import mlpkit.core.distributed.TargetLayout;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.data.table.ColumnOptions;
import mlpkit.data.table.ColumnOptionsSerializer;
import mlpkit.data.table.ColumnPipeline;
import mlpkit.data.table.ColumnRole;
import mlpkit.data.table.ColumnScaling;
import mlpkit.data.table.Imputation;
import mlpkit.data.table.MissingValues;
import mlpkit.data.table.RawTable;
import mlpkit.data.table.TableReader;
import mlpkit.dsl.Experiment;
import mlpkit.dsl.Experiments;
import mlpkit.dsl.model.Model;
import mlpkit.dsl.train.TrainingResult;
import mlpkit.dsl.train.TrainingRun;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code "type": "spark"} source with {@code columns} (the table form): the column pipeline is fitted on the
 * workers on the training rows only, stored with the model, and the model ({@code Model.predict} and {@code mlp predict})
 * predicts a penguins CSV through it as Spark scoring does on the frame.
 */
class SparkTablesTest {
    private static final RawTable TABLE = Penguins.labelled(Penguins.local());
    private static final double FRACTION = 0.25;
    private static final long SEED = 5;

    private static String experiment(String parquet) {
        return "{\"name\": \"penguins\", \"data\": {\"scaling\": \"standard\", \"split\": {\"validation\": " + FRACTION + ", \"randomState\": " + SEED + "},"
                + " \"source\": {\"type\": \"spark\", \"format\": \"parquet\", \"path\": \"" + parquet + "\", \"label\": \"species\","
                + " \"columns\": {\"island\": \"categorical\", \"sex\": {\"categorical\": true, \"missing\": \"mostFrequent\"},"
                + " \"bill_length_mm\": {\"missing\": \"mean\"}, \"bill_depth_mm\": {\"missing\": \"mean\"}, \"flipper_length_mm\": {\"missing\": \"mean\"},"
                + " \"body_mass_g\": {\"missing\": \"mean\"}}}},"
                + " \"network\": \"network < dense(8, tanh); dense(3, softmax) >\","
                + " \"training\": {\"loss\": \"softmax-ce\", \"optimizer\": \"lbfgs\", \"epochs\": 8, \"seed\": 2}, \"cluster\": {\"master\": \"local[2]\"}}";
    }

    /** data's own pipeline on the rows the hash split keeps for training (row ids: the table's order, as the parquet file holds it). */
    private static ColumnPipeline local() {
        ValidationSplit split = new ValidationSplit(FRACTION, SEED);
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < TABLE.getRowCount(); i++) {
            if (!split.validation(i)) {
                kept.add(i);
            }
        }
        assertTrue(kept.size() < TABLE.getRowCount() && kept.size() > TABLE.getRowCount() / 2, kept.size() + " training rows of " + TABLE.getRowCount());
        Map<String, ColumnOptions> options = new LinkedHashMap<>();
        options.put("island", ColumnOptions.CATEGORICAL);
        options.put("sex", new ColumnOptions(ColumnRole.CATEGORICAL, Imputation.MOST_FREQUENT, null, null, false));
        for (String name : List.of("bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g")) {
            options.put(name, new ColumnOptions(null, Imputation.MEAN, null, null, false));
        }
        List<String> features = TABLE.getNames().stream().filter(n -> !n.equals(Penguins.LABEL)).toList();
        return ColumnPipeline.fit(TABLE, features, kept.stream().mapToInt(Integer::intValue).toArray(), options, ColumnScaling.STANDARD, new MissingValues());
    }

    @Test
    void a_columns_source_stores_the_pipeline_fitted_on_the_training_rows_and_its_model_predicts_a_csv_as_spark_scoring_does(@TempDir Path dir)
            throws IOException {
        String parquet = dir.resolve("penguins.parquet").toString();
        Penguins.frame(TABLE, 3).coalesce(1).write().parquet(parquet);
        TrainingResult result = new TrainingRun(new Experiment(Experiments.parse(experiment(parquet), "penguins.json")))
                .on(new SparkEngine(TestSpark.session())).fit();

        ColumnPipeline expected = local();
        ColumnPipeline stored = result.getModel().getFile().getPipeline();
        SparkColumnPipelineTest.assertSamePipeline(expected, stored);
        assertEquals(expected.getFeatureNames(), result.getModel().getFile().getFeatureNames());
        assertNull(result.getModel().getFile().getInputScaling(), "the pipeline does all input scaling");
        assertTrue(result.metric("train_accuracy") > 0.95 && result.metric("validation_accuracy") > 0.95, result.getMetrics().toString());

        Path modelFile = dir.resolve("model.json");
        result.getModel().save(modelFile);
        Path csv = dir.resolve("penguins.csv");
        try (InputStream in = Penguins.class.getResourceAsStream(Penguins.RESOURCE)) {
            Files.copy(in, csv);
        }
        Model model = Model.load(modelFile);
        RawTable predictFile = TableReader.read(csv);
        DenseMatrix probabilities = model.predictProba(predictFile);
        int[] classes = model.predictClasses(predictFile);
        List<Row> scored = SparkScoring.transformTable(TestSpark.session().read().parquet(parquet), model.trainedModel(), "prediction").collectAsList();
        assertEquals(TABLE.getRowCount(), scored.size());
        assertEquals(TABLE.getRowCount(), predictFile.getRowCount(), "the shipped file has a species on every row");
        List<String> names = model.getFile().getClassNames();
        int right = 0;
        for (int i = 0; i < scored.size(); i++) {
            Row row = scored.get(i);
            assertEquals(names.get(classes[i]), row.getString(row.fieldIndex("prediction")), "row " + i);
            double[] p = row.<Double>getList(row.fieldIndex(SparkScoring.PROBABILITY)).stream().mapToDouble(Double::doubleValue).toArray();
            assertArrayEquals(probabilities.getRow(i), p, 0.0, "row " + i);
            right += names.get(classes[i]).equals(row.getString(row.fieldIndex(Penguins.LABEL))) ? 1 : 0;
        }
        assertTrue(right > 0.95 * scored.size(), right + " of " + scored.size() + " predicted right");
        Mlp.Result predicted = Mlp.run("predict", modelFile.toString(), csv.toString());
        assertEquals(0, predicted.exitCode(), predicted.printed());
        List<String> printed = predicted.out().lines().toList();
        assertEquals(scored.size(), printed.size(), predicted.printed());
        for (int i = 0; i < printed.size(); i++) {
            assertEquals(names.get(classes[i]), printed.get(i), "mlp predict, row " + i);
        }
    }

    private static String refusal(RowSource source) {
        return assertThrows(IllegalArgumentException.class, () -> SparkFrames.load(TestSpark.session(), source, 2, 4)).getMessage();
    }

    @Test
    void a_misspelt_label_or_column_option_of_the_table_form_is_named_with_the_columns() {
        Dataset<Row> frame = Penguins.frame(TABLE.rows(new int[] {0, 1, 2, 200, 300}), 2);
        TableColumns island = new TableColumns(ColumnOptionsSerializer.write(Map.of("iland", ColumnOptions.CATEGORICAL)), MissingValues.DEFAULT_TOKENS,
                InputScaling.NONE);
        assertEquals("the label column 'specis' is not in the data (columns: species, island, bill_length_mm, bill_depth_mm, flipper_length_mm, "
                + "body_mass_g, sex, year): did you mean 'species'? Name one of the columns",
                refusal(RowSource.frame(frame).withLabel("specis", TargetLayout.ONE_HOT).withColumns(island)));
        assertEquals("the column options name 'iland', which is not a feature column; the feature columns are 'species', 'bill_length_mm', "
                + "'bill_depth_mm', 'flipper_length_mm', 'body_mass_g', 'sex', 'year': correct the name or drop its options",
                refusal(RowSource.frame(frame).withLabel("island", TargetLayout.ONE_HOT).withColumns(island)));
    }
}
