package mlpkit.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mlpkit.core.distributed.DistributedRows;
import mlpkit.core.distributed.InputScaling;
import mlpkit.core.distributed.LoadedRows;
import mlpkit.core.distributed.NetworkRecipe;
import mlpkit.core.distributed.RowSource;
import mlpkit.core.distributed.TargetLayout;
import mlpkit.core.loss.WeightNormalization;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.network.Network;
import mlpkit.core.network.Objective;
import mlpkit.data.DenseFeatures;
import mlpkit.data.scaling.MinMaxScaler;
import mlpkit.data.scaling.Scaler;
import mlpkit.data.scaling.StandardScaler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validation split, the fitted scaling, files written by Spark and the objective on loaded rows. */
class SparkFramesTrainingTest {
    private static final String[] COLUMNS = {"id", "a", "b", "c", "label", "weight"};
    private static final DataType[] TYPES = {DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.DoubleType,
            DataTypes.StringType, DataTypes.DoubleType};
    private static final String[] NAMES = {"cat", "dog", "emu"};

    /** n rows: id, three features on different scales (c constant), a class name and a weight. */
    private static Dataset<Row> frame(int n, long seed) {
        Rows rows = Rows.generate(n, 2, 3, seed);
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            data.add(RowFactory.create((double) i, 10 * rows.x.getEntry(i, 0) + 3, 0.01 * rows.x.getEntry(i, 1) - 7, 4.25, NAMES[rows.labels[i]],
                    rows.weights[i]));
        }
        return FrameRows.frame(data, COLUMNS, TYPES);
    }

    private static LoadedRows load(RowSource source) {
        return SparkFrames.load(TestSpark.session(), source, 3, 32);
    }

    private static double[] ids(DistributedRows rows) {
        DenseMatrix x = FrameRows.collect(rows).x;
        double[] ids = new double[x.getRowDimension()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = x.getEntry(i, 0);
        }
        return ids;
    }

    @Test
    void the_validation_split_is_the_seeded_hash_of_the_row_id_disjoint_repeatable_and_of_the_expected_size() {
        int n = 1000;
        double fraction = 0.2;
        Dataset<Row> frame = frame(n, 41);
        RowSource source = RowSource.frame(frame).withFeatures("id", "a").withLabel("label", TargetLayout.ONE_HOT);
        try (LoadedRows first = load(source.withValidation(fraction, 5)); LoadedRows again = load(source.withValidation(fraction, 5));
             LoadedRows other = load(source.withValidation(fraction, 6))) {
            double[] training = ids(first.training());
            double[] validation = ids(first.validation());
            assertEquals(n, training.length + validation.length);
            assertEquals(first.trainingRows(), training.length);
            assertEquals(first.validationRows(), validation.length);
            ValidationSplit split = new ValidationSplit(fraction, 5);
            List<Double> expectedTraining = new ArrayList<>();
            List<Double> expectedValidation = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                (split.validation(i) ? expectedValidation : expectedTraining).add((double) i);
            }
            assertArrayEquals(expectedTraining.stream().mapToDouble(Double::doubleValue).toArray(), training, "training ids, in order");
            assertArrayEquals(expectedValidation.stream().mapToDouble(Double::doubleValue).toArray(), validation, "validation ids, in order");
            assertArrayEquals(validation, ids(again.validation()), "the same seed gives the same rows");
            List<List<Double>> byPartition = FrameRows.collect(first.training()).firstFeatureByPartition;
            assertEquals(3, byPartition.size());
            for (int p = 0; p < 3; p++) {
                for (double id : byPartition.get(p)) {
                    assertTrue(id >= p * n / 3 && id < (p + 1) * n / 3, "row " + id + " should be in partition " + p + "'s range of row ids");
                }
            }
            assertTrue(!java.util.Arrays.equals(validation, ids(other.validation())), "another seed gives other rows");
            double sd = Math.sqrt(n * fraction * (1 - fraction));
            assertTrue(Math.abs(validation.length - n * fraction) <= 4 * sd, "validation rows " + validation.length
                    + " should be within 4 standard deviations (" + 4 * sd + ") of " + n * fraction);
        }
    }

    @Test
    void standard_scaling_fitted_on_the_training_rows_equals_datas_standard_scaler() {
        RowSource source = RowSource.frame(frame(300, 42)).withFeatures("a", "b", "c").withValidation(0.3, 9);
        try (LoadedRows raw = load(source); LoadedRows scaled = load(source.withScaling(InputScaling.STANDARD))) {
            DenseMatrix training = FrameRows.collect(raw.training()).x;
            StandardScaler scaler = StandardScaler.Companion.fit(new DenseFeatures(training), null, true, true);
            assertClose(scaler.getMean(), scaled.shift(), "means");
            assertClose(scaler.getScale(), scaled.scale(), "scales");
            assertEquals(1.0, scaled.scale()[2], "a constant column is divided by 1");
            assertTransformed(scaler, raw, scaled);
        }
    }

    @Test
    void minmax_scaling_fitted_on_the_training_rows_equals_datas_minmax_scaler() {
        RowSource source = RowSource.frame(frame(300, 43)).withFeatures("a", "b", "c").withValidation(0.3, 10);
        try (LoadedRows raw = load(source); LoadedRows scaled = load(source.withScaling(InputScaling.MINMAX))) {
            DenseMatrix training = FrameRows.collect(raw.training()).x;
            MinMaxScaler scaler = MinMaxScaler.Companion.fit(new DenseFeatures(training), null, kotlin.ranges.RangesKt.rangeTo(0.0, 1.0));
            assertClose(scaler.getDataMin(), scaled.shift(), "minima");
            assertTransformed(scaler, raw, scaled);
        }
    }

    private static void assertTransformed(Scaler scaler, LoadedRows raw, LoadedRows scaled) {
        double[] expectedTraining = scaler.transform(FrameRows.collect(raw.training()).x).data();
        double[] expectedValidation = scaler.transform(FrameRows.collect(raw.validation()).x).data();
        double[] training = FrameRows.collect(scaled.training()).x.data();
        double[] validation = FrameRows.collect(scaled.validation()).x.data();
        for (int i = 0; i < training.length; i++) {
            assertEquals(expectedTraining[i], training[i], 1e-12, "training value " + i);
        }
        for (int i = 0; i < validation.length; i++) {
            assertEquals(expectedValidation[i], validation[i], 1e-12, "validation value " + i);
        }
    }

    private static void assertClose(List<Double> expected, double[] actual, String what) {
        assertEquals(expected.size(), actual.length, what);
        for (int j = 0; j < actual.length; j++) {
            assertEquals(expected.get(j), actual[j], 1e-12 * Math.max(1, Math.abs(expected.get(j))), what + " " + j);
        }
    }

    @Test
    void csv_and_parquet_files_written_by_spark_read_back_to_the_same_blocks(@TempDir Path dir) {
        Dataset<Row> frame = frame(120, 44);
        RowSource columns = RowSource.frame(frame).withFeatures("a", "b", "c").withWeight("weight").withValidation(0.25, 3);
        frame.coalesce(1).write().option("header", "true").csv(dir.resolve("rows.csv").toString());
        frame.coalesce(1).write().parquet(dir.resolve("rows.parquet").toString());
        assertTrue(Files.isDirectory(dir.resolve("rows.csv")));
        try (LoadedRows expected = load(columns)) {
            FrameRows training = FrameRows.collect(expected.training());
            FrameRows validation = FrameRows.collect(expected.validation());
            for (String format : List.of("csv", "parquet")) {
                RowSource files = RowSource.files(format, dir.resolve("rows." + format).toString()).withFeatures("a", "b", "c").withWeight("weight")
                        .withValidation(0.25, 3);
                try (LoadedRows read = load(files)) {
                    assertEquals(expected.classNames(), read.classNames(), format);
                    FrameRows got = FrameRows.collect(read.training());
                    assertArrayEquals(training.x.data(), got.x.data(), format + " training features");
                    assertArrayEquals(training.y.data(), got.y.data(), format + " training targets");
                    assertArrayEquals(training.weights, got.weights, format + " training weights");
                    assertArrayEquals(validation.x.data(), FrameRows.collect(read.validation()).x.data(), format + " validation features");
                }
            }
        }
    }

    @Test
    void the_engines_objective_on_loaded_rows_equals_the_local_objective_on_the_same_rows() {
        Rows rows = Rows.generate(200, 4, 3, 45);
        Dataset<Row> frame = FrameRows.frame(FrameRows.arrayRows(rows.x, rows.labels, rows.weights), FrameRows.ARRAY_COLUMNS, FrameRows.ARRAY_TYPES);
        SparkEngine engine = new SparkEngine(TestSpark.session(), 16);
        NetworkRecipe recipe = new NetworkRecipe("network < dense(6, tanh); dense(3, softmax) >", 4, "softmax-ce");
        Network network = recipe.build(46);
        double[] parameters = network.parameters().clone();
        for (boolean weighted : new boolean[] {false, true}) {
            RowSource source = RowSource.frame(frame).withWeight(weighted ? "weight" : null);
            Objective local = weighted ? network.objective(rows.x, rows.oneHot, rows.weights, WeightNormalization.SUM_OF_WEIGHTS, false)
                    : network.objective(rows.x, rows.oneHot, false);
            double[] expected = new double[parameters.length];
            Objective.Evaluation localValue = local.evaluate(parameters, expected);
            try (LoadedRows loaded = engine.load(source)) {
                assertEquals(engine.defaultPartitions(), loaded.training().partitions());
                double[] actual = new double[parameters.length];
                Objective.Evaluation sparkValue = engine.objective(loaded.training(), recipe, WeightNormalization.SUM_OF_WEIGHTS).evaluate(parameters, actual);
                assertEquals(localValue.rows(), sparkValue.rows());
                assertEquals(localValue.lossSum(), sparkValue.lossSum(), 1e-9 * Math.abs(localValue.lossSum()), "loss sum, weighted " + weighted);
                assertEquals(localValue.denominator(), sparkValue.denominator(), 1e-9 * localValue.denominator(), "denominator, weighted " + weighted);
                double scale = 0;
                for (double v : expected) {
                    scale = Math.max(scale, Math.abs(v));
                }
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], actual[i], 1e-9 * scale, "gradient entry " + i + ", weighted " + weighted);
                }
            }
        }
    }

    @Test
    void a_frame_with_fewer_rows_than_partitions_leaves_partitions_empty_and_the_objective_unchanged() {
        Rows rows = Rows.generate(3, 4, 3, 47);
        int[] labels = {0, 1, 2};
        DenseMatrix oneHot = new DenseMatrix(3, 3);
        for (int i = 0; i < 3; i++) {
            oneHot.setEntry(i, labels[i], 1.0);
        }
        Dataset<Row> frame = FrameRows.frame(FrameRows.arrayRows(rows.x, labels, rows.weights), FrameRows.ARRAY_COLUMNS, FrameRows.ARRAY_TYPES);
        NetworkRecipe recipe = new NetworkRecipe("network < dense(3, softmax) >", 4, "softmax-ce");
        Network network = recipe.build(48);
        double[] expected = new double[network.parameterCount()];
        Objective.Evaluation local = network.objective(rows.x, oneHot, false).evaluate(network.parameters(), expected);
        try (LoadedRows loaded = SparkFrames.load(TestSpark.session(), RowSource.frame(frame), 5, 2)) {
            FrameRows got = FrameRows.collect(loaded.training());
            assertEquals(List.of(0, 1, 0, 1, 1), got.blocksPerPartition, "rows 0, 1, 2 in partitions 1, 3 and 4 of 5");
            double[] actual = new double[expected.length];
            Objective.Evaluation spark = new SparkEngine(TestSpark.session()).objective(loaded.training(), recipe, WeightNormalization.DEFAULT)
                    .evaluate(network.parameters(), actual);
            assertEquals(3, spark.rows());
            assertEquals(local.lossSum(), spark.lossSum(), 1e-9 * local.lossSum());
            double scale = 0;
            for (double v : expected) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 1e-9 * scale, "gradient entry " + i + " (largest entry " + scale + ")");
            }
        }
    }
}
