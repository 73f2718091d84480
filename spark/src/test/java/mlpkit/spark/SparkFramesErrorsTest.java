package mlpkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mlpkit.core.distributed.RowSource;
import mlpkit.core.distributed.TargetLayout;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/** Each way a frame can be unfit for training gives one message naming the column, what was expected and what was found. */
class SparkFramesErrorsTest {
    private static final String[] COLUMNS = {"features", "label", "weight", "name"};
    private static final DataType[] TYPES = {DataTypes.createArrayType(DataTypes.DoubleType), DataTypes.IntegerType, DataTypes.DoubleType,
            DataTypes.StringType};

    /** Ten good rows (label i % 2, weight 1), then {@code changed} rows replaced. */
    private static Dataset<Row> frame(Object[]... changed) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(RowFactory.create(Arrays.asList(i * 1.0, -i * 1.0), i % 2, 1.0, "n" + i));
        }
        for (Object[] change : changed) {
            rows.set((Integer) change[0], RowFactory.create(Arrays.copyOfRange(change, 1, change.length)));
        }
        return FrameRows.frame(rows, COLUMNS, TYPES);
    }

    private static String refusal(RowSource source) {
        return assertThrows(IllegalArgumentException.class, () -> SparkFrames.load(TestSpark.session(), source, 2, 4)).getMessage();
    }

    @Test
    void a_missing_column_is_named_with_the_available_columns_and_the_closest_name() {
        assertEquals("the features column 'featurs' is not in the data (columns: features, label, weight, name): did you mean 'features'? "
                + "Name one of the columns", refusal(RowSource.frame(frame()).withFeatures("featurs")));
        assertEquals("the weight column 'wieght' is not in the data (columns: features, label, weight, name): did you mean 'weight'? "
                + "Name one of the columns", refusal(RowSource.frame(frame()).withWeight("wieght")));
    }

    @Test
    void a_column_of_the_wrong_type_says_what_was_expected_and_what_it_holds() {
        assertEquals("the features column 'name' holds string, expected array<double> (or array<float>, array<int>, array<long>), "
                + "a Spark ML vector, or a number: convert the column or name another", refusal(RowSource.frame(frame()).withFeatures("name")));
        assertEquals("the label column 'features' holds array<double>, expected class labels as text, booleans or whole numbers: "
                + "convert the column or name another", refusal(RowSource.frame(frame()).withLabel("features", TargetLayout.ONE_HOT)));
        assertEquals("the label column 'name' holds string, expected numbers (or an array of numbers) for the values layout: "
                + "convert the column or name another", refusal(RowSource.frame(frame()).withLabel("name", TargetLayout.VALUES)));
        assertEquals("the weight column 'name' holds string, expected a number ≥ 0: convert the column or name another",
                refusal(RowSource.frame(frame()).withWeight("name")));
    }

    @Test
    void null_and_nan_features_are_counted_with_the_first_row() {
        Dataset<Row> frame = frame(new Object[] {7, null, 1, 1.0, "x"}, new Object[] {3, Arrays.asList(1.0, Double.NaN), 1, 1.0, "x"},
                new Object[] {5, Arrays.asList(null, 2.0), 1, 1.0, "x"});
        assertEquals("column 'features' of the data frame has 3 rows with a null or NaN feature (the first is row 3): "
                + "drop or impute those rows before loading", refusal(RowSource.frame(frame)));
    }

    @Test
    void a_null_label_is_counted_with_its_row() {
        assertEquals("column 'label' of the data frame has 1 row with a null, empty or NaN label (the first is row 4): drop those rows before loading",
                refusal(RowSource.frame(frame(new Object[] {4, Arrays.asList(1.0, 2.0), null, 1.0, "x"}))));
    }

    @Test
    void arrays_of_unequal_length_name_the_expected_and_the_received_width_and_the_row() {
        Dataset<Row> frame = frame(new Object[] {6, Arrays.asList(1.0, 2.0, 3.0), 1, 1.0, "x"}, new Object[] {8, Arrays.asList(1.0), 1, 1.0, "x"});
        assertEquals("the features column 'features' of the data frame holds arrays of unequal length: expected 2 values (as row 0), "
                + "got 3 in row 6 (2 rows differ): give every row the same number of values", refusal(RowSource.frame(frame)));
    }

    @Test
    void a_negative_weight_is_named_with_its_row_and_value() {
        Dataset<Row> frame = frame(new Object[] {9, Arrays.asList(1.0, 2.0), 1, -0.5, "x"}, new Object[] {2, Arrays.asList(1.0, 2.0), 0, -2.0, "x"});
        assertEquals("column 'weight' of the data frame has 2 rows with a negative weight (the first is row 2, -2.0): weights must be 0 or more",
                refusal(RowSource.frame(frame).withWeight("weight")));
    }

    @Test
    void one_class_only_and_three_classes_for_binary_targets_are_refused() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(RowFactory.create(Arrays.asList(1.0, 2.0), 1, 1.0, "same"));
        }
        Dataset<Row> one = FrameRows.frame(rows, COLUMNS, TYPES);
        assertEquals("label column 'name' of the data frame holds one class only ('same'): a classifier needs at least two; "
                + "check the label column, or use the values layout for regression", refusal(RowSource.frame(one).withLabel("name", TargetLayout.ONE_HOT)));
        assertEquals("binary targets expected exactly 2 classes in label column 'name' of the data frame, got 10 (n0, n1, n2, n3, n4, n5, n6, n7, n8, n9): "
                + "use the one-hot layout", refusal(RowSource.frame(frame()).withLabel("name", TargetLayout.BINARY)));
    }

    @Test
    void an_empty_frame_is_refused() {
        Dataset<Row> empty = FrameRows.frame(List.of(), COLUMNS, TYPES);
        assertEquals("the data frame has no rows: expected at least one row to train on; check the path or the filter", refusal(RowSource.frame(empty)));
    }

    @Test
    void fractional_class_labels_point_to_the_values_layout() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(RowFactory.create(Arrays.asList(1.0, 2.0), i, 1.0, i == 2 ? "0.5" : "1"));
        }
        assertEquals("label column 'name': class labels must be whole numbers or names, got '0.5': for real-valued targets use the values layout",
                refusal(RowSource.frame(FrameRows.frame(rows, COLUMNS, TYPES)).withLabel("name", TargetLayout.ONE_HOT)));
    }

    @Test
    void an_unknown_file_format_an_unknown_pixel_scaling_and_an_object_that_is_no_frame_are_refused() {
        assertEquals("unknown row file format 'xlsx' for /data/rows.xlsx: expected one of csv, parquet, json, idx",
                refusal(RowSource.files("xlsx", "/data/rows.xlsx")));
        assertEquals("unknown pixel scaling 'percent' (option pixels): expected one of unit, symmetric, raw",
                refusal(RowSource.files("idx", "/data/images").withOption("labels", "/data/labels").withOption("pixels", "percent")));
        assertEquals("the Spark engine reads a Dataset<Row> as a row source, got a java.lang.String: pass a Spark data frame, "
                + "or describe files with RowSource.files", refusal(RowSource.frame("rows")));
    }
}
