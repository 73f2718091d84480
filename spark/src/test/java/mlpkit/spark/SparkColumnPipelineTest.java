package mlpkit.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.data.scaling.MinMaxScaler;
import mlpkit.data.scaling.StandardScaler;
import mlpkit.data.table.ColumnOptions;
import mlpkit.data.table.ColumnPipeline;
import mlpkit.data.table.ColumnRole;
import mlpkit.data.table.ColumnScaling;
import mlpkit.data.table.FittedColumn;
import mlpkit.data.table.Imputation;
import mlpkit.data.table.MissingValues;
import mlpkit.data.table.RawTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;

/** The column pipeline fitted with Spark jobs equals {@code ColumnPipeline.fit} on the same rows, and transforms as it does. */
class SparkColumnPipelineTest {
    private static final double TOLERANCE = 1e-12;
    private static final List<String> MEASUREMENTS = List.of("bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g");
    private static final RawTable TABLE = Penguins.labelled(Penguins.local());
    private static final Dataset<Row> FRAME = Penguins.frame(TABLE, 3);

    private static Map<String, ColumnOptions> options(Imputation numbers, String numberFill, Imputation sex, String sexFill) {
        Map<String, ColumnOptions> options = new HashMap<>();
        for (String name : MEASUREMENTS) {
            options.put(name, new ColumnOptions(null, numbers, numberFill, null, false));
        }
        options.put("sex", new ColumnOptions(ColumnRole.CATEGORICAL, sex, sexFill, null, false));
        return options;
    }

    private static ColumnPipeline local(Map<String, ColumnOptions> options, ColumnScaling scaling) {
        List<String> features = TABLE.getNames().stream().filter(n -> !n.equals(Penguins.LABEL)).toList();
        int[] every = java.util.stream.IntStream.range(0, TABLE.getRowCount()).toArray();
        return ColumnPipeline.fit(TABLE, features, every, options, scaling, new MissingValues());
    }

    /** The features of FRAME through {@code pipeline} on the executors, in row order. */
    private static DenseMatrix sparkFeatures(ColumnPipeline pipeline) {
        List<Row> rows = SparkColumnPipeline.transform(FRAME, pipeline, "features").select("features").collectAsList();
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i).<Double>getList(0).stream().mapToDouble(Double::doubleValue).toArray();
        }
        return DenseMatrix.of(out);
    }

    private static void assertRelative(double expected, double actual, String what) {
        assertEquals(expected, actual, TOLERANCE * Math.max(1.0, Math.abs(expected)), what);
    }

    /** {@code actual} equals {@code expected}: categories, fills of counts and min-max bounds exactly, means and scales to 1e-12 relative. */
    static void assertSamePipeline(ColumnPipeline expected, ColumnPipeline actual) {
        assertEquals(expected.getColumns().size(), actual.getColumns().size());
        for (int c = 0; c < expected.getColumns().size(); c++) {
            FittedColumn want = expected.getColumns().get(c);
            FittedColumn got = actual.getColumns().get(c);
            if (want instanceof FittedColumn.Categorical) {
                assertEquals(want, got, "categories and fill are exact");
                continue;
            }
            FittedColumn.Numeric w = (FittedColumn.Numeric) want;
            FittedColumn.Numeric g = assertInstanceOf(FittedColumn.Numeric.class, got);
            String name = w.getName();
            assertEquals(List.of(name, w.getInferred(), w.getImputation(), w.getScaling()), List.of(g.getName(), g.getInferred(), g.getImputation(), g.getScaling()));
            if (w.getFill() == null) {
                assertNull(g.getFill(), name);
            } else if (w.getImputation() == Imputation.MEAN) {
                assertRelative(w.getFill(), g.getFill(), name + " mean fill");
            } else {
                assertEquals(w.getFill(), g.getFill(), name + " " + w.getImputation().getWord() + " fill is exact");
            }
            if (w.getScaler() instanceof StandardScaler s) {
                StandardScaler t = assertInstanceOf(StandardScaler.class, g.getScaler());
                assertRelative(s.getMean().get(0), t.getMean().get(0), name + " mean");
                assertRelative(s.getScale().get(0), t.getScale().get(0), name + " scale");
            } else if (w.getScaler() instanceof MinMaxScaler) {
                assertEquals(w.getScaler(), g.getScaler(), name + " minimum and maximum are exact");
            } else {
                assertNull(g.getScaler(), name);
            }
        }
    }

    private static void assertFitsAndTransformsAsLocal(Map<String, ColumnOptions> options, ColumnScaling scaling) {
        ColumnPipeline expected = local(options, scaling);
        ColumnPipeline fitted = SparkColumnPipeline.fit(FRAME, Penguins.LABEL, options, new MissingValues(), scaling);
        assertSamePipeline(expected, fitted);
        DenseMatrix want = expected.transform(TABLE);
        DenseMatrix got = sparkFeatures(fitted);
        assertEquals(want.getRowDimension(), got.getRowDimension());
        for (int i = 0; i < want.getRowDimension(); i++) {
            assertArrayEquals(want.getRow(i), got.getRow(i), TOLERANCE, "row " + i);
        }
    }

    @Test
    void meanImputationWithStandardScalingFitsAsLocal() {
        assertFitsAndTransformsAsLocal(options(Imputation.MEAN, null, Imputation.MOST_FREQUENT, null), ColumnScaling.STANDARD);
    }

    @Test
    void numpysMedianWithMinMaxScalingFitsAsLocal() {
        assertFitsAndTransformsAsLocal(options(Imputation.MEDIAN, null, Imputation.CONSTANT, "unknown"), ColumnScaling.MIN_MAX);
    }

    @Test
    void mostFrequentWithTiesToTheSmallestAndStandardScalingFitsAsLocal() {
        assertFitsAndTransformsAsLocal(options(Imputation.MOST_FREQUENT, null, Imputation.MOST_FREQUENT, null), ColumnScaling.STANDARD);
    }

    @Test
    void aConstantFillWithoutScalingFitsAsLocal() {
        assertFitsAndTransformsAsLocal(options(Imputation.CONSTANT, "-1", Imputation.CONSTANT, "unknown"), ColumnScaling.NONE);
    }

    @Test
    void theLocalPipelineAppliedOnTheExecutorsGivesTheLocalFeaturesBitForBit() {
        ColumnPipeline pipeline = local(options(Imputation.MEAN, null, Imputation.MOST_FREQUENT, null), ColumnScaling.STANDARD);
        assertArrayEquals(pipeline.transform(TABLE).data(), sparkFeatures(pipeline).data(), 0.0);
    }

    @Test
    void rolesAreInferredAsForCsvTextAndNumericSparkColumnsAreNumbers() {
        Map<String, ColumnOptions> options = options(Imputation.MEAN, null, Imputation.MOST_FREQUENT, null);
        Dataset<Row> typed = FRAME.withColumn("year", functions.col("year").cast("int"))
                .withColumn("body_mass_g", functions.col("body_mass_g").cast("double"));
        ColumnPipeline fitted = SparkColumnPipeline.fit(typed, Penguins.LABEL, options, new MissingValues(), ColumnScaling.STANDARD);
        ColumnPipeline expected = local(options, ColumnScaling.STANDARD);
        assertSamePipeline(expected, fitted);
        FittedColumn island = fitted.getColumns().get(0);
        assertEquals(new FittedColumn.Categorical("island", true, Imputation.REFUSE, null, List.of("Biscoe", "Dream", "Torgersen"), false), island);
        assertTrue(fitted.getColumns().get(fitted.getColumns().size() - 1) instanceof FittedColumn.Numeric year && year.getInferred());
    }

    @Test
    void tiesGoToTheSmallestValueAndRowsWithoutALabelAreLeftOutAsLocally() {
        RawTable table = RawTable.of(List.of("y", "x", "colour"), List.of(
                List.of("a", "3", "red"), List.of("b", "1", "blue"), List.of("a", "3", "blue"), List.of("b", "1", "red"),
                List.of("a", "NA", "NA"), List.of("NA", "0", "green"), List.of("b", "2", "?")));
        Map<String, ColumnOptions> options = Map.of("x", new ColumnOptions(null, Imputation.MOST_FREQUENT, null, null, false),
                "colour", new ColumnOptions(null, Imputation.MOST_FREQUENT, null, null, false));
        RawTable labelled = table.rows(mlpkit.data.table.LabelColumn.read(table, "y").getKept());
        ColumnPipeline expected = ColumnPipeline.fit(labelled, List.of("x", "colour"), new int[] {0, 1, 2, 3, 4, 5}, options,
                ColumnScaling.STANDARD, new MissingValues());
        ColumnPipeline fitted = SparkColumnPipeline.fit(Penguins.frame(table, 2), "y", options, new MissingValues(), ColumnScaling.STANDARD);
        assertSamePipeline(expected, fitted);
        assertEquals(1.0, ((FittedColumn.Numeric) fitted.getColumns().get(0)).getFill(), "1 and 3 occur twice: the smaller");
        assertEquals(new FittedColumn.Categorical("colour", true, Imputation.MOST_FREQUENT, "blue", List.of("blue", "red"), false),
                fitted.getColumns().get(1), "green's row has no label; blue and red tie");
    }

    @Test
    void aChosenNumericColumnOfTextsIsRefusedByNameEvenAfterAnotherColumnsCategoriesAreCounted() {
        Map<String, ColumnOptions> options = options(Imputation.MEAN, null, Imputation.MOST_FREQUENT, null);
        options.put("sex", new ColumnOptions(ColumnRole.NUMERIC, Imputation.MOST_FREQUENT, null, null, false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkColumnPipeline.fit(FRAME, Penguins.LABEL, options, new MissingValues()));
        assertEquals("column 'sex': expected numbers (the column is numeric, as chosen), but 333 present values are not, the smallest "
                + "'female': correct the values, or make the column categorical in its options", e.getMessage());
    }

    @Test
    void aRefusedMissingValueNamesTheColumnTheCountAndTheOptionToSet() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkColumnPipeline.fit(FRAME, Penguins.LABEL, Map.of(), new MissingValues(), ColumnScaling.NONE));
        assertEquals("column 'bill_length_mm': 2 of 344 training rows are missing (null or one of '', 'NA', 'NaN', '?'); expected a value "
                + "in every row, or set \"missing\" to one of mean, median, mostFrequent, constant in this column's options", e.getMessage());
    }

    @Test
    void anUnknownCategoryFailsTheTransformWithThePartitionRowColumnAndValue() {
        Map<String, ColumnOptions> options = options(Imputation.MEAN, null, Imputation.MOST_FREQUENT, null);
        ColumnPipeline pipeline = SparkColumnPipeline.fit(FRAME.filter("island != 'Dream'"), Penguins.LABEL, options, new MissingValues());
        Dataset<Row> dream = FRAME.filter("island = 'Dream'").coalesce(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            try {
                SparkColumnPipeline.transform(dream, pipeline, "features").collectAsList();
            } catch (Exception failure) {
                throw TaskFailures.unwrap(failure);
            }
        });
        assertTrue(e.getMessage().startsWith("Dataset partition 0:1: column 'island': category 'Dream' was not seen in the training rows; "
                + "expected one of 'Biscoe', 'Torgersen'"), e.getMessage());
    }

    @Test
    void aMissingColumnOrALabelThatIsNotThereIsNamedWithTheFramesColumns() {
        ColumnPipeline pipeline = local(options(Imputation.MEAN, null, Imputation.MOST_FREQUENT, null), ColumnScaling.NONE);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> SparkColumnPipeline.transform(FRAME.drop("sex"), pipeline, "features"));
        assertEquals("the frame has no pipeline's column 'sex'; its columns are 'species', 'island', 'bill_length_mm', 'bill_depth_mm', "
                + "'flipper_length_mm', 'body_mass_g', 'year': pass a frame with that column", missing.getMessage());
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> SparkColumnPipeline.fit(FRAME, "kind", Map.of(), new MissingValues()));
        assertTrue(label.getMessage().startsWith("the frame has no label column 'kind'"), label.getMessage());
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
                () -> SparkColumnPipeline.fit(FRAME, Penguins.LABEL, Map.of("island", ColumnOptions.NUMERIC), new MissingValues()));
        assertEquals("column 'island': expected numbers (the column is numeric, as chosen), but 344 present values are not, the smallest "
                + "'Biscoe': correct the values, or make the column categorical in its options", text.getMessage());
    }
}
