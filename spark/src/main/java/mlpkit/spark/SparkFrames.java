package mlpkit.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mlpkit.core.distributed.InputScaling;
import mlpkit.core.distributed.LoadedRows;
import mlpkit.core.distributed.RowSource;
import mlpkit.core.distributed.TargetLayout;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Rows where users keep them, read by Spark itself into the {@link RowBlock}s training uses: a {@code Dataset<Row>},
 * csv (header and inferred types unless the options say otherwise), parquet or json files, or IDX image and label
 * files ({@link IdxFiles}). The steps, all on the executors:
 * <ol>
 *   <li>a table-form source ({@link RowSource#columns}) first gets its features column from a column pipeline fitted on
 *       its training rows ({@link SparkTables});</li>
 *   <li>row ids: the source's order, from 0 ({@code zipWithIndex} for frames, the file position for IDX);</li>
 *   <li>one checking pass ({@link LoadCheck}, merged with {@code treeAggregate}): problems by column, widths,
 *       distinct class labels with their training rows (for balanced class weights), and the training rows' scaling statistics ({@link ColumnStats});</li>
 *   <li>one shuffle into contiguous ranges of row ids per partition ({@link RowIdRanges}), sorted by id, then
 *       blocks of training and validation rows ({@link ValidationSplit}, {@link RowBlocks}), scaled, the training rows
 *       weighed by class ({@link RowSource#classWeights}) times sample weight, persisted and
 *       locally checkpointed.</li>
 * </ol>
 */
public final class SparkFrames {
    private SparkFrames() {
    }

    /** Loads {@code source} on {@code spark} into its default parallelism's partitions of blocks of {@value SparkEngine#DEFAULT_BLOCK_SIZE} rows. */
    public static LoadedRows load(SparkSession spark, RowSource source) {
        return load(spark, source, spark.sparkContext().defaultParallelism(), SparkEngine.DEFAULT_BLOCK_SIZE);
    }

    /** Loads {@code source} into {@code partitions} partitions of blocks of at most {@code blockSize} rows. */
    static LoadedRows load(SparkSession spark, RowSource source, int partitions, int blockSize) {
        try {
            if (source.frame() == null && RowSource.IDX.equals(source.format())) {
                IdxFiles files = IdxFiles.open(spark, source);
                return build(files.records(spark, partitions), source, files.toString(), "pixels", files.labelFile(),
                        files::featureNames, partitions, blockSize);
            }
            Dataset<Row> frame = source.frame() != null ? frame(source.frame()) : read(spark, source);
            String name = source.frame() != null ? "the data frame" : source.format() + " files at " + source.path();
            if (source.columns() == null) {
                return records(frame, source, name, partitions, blockSize);
            }
            SparkTables.Features table = SparkTables.fit(spark, frame, source);
            LoadedRows rows = records(table.frame(), source.withColumns(null).withFeatures(table.column()), name, partitions, blockSize);
            return new LoadedRows(rows.training(), rows.validation(), List.copyOf(table.pipeline().getFeatureNames()), rows.classNames(),
                    null, null, rows.trainingRows(), rows.validationRows(), table.pipeline().toJson(), rows.classWeights());
        } catch (Exception e) {
            throw TaskFailures.unwrap(e);
        }
    }

    /** The rows of {@code frame} numbered by {@code zipWithIndex}, read and built as {@code source} says. */
    private static LoadedRows records(Dataset<Row> frame, RowSource source, String name, int partitions, int blockSize) {
        RowReader reader = RowReader.of(frame.schema(), source);
        JavaRDD<LoadRecord> records = frame.javaRDD().zipWithIndex().map(reader);
        return build(records, source, name, reader.featureColumn(), source.label(), reader::featureNames, partitions, blockSize);
    }

    @SuppressWarnings("unchecked")
    private static Dataset<Row> frame(Object frame) {
        if (frame instanceof Dataset<?> dataset) {
            return (Dataset<Row>) dataset;
        }
        throw new IllegalArgumentException("the Spark engine reads a Dataset<Row> as a row source, got a " + frame.getClass().getName()
                + ": pass a Spark data frame, or describe files with RowSource.files");
    }

    private static Dataset<Row> read(SparkSession spark, RowSource source) {
        String format = source.format();
        if (!RowSource.FORMATS.contains(format)) {
            throw new IllegalArgumentException("unknown row file format '" + format + "' for " + source.path()
                    + ": expected one of " + String.join(", ", RowSource.FORMATS));
        }
        DataFrameReader reader = spark.read().format(format);
        if (format.equals("csv")) {
            reader = reader.option("header", "true").option("inferSchema", "true");
        }
        for (Map.Entry<String, String> option : source.options().entrySet()) {
            reader = reader.option(option.getKey(), option.getValue());
        }
        return reader.load(source.path());
    }

    /** Feature names for a width, once the width is known. */
    interface FeatureNames {
        List<String> of(int width);
    }

    private static LoadedRows build(JavaRDD<LoadRecord> records, RowSource source, String name, String featureColumn, String labelColumn,
                                    FeatureNames featureNames, int partitions, int blockSize) {
        records = records.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            ValidationSplit split = new ValidationSplit(source.validationFraction(), source.validationSeed());
            InputScaling scaling = source.scaling();
            LoadCheck check = OrderedSums.merge(records.mapPartitions(new LoadCheck.Partition(split, scaling != InputScaling.NONE)), new LoadCheck.Merge());
            if (check == null) {
                check = new LoadCheck();
            }
            check.refuse(name, featureColumn, labelColumn);
            int inputs = check.widths.firstKey();
            if (inputs < 1) {
                throw new IllegalArgumentException("the features column '" + featureColumn + "' of " + name
                        + " holds empty arrays: expected at least 1 feature per row");
            }
            TargetLayout layout = source.layout();
            ClassNumbering classes = layout.classes() ? classes(check, layout, labelColumn, name) : null;
            int outputs = classes == null ? check.targetWidths.firstKey() : layout == TargetLayout.BINARY ? 1 : classes.names.size();
            long trainingRows = check.rows - check.validationRows;
            if (trainingRows == 0) {
                throw new IllegalArgumentException("the validation fraction " + source.validationFraction() + " left no training rows of the "
                        + check.rows + " in " + name + ": use a smaller fraction");
            }
            double[][] fitted = fitted(scaling, check.training);
            double[] shift = fitted[0];
            double[] scale = fitted[1];
            double[] first = fitted[2];
            double[] second = fitted[3];
            JavaPairRDD<Long, LoadRecord> ranges = records.keyBy(new RecordId()).repartitionAndSortWithinPartitions(new RowIdRanges(check.rows, partitions));
            boolean weighted = source.weight() != null;
            double[] classWeights = classWeights(source, classes, check);
            SparkRows training = SparkRows.keep(ranges.mapPartitions(new RowBlocks(false, split, blockSize, layout,
                    classes == null ? null : classes.classOf, inputs, outputs, weighted, classWeights, scaling, first, second)), trainingRows, inputs, outputs,
                    weighted || classWeights != null, layout);
            SparkRows validation = check.validationRows == 0 ? null : SparkRows.keep(ranges.mapPartitions(new RowBlocks(true, split, blockSize, layout,
                    classes == null ? null : classes.classOf, inputs, outputs, weighted, null, scaling, first, second)), check.validationRows, inputs, outputs, weighted, layout);
            return new LoadedRows(training, validation, featureNames.of(inputs), classes == null ? null : List.copyOf(classes.names),
                    shift, scale, trainingRows, check.validationRows, null, classWeights);
        } finally {
            records.unpersist(false);
        }
    }

    /** The classes of the checked labels; refuses one class, and other than two for binary targets. */
    private static ClassNumbering classes(LoadCheck check, TargetLayout layout, String labelColumn, String name) {
        List<String> texts = new ArrayList<>(check.labels.keySet());
        if (texts.size() < 2) {
            throw new IllegalArgumentException("label column '" + labelColumn + "' of " + name + " holds one class only ('" + texts.get(0)
                    + "'): a classifier needs at least two; check the label column, or use the values layout for regression");
        }
        ClassNumbering classes = ClassNumbering.of(texts, labelColumn);
        if (layout == TargetLayout.BINARY && classes.names.size() != 2) {
            throw new IllegalArgumentException("binary targets expected exactly 2 classes in label column '" + labelColumn + "' of " + name
                    + ", got " + classes.names.size() + " (" + String.join(", ", classes.names) + "): use the one-hot layout");
        }
        return classes;
    }

    /**
     * The weight of each class of {@code classes} under the source's class weights, the balanced ones counted over the
     * training rows ({@link LoadCheck#labels}), or null without class weights.
     */
    private static double[] classWeights(RowSource source, ClassNumbering classes, LoadCheck check) {
        if (source.classWeights() == null || classes == null) {
            return null;
        }
        long[] counts = new long[classes.names.size()];
        check.labels.forEach((text, count) -> counts[classes.classOf.get(text)] += count[0]);
        return source.classWeights().perClass(classes.names, counts);
    }

    /**
     * {shift, scale, first, second} of {@code scaling} fitted on the training rows' {@code stats} (all null for none):
     * standard: shift = first = the means, scale = second = the scales; minmax: shift = the minima, scale = the ranges,
     * first = s = (1 − 0) / range, second = o = 0 − min · s (data's MinMaxScaler onto [0, 1]).
     */
    private static double[][] fitted(InputScaling scaling, ColumnStats stats) {
        if (scaling == InputScaling.STANDARD) {
            double[] mean = stats.mean.clone();
            double[] scale = stats.standardScale();
            return new double[][] {mean, scale, mean, scale};
        }
        if (scaling == InputScaling.MINMAX) {
            double[] min = stats.min.clone();
            double[] range = stats.range();
            double[] multiplier = new double[min.length];
            double[] offset = new double[min.length];
            for (int j = 0; j < min.length; j++) {
                multiplier[j] = (1.0 - 0.0) / range[j];
                offset[j] = 0.0 - min[j] * multiplier[j];
            }
            return new double[][] {min, range, multiplier, offset};
        }
        return new double[4][];
    }

    /** A record's row id, its shuffle key. */
    static final class RecordId implements Function<LoadRecord, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long call(LoadRecord record) {
            return record.id;
        }
    }
}
