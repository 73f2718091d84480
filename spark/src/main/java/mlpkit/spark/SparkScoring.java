package mlpkit.spark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import mlpkit.core.distributed.TrainedModel;
import mlpkit.data.table.ColumnPipeline;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Batch scoring on the cluster, Spark ML's {@code transform} style: a frame in, the same frame with a prediction
 * column out (a classifier's class name, a regression model's value in the targets' units, or its values as
 * {@code array<double>} for several outputs) and, for a classifier, a {@value #PROBABILITY} column of class
 * probabilities ({@code array<double>}). Executors rebuild the network once per partition and predict in blocks with
 * the local forward pass ({@link ScoringPartition}), so the outputs are {@code Model.predict}'s bit for bit.
 */
public final class SparkScoring {
    /** The name of a classifier's probability column. */
    public static final String PROBABILITY = "probability";

    /** The name of the features column {@link #transformTable} makes with the model's pipeline and drops again. */
    static final String TABLE_FEATURES = "__mlpkit_features";

    private SparkScoring() {
    }

    /** {@code df} scored by {@code model} from its {@code featuresCol} ({@code array<double>}, one value per model input). */
    public static Dataset<Row> transform(Dataset<Row> df, TrainedModel model, String featuresCol, String predictionCol) {
        List<String> names = Arrays.asList(df.columns());
        SparkColumnPipeline.requireColumn(names, featuresCol, "features");
        DataType type = df.schema().apply(featuresCol).dataType();
        if (!(type instanceof ArrayType array) || !array.elementType().equals(DataTypes.DoubleType)) {
            throw new IllegalArgumentException("column '" + featuresCol + "' is " + type.simpleString() + ", but scoring expected "
                    + "array<double> with " + model.inputSize() + " values per row: cast it, or assemble the features into such a column");
        }
        requireNew(names, predictionCol);
        StructType schema = df.schema();
        if (model.isClassifier()) {
            requireNew(names, PROBABILITY);
            schema = schema.add(predictionCol, DataTypes.StringType, false)
                    .add(PROBABILITY, DataTypes.createArrayType(DataTypes.DoubleType, false), false);
        } else {
            int outputs = model.network().outputSize();
            schema = schema.add(predictionCol, outputs == 1 ? DataTypes.DoubleType : DataTypes.createArrayType(DataTypes.DoubleType, false), false);
        }
        return df.mapPartitions(new ScoringPartition(model, names.indexOf(featuresCol), featuresCol), Encoders.row(schema));
    }

    /** {@link #transform(Dataset, TrainedModel, String, String)} with the model read from {@code modelFile} on the driver. */
    public static Dataset<Row> transform(Dataset<Row> df, Path modelFile, String featuresCol, String predictionCol) {
        return transform(df, TrainedModel.read(modelFile), featuresCol, predictionCol);
    }

    /**
     * {@code df}'s raw table columns (matched by name; the label may be absent) made into features by the model's
     * column pipeline on the executors ({@link SparkColumnPipeline#transform}), then scored; the features are not
     * kept. Refused for a model trained on numbers.
     */
    public static Dataset<Row> transformTable(Dataset<Row> df, TrainedModel model, String predictionCol) {
        if (model.pipelineJson() == null) {
            throw new IllegalArgumentException("the model " + model.recipe() + " was trained on numeric features, not on a table with a column "
                    + "pipeline: pass a features column to transform(df, model, featuresCol, predictionCol)");
        }
        Dataset<Row> features = SparkColumnPipeline.transform(df, ColumnPipeline.fromJson(model.pipelineJson()), TABLE_FEATURES);
        return transform(features, model, TABLE_FEATURES, predictionCol).drop(TABLE_FEATURES);
    }

    /** {@link #transformTable(Dataset, TrainedModel, String)} with the model read from {@code modelFile} on the driver. */
    public static Dataset<Row> transformTable(Dataset<Row> df, Path modelFile, String predictionCol) {
        return transformTable(df, TrainedModel.read(modelFile), predictionCol);
    }

    private static void requireNew(List<String> names, String name) {
        if (names.contains(name)) {
            throw new IllegalArgumentException("the frame already has a column '" + name + "': expected a new name for the "
                    + "column scoring adds, or drop that column first");
        }
    }
}
