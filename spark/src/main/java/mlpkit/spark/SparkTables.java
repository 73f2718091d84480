package mlpkit.spark;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import mlpkit.core.distributed.RowSource;
import mlpkit.core.distributed.TableColumns;
import mlpkit.data.table.ColumnOptions;
import mlpkit.data.table.ColumnOptionsSerializer;
import mlpkit.data.table.ColumnPipeline;
import mlpkit.data.table.ColumnScaling;
import mlpkit.data.table.MissingValues;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The table form of a source ({@link RowSource#columns}) on Spark: the feature columns are every column but the label
 * and the weight; {@link SparkColumnPipeline#fit} fits the pipeline on the training rows only (row ids from
 * {@code zipWithIndex} of the frame's rows, as the load numbers them, and {@link ValidationSplit} decides, so the
 * validation rows never reach a statistic); {@link SparkColumnPipeline#transform} then adds every row's features as
 * an {@code array<double>} column, in the frame's row order, so the load numbers the rows as the fit did.
 */
final class SparkTables {
    private SparkTables() {
    }

    /** The frame with its features column, and the pipeline that made it. */
    record Features(Dataset<Row> frame, String column, ColumnPipeline pipeline) {
    }

    /** Fits {@code source}'s pipeline on the training rows of {@code frame} and adds the features column. */
    static Features fit(SparkSession spark, Dataset<Row> frame, RowSource source) {
        TableColumns table = source.columns();
        Map<String, ColumnOptions> options;
        try {
            options = ColumnOptionsSerializer.read(table.options());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the table form's column options expected the JSON object ColumnOptionsSerializer.write writes, got "
                    + table.options() + " (" + e.getMessage() + "): write them with ColumnOptionsSerializer.write", e);
        }
        List<String> names = Arrays.asList(frame.columns());
        RowReader.index(frame.schema(), source.label(), "label");
        Dataset<Row> columns = frame;
        if (source.weight() != null) {
            RowReader.index(frame.schema(), source.weight(), "weight");
            columns = frame.drop(source.weight());
        }
        ValidationSplit split = new ValidationSplit(source.validationFraction(), source.validationSeed());
        JavaRDD<Row> training = columns.javaRDD().zipWithIndex().filter(row -> !split.validation(row._2())).map(row -> row._1());
        ColumnPipeline pipeline = SparkColumnPipeline.fit(spark.createDataFrame(training, columns.schema()), source.label(), options,
                new MissingValues(table.missing()), ColumnScaling.of(table.defaultScaling().notation()));
        String column = freeName(names);
        return new Features(SparkColumnPipeline.transform(frame, pipeline, column), column, pipeline);
    }

    /** {@value RowSource#FEATURES}, or with underscores before it until no column of {@code names} has it. */
    private static String freeName(List<String> names) {
        String name = RowSource.FEATURES;
        while (names.contains(name)) {
            name = "_" + name;
        }
        return name;
    }
}
