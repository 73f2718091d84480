package mlpkit.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import mlpkit.core.distributed.InputScaling;
import mlpkit.core.distributed.LoadedRows;
import mlpkit.core.distributed.RowSource;
import mlpkit.core.distributed.TargetLayout;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.data.ClassLabels;
import mlpkit.data.csv.CsvLoader;
import mlpkit.data.csv.CsvReadOptions;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/** Every feature and label type a frame may hold, read into the blocks training uses. */
class SparkFramesTest {
    private static final int PARTITIONS = 3;
    private static final int BLOCK = 16;

    private static LoadedRows load(RowSource source) {
        return SparkFrames.load(TestSpark.session(), source, PARTITIONS, BLOCK);
    }

    @Test
    void array_of_double_features_and_integer_labels_become_one_hot_blocks_in_the_frames_row_order() {
        Rows rows = Rows.generate(100, 4, 3, 31);
        Dataset<Row> frame = FrameRows.frame(FrameRows.arrayRows(rows.x, rows.labels, rows.weights), FrameRows.ARRAY_COLUMNS, FrameRows.ARRAY_TYPES);
        try (LoadedRows loaded = load(RowSource.frame(frame))) {
            FrameRows got = FrameRows.collect(loaded.training());
            assertArrayEquals(rows.x.data(), got.x.data());
            assertArrayEquals(rows.oneHot.data(), got.y.data());
            assertNull(got.weights);
            assertEquals(List.of("0", "1", "2"), loaded.classNames());
            assertEquals(List.of("features[0]", "features[1]", "features[2]", "features[3]"), loaded.featureNames());
            assertEquals(100, loaded.trainingRows());
            assertNull(loaded.validation());
            assertNull(loaded.shift());
            assertEquals(TargetLayout.ONE_HOT, loaded.training().layout());
            // rows 0-32, 33-65, 66-99: 3, 3 and 3 blocks of at most 16 rows
            assertEquals(List.of(3, 3, 3), got.blocksPerPartition);
        }
    }

    @Test
    void float_int_and_long_array_features_are_converted_to_doubles() {
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            data.add(RowFactory.create(List.of(i * 0.5f, -i * 0.25f), List.of(i, -i), List.of((long) i << 40, 7L), i % 2));
        }
        Dataset<Row> frame = FrameRows.frame(data, new String[] {"floats", "ints", "longs", "label"}, new DataType[] {
                DataTypes.createArrayType(DataTypes.FloatType), DataTypes.createArrayType(DataTypes.IntegerType),
                DataTypes.createArrayType(DataTypes.LongType), DataTypes.IntegerType});
        for (String column : List.of("floats", "ints", "longs")) {
            try (LoadedRows loaded = load(RowSource.frame(frame).withFeatures(column).withLabel("label", TargetLayout.BINARY))) {
                FrameRows got = FrameRows.collect(loaded.training());
                for (int i = 0; i < 6; i++) {
                    double[] expected = switch (column) {
                        case "floats" -> new double[] {(double) (i * 0.5f), (double) (-i * 0.25f)};
                        case "ints" -> new double[] {i, -i};
                        default -> new double[] {(double) ((long) i << 40), 7};
                    };
                    assertArrayEquals(expected, new double[] {got.x.getEntry(i, 0), got.x.getEntry(i, 1)}, column + " row " + i);
                    assertEquals(i % 2, got.y.getEntry(i, 0), column + " label of row " + i);
                }
            }
        }
    }

    @Test
    void a_spark_ml_vector_column_is_read_by_its_type_name_and_to_array() {
        Rows rows = Rows.generate(40, 3, 2, 32);
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double[] x = {rows.x.getEntry(i, 0), rows.x.getEntry(i, 1), rows.x.getEntry(i, 2)};
            data.add(RowFactory.create(i % 3 == 0 ? Vectors.dense(x) : Vectors.dense(x).toSparse(), rows.labels[i]));
        }
        Dataset<Row> frame = FrameRows.frame(data, new String[] {"vec", "label"}, new DataType[] {SQLDataTypes.VectorType(), DataTypes.IntegerType});
        assertEquals(RowReader.VECTOR_TYPE, frame.schema().apply("vec").dataType().getClass().getName());
        try (LoadedRows loaded = load(RowSource.frame(frame).withFeatures("vec"))) {
            FrameRows got = FrameRows.collect(loaded.training());
            assertArrayEquals(rows.x.data(), got.x.data());
            assertArrayEquals(rows.oneHot.data(), got.y.data());
        }
    }

    @Test
    void numeric_columns_are_features_in_the_order_named_and_keep_their_names() {
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            data.add(RowFactory.create(i, (short) (2 * i), i * 1.5, (long) -i, i % 2 == 0 ? "even" : "odd"));
        }
        Dataset<Row> frame = FrameRows.frame(data, new String[] {"a", "b", "c", "d", "kind"},
                new DataType[] {DataTypes.IntegerType, DataTypes.ShortType, DataTypes.DoubleType, DataTypes.LongType, DataTypes.StringType});
        try (LoadedRows loaded = load(RowSource.frame(frame).withFeatures("c", "a", "d", "b").withLabel("kind", TargetLayout.ONE_HOT))) {
            FrameRows got = FrameRows.collect(loaded.training());
            assertEquals(List.of("c", "a", "d", "b"), loaded.featureNames());
            assertEquals(List.of("even", "odd"), loaded.classNames());
            for (int i = 0; i < 10; i++) {
                assertArrayEquals(new double[] {i * 1.5, i, -i, 2 * i}, new double[] {got.x.getEntry(i, 0), got.x.getEntry(i, 1),
                        got.x.getEntry(i, 2), got.x.getEntry(i, 3)});
                assertEquals(i % 2, got.y.getEntry(i, 1));
            }
        }
    }

    @Test
    void string_labels_are_numbered_as_datas_csv_reader_numbers_them() {
        List<List<String>> cases = List.of(
                List.of("virginica", "setosa", "versicolor", "setosa", "Setosa"),
                List.of("2", "0", "5", "2", "0"),
                List.of("-1", "3", "-1", "10", "3"),
                List.of("1.0", "0", "2e0", "1", "0"));
        for (List<String> labels : cases) {
            StringBuilder csv = new StringBuilder("x,label\n");
            List<Row> data = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                csv.append(i).append(',').append(labels.get(i)).append('\n');
                data.add(RowFactory.create((double) i, labels.get(i)));
            }
            ClassLabels expected = (ClassLabels) CsvLoader.INSTANCE.load(new StringReader(csv.toString()), "labels.csv", new CsvReadOptions(true)).getTargets();
            Dataset<Row> frame = FrameRows.frame(data, new String[] {"x", "label"}, new DataType[] {DataTypes.DoubleType, DataTypes.StringType});
            try (LoadedRows loaded = load(RowSource.frame(frame).withFeatures("x"))) {
                assertEquals(expected.getClassNames(), loaded.classNames(), "class names of " + labels);
                FrameRows got = FrameRows.collect(loaded.training());
                for (int i = 0; i < labels.size(); i++) {
                    assertEquals(1.0, got.y.getEntry(i, expected.getLabels()[i]), "row " + i + " of " + labels);
                }
            }
        }
    }

    @Test
    void whole_double_and_long_class_labels_are_numbered_like_their_text() {
        List<Row> data = new ArrayList<>();
        double[] doubles = {2.0, -1.0, 2.0, 7.0, -1.0, Double.NaN};
        long[] longs = {3, 0, 3, 1, 0, 3};
        for (int i = 0; i < 5; i++) {
            data.add(RowFactory.create((double) i, doubles[i], longs[i]));
        }
        Dataset<Row> frame = FrameRows.frame(data, new String[] {"x", "d", "l"}, new DataType[] {DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.LongType});
        try (LoadedRows d = load(RowSource.frame(frame).withFeatures("x").withLabel("d", TargetLayout.ONE_HOT));
             LoadedRows l = load(RowSource.frame(frame).withFeatures("x").withLabel("l", TargetLayout.ONE_HOT))) {
            assertEquals(List.of("-1", "2", "7"), d.classNames(), "a negative label ranks the distinct values");
            assertEquals(List.of("0", "1", "2", "3"), l.classNames(), "non-negative labels are the class numbers");
            FrameRows dy = FrameRows.collect(d.training());
            FrameRows ly = FrameRows.collect(l.training());
            int[] dClass = {1, 0, 1, 2, 0};
            for (int i = 0; i < 5; i++) {
                assertEquals(1.0, dy.y.getEntry(i, dClass[i]), "double label of row " + i);
                assertEquals(1.0, ly.y.getEntry(i, (int) longs[i]), "long label of row " + i);
            }
        }
        data.add(RowFactory.create(5.0, Double.NaN, 3L));
        Dataset<Row> withNaN = FrameRows.frame(data, new String[] {"x", "d", "l"}, new DataType[] {DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.LongType});
        assertEquals("column 'd' of the data frame has 1 row with a null, empty or NaN label (the first is row 5): drop those rows before loading",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> load(RowSource.frame(withNaN).withFeatures("x").withLabel("d", TargetLayout.ONE_HOT))).getMessage());
    }

    @Test
    void boolean_labels_are_the_classes_false_and_true() {
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            data.add(RowFactory.create((double) i, i % 3 == 0));
        }
        Dataset<Row> frame = FrameRows.frame(data, new String[] {"x", "label"}, new DataType[] {DataTypes.DoubleType, DataTypes.BooleanType});
        try (LoadedRows loaded = load(RowSource.frame(frame).withFeatures("x").withLabel("label", TargetLayout.BINARY))) {
            assertEquals(List.of("false", "true"), loaded.classNames());
            FrameRows got = FrameRows.collect(loaded.training());
            assertEquals(1, loaded.training().outputs());
            for (int i = 0; i < 8; i++) {
                assertEquals(i % 3 == 0 ? 1.0 : 0.0, got.y.getEntry(i, 0));
            }
        }
    }

    @Test
    void double_labels_are_regression_values_and_weights_travel_with_their_rows() {
        Rows rows = Rows.generate(50, 3, 2, 33);
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            data.add(RowFactory.create(FrameRows.row(rows.x, i), rows.regression.getEntry(i, 0), FrameRows.row(rows.regression, i), (float) rows.weights[i]));
        }
        Dataset<Row> frame = FrameRows.frame(data, new String[] {"features", "target", "targets", "w"}, new DataType[] {
                DataTypes.createArrayType(DataTypes.DoubleType), DataTypes.DoubleType, DataTypes.createArrayType(DataTypes.DoubleType), DataTypes.FloatType});
        try (LoadedRows one = load(RowSource.frame(frame).withLabel("target", TargetLayout.VALUES).withWeight("w"));
             LoadedRows two = load(RowSource.frame(frame).withLabel("targets", TargetLayout.VALUES))) {
            assertNull(one.classNames());
            FrameRows got = FrameRows.collect(one.training());
            FrameRows both = FrameRows.collect(two.training());
            assertArrayEquals(rows.regression.data(), both.y.data());
            for (int i = 0; i < 50; i++) {
                assertEquals(rows.regression.getEntry(i, 0), got.y.getEntry(i, 0));
                assertEquals((double) (float) rows.weights[i], got.weights[i]);
            }
            assertTrue(one.training().weighted());
        }
    }
}
