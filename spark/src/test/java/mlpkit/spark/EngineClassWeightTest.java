package mlpkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mlpkit.dsl.Experiment;
import mlpkit.dsl.Experiments;
import mlpkit.dsl.train.TrainingResult;
import mlpkit.dsl.train.TrainingRun;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code training.classWeight} on a {@code "type": "spark"} source: counted by Spark over its training rows, trained as locally. */
class EngineClassWeightTest {
    private static final String NETWORK = "network < dense(8, tanh); dense(3, softmax) >";

    private static String experiment(String source, String classWeight, String cluster) {
        return "{\"name\": \"rows\", \"data\": {\"source\": " + source + "}, \"network\": \"" + NETWORK + "\","
                + " \"training\": {\"loss\": \"softmax-ce\", \"optimizer\": \"lbfgs\", \"epochs\": 15, \"seed\": 5, \"classWeight\": " + classWeight + "}"
                + cluster + "}";
    }

    private static TrainingResult fit(String json, SparkEngine engine) {
        TrainingRun run = new TrainingRun(new Experiment(Experiments.parse(json, "rows.json")));
        return (engine == null ? run : run.on(engine)).fit();
    }

    /** Imbalanced rows (every class-0 row, every third row of the others) as a parquet file and a csv file in {@code dir}: {parquet, csv}. */
    private static String[] files(Path dir, int[] counts) throws IOException {
        Rows rows = Rows.generate(300, 3, 3, 17);
        List<Row> data = new ArrayList<>();
        StringBuilder csv = new StringBuilder("x1,x2,x3,label\n");
        for (int i = 0; i < 300; i++) {
            if (rows.labels[i] != 0 && i % 3 != 0) {
                continue;
            }
            counts[rows.labels[i]]++;
            double[] x = {rows.x.getEntry(i, 0), rows.x.getEntry(i, 1), rows.x.getEntry(i, 2)};
            data.add(RowFactory.create(x[0], x[1], x[2], rows.labels[i]));
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%d%n", x[0], x[1], x[2], rows.labels[i]));
        }
        String parquet = dir.resolve("rows.parquet").toString();
        FrameRows.frame(data, new String[] {"x1", "x2", "x3", "label"},
                new DataType[] {DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.IntegerType}).coalesce(1).write().parquet(parquet);
        return new String[] {parquet, Files.writeString(dir.resolve("rows.csv"), csv).toString()};
    }

    private static String parquetSource(String parquet) {
        return "{\"type\": \"spark\", \"format\": \"parquet\", \"path\": \"" + parquet + "\", \"features\": [\"x1\", \"x2\", \"x3\"]}";
    }

    @Test
    void a_parquet_file_with_balanced_class_weights_trains_as_the_same_rows_from_csv_with_balanced_weights_locally(@TempDir Path dir) throws IOException {
        int[] counts = new int[3];
        String[] files = files(dir, counts);
        TrainingResult local = fit(experiment("{\"type\": \"csv\", \"train\": \"" + files[1] + "\", \"header\": true, \"label\": \"label\"}", "\"balanced\"", ""), null);
        TrainingResult spark = fit(experiment(parquetSource(files[0]), "\"balanced\"", ", \"cluster\": {\"master\": \"local[2]\"}"),
                new SparkEngine(TestSpark.session()));

        double n = counts[0] + counts[1] + counts[2];
        Map<String, Double> expected = new LinkedHashMap<>();
        for (int c = 0; c < 3; c++) {
            expected.put(Integer.toString(c), n / (3 * (double) counts[c]));
        }
        assertTrue(counts[0] > 2 * counts[1], "the rows are imbalanced: " + java.util.Arrays.toString(counts));
        assertEquals(expected, local.getWeights().getPerClass());
        assertEquals(expected, spark.getWeights().getPerClass());
        SameTraining.assertSameTraining(local, spark);
    }

    @Test
    void a_given_class_weight_naming_a_class_the_rows_lack_is_refused_naming_the_classes_found(@TempDir Path dir) throws IOException {
        String[] files = files(dir, new int[3]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fit(
                experiment(parquetSource(files[0]), "{\"2\": 2.0, \"gentoo\": 3.0}", ", \"cluster\": {\"master\": \"local[2]\"}"), new SparkEngine(TestSpark.session())));
        assertEquals("classWeight names 'gentoo', which the data has no class of: expected class names among '0', '1', '2'", e.getMessage());
    }
}
