package mlpkit.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import mlpkit.core.distributed.ColumnAffine;
import mlpkit.core.distributed.NetworkRecipe;
import mlpkit.core.distributed.TrainedModel;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.data.table.ColumnOptions;
import mlpkit.data.table.ColumnPipeline;
import mlpkit.data.table.ColumnRole;
import mlpkit.data.table.ColumnScaling;
import mlpkit.data.table.Imputation;
import mlpkit.data.table.MissingValues;
import mlpkit.data.table.RawTable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scoring on the executors gives the local forward pass's outputs bit for bit, with a class name or value per row. */
class SparkScoringTest {
    private static final RawTable TABLE = Penguins.labelled(Penguins.local());

    /** A model of {@code notation} with parameters drawn from {@code seed}. */
    private static TrainedModel model(String notation, int inputs, String loss, long seed, ColumnAffine in, List<String> classes,
            ColumnAffine target, String pipeline) {
        NetworkRecipe recipe = new NetworkRecipe(notation, inputs, loss);
        return new TrainedModel(recipe, recipe.build(seed).parameters(), recipe.build(seed).state(), in, classes, target, pipeline, null);
    }

    /** The local outputs for all rows at once, as {@code Model.predict} computes them. */
    private static DenseMatrix local(TrainedModel model, DenseMatrix raw) {
        return model.predict(model.network(), raw.copy(), raw.getRowDimension()).copy();
    }

    private static DenseMatrix random(int rows, int cols, long seed) {
        Random random = new Random(seed);
        DenseMatrix m = new DenseMatrix(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m.setEntry(i, j, 10 * random.nextGaussian() + j);
            }
        }
        return m;
    }

    /** An id column and the rows of {@code x} as {@code array<double>}, in {@code partitions} partitions. */
    private static Dataset<Row> frame(DenseMatrix x, int partitions) {
        StructType schema = new StructType().add("id", DataTypes.IntegerType, false)
                .add("features", DataTypes.createArrayType(DataTypes.DoubleType, false), true);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < x.getRowDimension(); i++) {
            rows.add(RowFactory.create(i, x.getRow(i)));
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext());
        return TestSpark.session().createDataFrame(context.parallelize(rows, partitions), schema);
    }

    private static double[] doubles(Row row, String column) {
        return row.<Double>getList(row.fieldIndex(column)).stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void aTableClassifierScoresRawPenguinColumnsWithTheLocalClassesAndProbabilitiesBitForBit() {
        Map<String, ColumnOptions> options = new HashMap<>();
        for (String name : List.of("bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g")) {
            options.put(name, new ColumnOptions(null, Imputation.MEAN, null, null, false));
        }
        options.put("sex", new ColumnOptions(ColumnRole.CATEGORICAL, Imputation.MOST_FREQUENT, null, null, false));
        Dataset<Row> frame = Penguins.frame(TABLE, 3);
        List<String> features = TABLE.getNames().stream().filter(n -> !n.equals(Penguins.LABEL)).toList();
        ColumnPipeline pipeline = ColumnPipeline.fit(TABLE, features, java.util.stream.IntStream.range(0, TABLE.getRowCount()).toArray(), options,
                ColumnScaling.STANDARD, new MissingValues());
        List<String> species = List.of("Adelie", "Chinstrap", "Gentoo");
        TrainedModel model = model("network < dense(6, tanh); dropout(0.3); dense(3, softmax) >", pipeline.getWidth(), "softmax-ce", 7,
                null, species, null, pipeline.toJson());
        DenseMatrix outputs = local(model, pipeline.transform(TABLE));
        List<Row> scored = SparkScoring.transformTable(frame.drop(Penguins.LABEL), model, "prediction").collectAsList();
        assertEquals(TABLE.getRowCount(), scored.size());
        assertEquals(List.of("island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex", "year", "prediction",
                SparkScoring.PROBABILITY), List.of(scored.get(0).schema().fieldNames()));
        for (int i = 0; i < scored.size(); i++) {
            assertEquals(species.get(TrainedModel.predictedClass(outputs, i)), scored.get(i).getString(scored.get(i).fieldIndex("prediction")));
            assertArrayEquals(outputs.getRow(i), doubles(scored.get(i), SparkScoring.PROBABILITY), 0.0, "row " + i);
        }
    }

    @Test
    void aRegressionModelWithInputAndTargetScalingScoresValuesInTheTargetsUnitsBitForBit() {
        int inputs = 4;
        DenseMatrix x = random(600, inputs, 3);
        ColumnAffine standard = new ColumnAffine(inputs, new double[] {0.5, 1, 2, 3}, new double[] {10, 9, 11, 12}, null, null);
        ColumnAffine back = new ColumnAffine(2, null, null, new double[] {3.5, 0.25}, new double[] {100, -2});
        TrainedModel model = model("network < dense(6, relu); dense(5, sigmoid); dense(2, identity) >", inputs, "mse", 11, standard, null, back, null);
        DenseMatrix outputs = local(model, x);
        List<Row> scored = SparkScoring.transform(frame(x, 3), model, "features", "value").collectAsList();
        for (Row row : scored) {
            assertArrayEquals(outputs.getRow(row.getInt(0)), doubles(row, "value"), 0.0, "row " + row.getInt(0));
        }
        assertEquals(600, scored.size());
    }

    @Test
    void aSingleSigmoidOutputPredictsClassOneAtOneHalfAndGivesBothProbabilities(@TempDir Path dir) throws Exception {
        DenseMatrix x = random(300, 3, 5);
        TrainedModel model = model("network < dense(4, tanh); dense(1, sigmoid) >", 3, "bce", 2,
                new ColumnAffine(3, new double[] {0, 1, 2}, new double[] {10, 10, 10}, null, null), List.of("no", "yes"), null, null);
        Path file = dir.resolve("model.bin");
        SerializedModelReader.write(model, file);
        DenseMatrix outputs = local(model, x);
        List<Row> scored = SparkScoring.transform(frame(x, 2), file, "features", "answer").collectAsList();
        int yes = 0;
        for (Row row : scored) {
            double p = outputs.getEntry(row.getInt(0), 0);
            assertEquals(p >= 0.5 ? "yes" : "no", row.getString(row.fieldIndex("answer")));
            assertArrayEquals(new double[] {1.0 - p, p}, doubles(row, SparkScoring.PROBABILITY), 0.0);
            yes += p >= 0.5 ? 1 : 0;
        }
        assertTrue(yes > 0 && yes < 300, "both classes occur: " + yes);
    }

    @Test
    void aMissingOrMistypedFeaturesColumnIsNamedOnTheDriver() {
        TrainedModel model = model("network < dense(2, identity) >", 3, "mse", 1, null, null, null, null);
        Dataset<Row> frame = frame(random(10, 3, 1), 1);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> SparkScoring.transform(frame, model, "x", "y"));
        assertEquals("the frame has no features column 'x'; its columns are 'id', 'features': pass a frame with that column", missing.getMessage());
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class, () -> SparkScoring.transform(frame, model, "id", "y"));
        assertEquals("column 'id' is int, but scoring expected array<double> with 3 values per row: cast it, or assemble the features "
                + "into such a column", type.getMessage());
        IllegalArgumentException table = assertThrows(IllegalArgumentException.class, () -> SparkScoring.transformTable(frame, model, "y"));
        assertTrue(table.getMessage().contains("was trained on numeric features, not on a table"), table.getMessage());
    }

    @Test
    void aRowOfTheWrongWidthFailsWithItsPartitionRowAndTheModelsInputs() {
        TrainedModel model = model("network < dense(2, identity) >", 4, "mse", 1, null, null, null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            try {
                SparkScoring.transform(frame(random(5, 3, 1), 1), model, "features", "y").collectAsList();
            } catch (Exception failure) {
                throw TaskFailures.unwrap(failure);
            }
        });
        assertEquals("Dataset partition 0:1: column 'features' has 3 values, but the model network < dense(2, identity) > on 4 inputs, "
                + "loss mse takes 4: pass the features it was trained on", e.getMessage());
    }
}
