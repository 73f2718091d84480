package mlpkit.core.distributed;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rows an engine reads itself, described on the driver: either an engine object ({@link #frame}: for Spark a
 * {@code Dataset<Row>}) or files ({@link #files}: a format, a path and reader options), and which columns are
 * features, label and weight, how the label becomes targets, the class weights, the validation split and the input scaling.
 * Immutable: every {@code with…} method returns a new source. Only the file description is {@link Serializable};
 * an engine object is not carried along.
 *
 * <p>Files of format {@code idx} are an image file ({@link #path}) and its label file (option {@value #IDX_LABELS});
 * option {@value #IDX_PIXELS} ({@code unit}, {@code symmetric} or {@code raw}) scales pixels as data's IDX loader
 * does; they have no feature or label columns to name.
 */
public final class RowSource implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The IDX option naming the label file. */
    public static final String IDX_LABELS = "labels";
    /** The IDX option naming the pixel scaling (default {@code unit}). */
    public static final String IDX_PIXELS = "pixels";
    /** Default name of the features column. */
    public static final String FEATURES = "features";
    /** Default name of the label column. */
    public static final String LABEL = "label";
    /** The format of IDX image and label files. */
    public static final String IDX = "idx";
    /** The file formats an engine reads ({@link #files}): the first three through its table reader, {@value #IDX} as image and label files. */
    public static final List<String> FORMATS = List.of("csv", "parquet", "json", IDX);

    private final transient Object frame;
    private final String format;
    private final String path;
    private final Map<String, String> options;
    private final List<String> features;
    private final String label;
    private final TargetLayout layout;
    private final String weight;
    private final double validationFraction;
    private final long validationSeed;
    private final InputScaling scaling;
    private final TableColumns columns;
    private final ClassWeights classWeights;

    private RowSource(Object frame, String format, String path, Map<String, String> options, List<String> features, String label,
                      TargetLayout layout, String weight, double validationFraction, long validationSeed, InputScaling scaling,
                      TableColumns columns, ClassWeights classWeights) {
        this.frame = frame;
        this.format = format;
        this.path = path;
        this.options = Map.copyOf(options);
        this.features = List.copyOf(features);
        this.label = label;
        this.layout = layout;
        this.weight = weight;
        this.validationFraction = validationFraction;
        this.validationSeed = validationSeed;
        this.scaling = scaling;
        this.columns = columns;
        this.classWeights = classWeights;
    }

    /** Rows in an engine object (a Spark {@code Dataset<Row>}), features in column {@value #FEATURES}, one-hot labels in {@value #LABEL}. */
    public static RowSource frame(Object frame) {
        return new RowSource(Objects.requireNonNull(frame, "frame"), null, null, Map.of(), List.of(FEATURES), LABEL,
                TargetLayout.ONE_HOT, null, 0, 0, InputScaling.NONE, null, null);
    }

    /** Rows in files of {@code format} (one of {@link #FORMATS}) at {@code path}. */
    public static RowSource files(String format, String path) {
        return new RowSource(null, Objects.requireNonNull(format, "format"), Objects.requireNonNull(path, "path"), Map.of(),
                List.of(FEATURES), LABEL, TargetLayout.ONE_HOT, null, 0, 0, InputScaling.NONE, null, null);
    }

    /** The same with reader option {@code key} = {@code value} (e.g. csv's {@code sep}, idx's {@value #IDX_LABELS}). */
    public RowSource withOption(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(options);
        more.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new RowSource(frame, format, path, more, features, label, layout, weight, validationFraction, validationSeed, scaling, columns, classWeights);
    }

    /**
     * The same with features from {@code columns}: one column holding an array or vector per row, or several numeric
     * columns, one feature each, in this order.
     */
    public RowSource withFeatures(String... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("features expected at least one column name, got none: name the features column");
        }
        return new RowSource(frame, format, path, options, List.of(columns), label, layout, weight, validationFraction, validationSeed, scaling, this.columns, classWeights);
    }

    /** The same with the label in {@code column}, turned into targets as {@code layout} says. */
    public RowSource withLabel(String column, TargetLayout layout) {
        return new RowSource(frame, format, path, options, features, Objects.requireNonNull(column, "column"),
                Objects.requireNonNull(layout, "layout"), weight, validationFraction, validationSeed, scaling, columns, classWeights);
    }

    /** The same with sample weights (numbers ≥ 0) in {@code column}; null for none. */
    public RowSource withWeight(String column) {
        return new RowSource(frame, format, path, options, features, label, layout, column, validationFraction, validationSeed, scaling, columns, classWeights);
    }

    /**
     * The same with a validation split: each row goes to validation independently with probability {@code fraction}
     * (in [0, 1)), decided by a hash of its row number and {@code seed}: the same rows on every run, disjoint from
     * the training rows, about fraction · n of them (a binomial count, not exactly fraction · n).
     */
    public RowSource withValidation(double fraction, long seed) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("a validation fraction must be in [0, 1), got " + fraction + ": use e.g. 0.1, or 0 for none");
        }
        return new RowSource(frame, format, path, options, features, label, layout, weight, fraction, seed, scaling, columns, classWeights);
    }

    /** The same with input scaling {@code scaling}, fitted on the training rows (only {@link InputScaling#NONE} in the table form). */
    public RowSource withScaling(InputScaling scaling) {
        if (columns != null && scaling != InputScaling.NONE) {
            throw new IllegalArgumentException("the table form scales numeric columns in its pipeline, but input scaling " + scaling.notation()
                    + " was asked for too: give the scaling as the table form's default scaling (TableColumns) instead");
        }
        return new RowSource(frame, format, path, options, features, label, layout, weight, validationFraction, validationSeed,
                Objects.requireNonNull(scaling, "scaling"), columns, classWeights);
    }

    /**
     * The same in the table form ({@link TableColumns}; null: not a table): every column but the label and the weight
     * is a feature column, and the features are what a column pipeline fitted on the training rows makes of them.
     * The pipeline does all input scaling, so {@link #scaling} must stay {@link InputScaling#NONE}.
     */
    public RowSource withColumns(TableColumns columns) {
        if (columns != null && scaling != InputScaling.NONE) {
            throw new IllegalArgumentException("the table form scales numeric columns in its pipeline (default scaling " + columns.defaultScaling().notation()
                    + "), but the source also asks for input scaling " + scaling.notation() + ": leave the input scaling at none");
        }
        return new RowSource(frame, format, path, options, features, label, layout, weight, validationFraction, validationSeed, scaling, columns, classWeights);
    }

    /**
     * The same with class weights ({@link ClassWeights}; null: every class weighs 1): each training row then weighs its
     * class's weight times its sample weight ({@link #weight}), the balanced weights counted over the training rows.
     * Only for labels that are classes.
     */
    public RowSource withClassWeights(ClassWeights classWeights) {
        if (classWeights != null && !layout.classes()) {
            throw new IllegalArgumentException("class weights weigh classes, but label " + label + " is read as " + layout.notation()
                    + " (real values): remove the class weights, or give the rows sample weights (a weight column)");
        }
        return new RowSource(frame, format, path, options, features, label, layout, weight, validationFraction, validationSeed, scaling, columns, classWeights);
    }

    /** The engine object, or null for files (and after deserialisation). */
    public Object frame() {
        return frame;
    }

    /** The files' format, or null for an engine object. */
    public String format() {
        return format;
    }

    /** The files' path, or null for an engine object. */
    public String path() {
        return path;
    }

    /** Reader options, unmodifiable. */
    public Map<String, String> options() {
        return options;
    }

    /** The feature column(s). */
    public List<String> features() {
        return features;
    }

    public String label() {
        return label;
    }

    public TargetLayout layout() {
        return layout;
    }

    /** The weight column, or null. */
    public String weight() {
        return weight;
    }

    /** The probability of a row going to validation (0: no validation rows). */
    public double validationFraction() {
        return validationFraction;
    }

    public long validationSeed() {
        return validationSeed;
    }

    public InputScaling scaling() {
        return scaling;
    }

    /** The table form, or null when the features are read as numbers. */
    public TableColumns columns() {
        return columns;
    }

    /** The class weights, or null when every class weighs 1. */
    public ClassWeights classWeights() {
        return classWeights;
    }

    @Override
    public String toString() {
        return (frame != null ? "a data frame" : format + " files at " + path) + " (features " + (columns != null ? "from a column pipeline"
                : String.join(", ", features))
                + ", label " + label + " as " + layout.notation() + (weight == null ? "" : ", weights " + weight)
                + (classWeights == null ? "" : ", class weights " + (classWeights.balanced() ? "balanced" : classWeights.given())) + ")";
    }
}
