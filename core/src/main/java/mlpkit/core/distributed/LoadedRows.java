package mlpkit.core.distributed;

import java.util.List;

/**
 * What {@link DataParallel#load} read: the training rows (and validation rows, or null) held by the workers, and
 * what the driver needs to build and later apply a model: the feature names, the class names (null for regression),
 * the fitted input scaling (x ↦ (x − shift) / scale; both null when the source asked for none; {@link
 * InputScaling#MINMAX} is applied as data's min-max scaler applies it, x · (1 / scale) − shift · (1 / scale), which
 * can differ in the last bit) and the row counts.
 *
 * @param training       the training rows, features already scaled
 * @param validation     the validation rows (scaled with the training rows' statistics), or null
 * @param featureNames   one name per input, e.g. {@code features[0]} for an array column
 * @param classNames     class k's name at index k, or null for {@link TargetLayout#VALUES}
 * @param shift          per input, subtracted before dividing by {@code scale}; null without scaling
 * @param scale          per input, the divisor (never 0); null without scaling
 * @param trainingRows   rows in {@code training}
 * @param validationRows rows in {@code validation} (0 when it is null)
 * @param pipeline       the column pipeline fitted on the training rows of a table-form source ({@link
 *                       RowSource#columns}) as data's {@code ColumnPipeline.toJson} writes it, or null; its feature
 *                       names are {@code featureNames}, and it does all input scaling ({@code shift}, {@code scale} null)
 * @param classWeights   the weight of class k at index k that the training rows' weights include ({@link RowSource#classWeights},
 *                       the balanced ones counted over the training rows), or null without class weights
 */
public record LoadedRows(DistributedRows training, DistributedRows validation, List<String> featureNames, List<String> classNames,
                         double[] shift, double[] scale, long trainingRows, long validationRows, String pipeline,
                         double[] classWeights) implements AutoCloseable {

    /** Rows without class weights. */
    public LoadedRows(DistributedRows training, DistributedRows validation, List<String> featureNames, List<String> classNames,
                      double[] shift, double[] scale, long trainingRows, long validationRows, String pipeline) {
        this(training, validation, featureNames, classNames, shift, scale, trainingRows, validationRows, pipeline, null);
    }

    /** Rows read as numbers: no {@link #pipeline}, no class weights. */
    public LoadedRows(DistributedRows training, DistributedRows validation, List<String> featureNames, List<String> classNames,
                      double[] shift, double[] scale, long trainingRows, long validationRows) {
        this(training, validation, featureNames, classNames, shift, scale, trainingRows, validationRows, null, null);
    }

    /** Features per row. */
    public int inputs() {
        return featureNames.size();
    }

    /** Releases the workers' copies of both row sets. */
    @Override
    public void close() {
        training.close();
        if (validation != null) {
            validation.close();
        }
    }
}
