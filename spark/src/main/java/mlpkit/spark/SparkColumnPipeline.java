package mlpkit.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mlpkit.data.table.ColumnOptions;
import mlpkit.data.table.ColumnPipeline;
import mlpkit.data.table.ColumnRole;
import mlpkit.data.table.ColumnScaling;
import mlpkit.data.table.FittedColumn;
import mlpkit.data.table.Imputation;
import mlpkit.data.table.MissingValues;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * data's {@link ColumnPipeline} fitted and applied on Spark: {@link #fit} computes every statistic with jobs on the
 * executors (the rows never come to the driver) and returns the pipeline {@code ColumnPipeline.fit} returns for the
 * same rows (sums in another order: means equal to rounding); {@link #transform} adds each row's features as an
 * {@code array<double>} column, computed on the executors by the local {@code ColumnPipeline.transform}. Fields are
 * read as text by {@link CellText} (a Spark null is always missing), so Spark columns behave as a CSV file's.
 */
public final class SparkColumnPipeline {
    private SparkColumnPipeline() {
    }

    /**
     * Fits the pipeline on the rows of {@code table} whose {@code label} is present (as {@code LabelColumn} keeps
     * them), for every other column in order. {@code options} and {@code defaultScaling} mean what they mean to
     * {@code ColumnPipeline.fit}; {@code missing} holds the missing texts.
     */
    public static ColumnPipeline fit(Dataset<Row> table, String label, Map<String, ColumnOptions> options, MissingValues missing,
            ColumnScaling defaultScaling) {
        List<String> names = Arrays.asList(table.columns());
        requireColumn(names, label, "label");
        List<String> features = names.stream().filter(n -> !n.equals(label)).toList();
        for (String name : options.keySet()) {
            if (!features.contains(name)) {
                throw new IllegalArgumentException("the column options name '" + name + "', which is not a feature column; the feature "
                        + "columns are " + quoted(features) + ": correct the name or drop its options");
            }
        }
        List<String> tokens = List.copyOf(missing.getTokens());
        int labelAt = names.indexOf(label);
        int[] featureAt = features.stream().mapToInt(names::indexOf).toArray();
        HashSet<String> missingTexts = new HashSet<>(tokens);
        JavaRDD<Row> rows = table.javaRDD().filter(row -> {
            String target = CellText.of(row.get(labelAt));
            return target != null && !missingTexts.contains(target);
        }).map(row -> {
            Object[] fields = new Object[featureAt.length];
            for (int c = 0; c < fields.length; c++) {
                fields[c] = row.get(featureAt[c]);
            }
            return RowFactory.create(fields);
        }).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            int columns = features.size();
            ColumnTally tally = OrderedSums.merge(rows.mapPartitions(it -> List.of(ColumnTally.of(it, columns, new HashSet<>(tokens))).iterator()),
                    ColumnTally::merge);
            if (tally == null || tally.rows == 0) {
                throw new IllegalArgumentException("the table has no row with a '" + label + "' to fit the column pipeline on: "
                        + "expected at least one row whose label is present");
            }
            List<ColumnOptions> chosen = features.stream().map(name -> options.getOrDefault(name, new ColumnOptions())).toList();
            Set<Integer> medians = new HashSet<>();
            Map<Integer, Boolean> counted = new HashMap<>();
            long[] present = new long[columns];
            for (int c = 0; c < columns; c++) {
                boolean numeric = FittedColumns.role(chosen.get(c), tally, c) == ColumnRole.NUMERIC;
                present[c] = tally.present(c);
                if (numeric && tally.nonNumbers[c] > 0) {
                    continue; // refused by FittedColumns.fit: no query may read its texts as numbers
                }
                if (numeric && chosen.get(c).getMissing() == Imputation.MEDIAN) {
                    medians.add(c);
                }
                if (!numeric || chosen.get(c).getMissing() == Imputation.MOST_FREQUENT) {
                    counted.put(c, numeric);
                }
            }
            ColumnQueries queries = new ColumnQueries(rows, tokens, medians, present, counted);
            List<FittedColumn> fitted = new ArrayList<>(columns);
            for (int c = 0; c < columns; c++) {
                fitted.add(FittedColumns.fit(features.get(c), c, chosen.get(c), defaultScaling, tally, queries, tokens));
            }
            return new ColumnPipeline(StandardColumns.scale(fitted, rows, tally, tokens), missing);
        } catch (Exception e) {
            throw TaskFailures.unwrap(e);
        } finally {
            rows.unpersist(false);
        }
    }

    /** {@link #fit} with every numeric column unscaled unless its options say otherwise. */
    public static ColumnPipeline fit(Dataset<Row> table, String label, Map<String, ColumnOptions> options, MissingValues missing) {
        return fit(table, label, options, missing, ColumnScaling.NONE);
    }

    /**
     * {@code rows} with a column {@code featuresCol} ({@code array<double>}, {@code pipeline.getWidth()} values) added:
     * the features {@code pipeline} makes of each row, matched by column name. The pipeline travels as its JSON text.
     * An unknown category or a refused missing value fails the job with the local message, the place written as
     * {@code Dataset partition P:row}.
     */
    public static Dataset<Row> transform(Dataset<Row> rows, ColumnPipeline pipeline, String featuresCol) {
        List<String> names = Arrays.asList(rows.columns());
        if (names.contains(featuresCol)) {
            throw new IllegalArgumentException("the frame already has a column '" + featuresCol + "': expected a new name for the "
                    + "features column, or drop that column first");
        }
        int[] positions = new int[pipeline.getColumns().size()];
        for (int c = 0; c < positions.length; c++) {
            String name = pipeline.getColumns().get(c).getName();
            requireColumn(names, name, "pipeline's");
            positions[c] = names.indexOf(name);
        }
        StructType schema = rows.schema().add(featuresCol, DataTypes.createArrayType(DataTypes.DoubleType, false), false);
        return rows.mapPartitions(new PipelineFeatures(pipeline.toJson(), positions), Encoders.row(schema));
    }

    static void requireColumn(List<String> names, String name, String role) {
        if (!names.contains(name)) {
            throw new IllegalArgumentException("the frame has no " + role + " column '" + name + "'; its columns are " + quoted(names)
                    + ": pass a frame with that column");
        }
    }

    static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
    }
}
