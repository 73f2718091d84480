package mlpkit.spark;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mlpkit.core.distributed.RowSource;
import mlpkit.core.distributed.TargetLayout;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.IntegralType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Reads one frame row (with its row id from {@code zipWithIndex}) into a {@link LoadRecord} on an executor. Made on
 * the driver from the frame's schema, which it checks first: features from one column of {@code array<double>}
 * (float, int and long arrays are converted), of Spark ML's vector type (recognised by its type's class name
 * {@value #VECTOR_TYPE} and read with its {@code toArray()}, so that spark-mllib is needed only when such a column
 * exists), or from numeric columns; a label of text, booleans, whole or real numbers (classes), or numbers or a
 * numeric array (values); an optional numeric weight.
 */
final class RowReader implements Function<Tuple2<Row, Long>, LoadRecord> {
    private static final long serialVersionUID = 1L;
    static final String VECTOR_TYPE = "org.apache.spark.ml.linalg.VectorUDT";
    private static final String VECTOR_INTERFACE = "org.apache.spark.ml.linalg.Vector";
    private static final List<DataType> ARRAY_ELEMENTS = List.of(DataTypes.DoubleType, DataTypes.FloatType, DataTypes.IntegerType, DataTypes.LongType);

    private enum Features { ARRAY, VECTOR, NUMBERS }

    private final Features features;
    private final int[] featureIndices;
    private final String featureColumn;
    private final String[] featureNames;
    private final int label;
    private final String labelColumn;
    private final boolean labelArray;
    private final boolean classes;
    private final int weight;
    private final String weightColumn;
    private transient Method toArray;

    private RowReader(Features features, int[] featureIndices, String featureColumn, String[] featureNames, int label, String labelColumn,
                      boolean labelArray, boolean classes, int weight, String weightColumn) {
        this.features = features;
        this.featureIndices = featureIndices;
        this.featureColumn = featureColumn;
        this.featureNames = featureNames;
        this.label = label;
        this.labelColumn = labelColumn;
        this.labelArray = labelArray;
        this.classes = classes;
        this.weight = weight;
        this.weightColumn = weightColumn;
    }

    /** A reader of {@code schema}'s columns that {@code source} names; else an error naming the column. */
    static RowReader of(StructType schema, RowSource source) {
        List<String> names = source.features();
        Features kind;
        int[] indices = new int[names.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = index(schema, names.get(i), "features");
        }
        if (names.size() == 1) {
            DataType type = schema.fields()[indices[0]].dataType();
            if (type instanceof ArrayType array && ARRAY_ELEMENTS.contains(array.elementType())) {
                kind = Features.ARRAY;
            } else if (type.getClass().getName().equals(VECTOR_TYPE)) {
                kind = Features.VECTOR;
            } else if (type instanceof NumericType) {
                kind = Features.NUMBERS;
            } else {
                throw wrongType("features", names.get(0), "array<double> (or array<float>, array<int>, array<long>), a Spark ML vector, or a number", type);
            }
        } else {
            kind = Features.NUMBERS;
            for (int i = 0; i < indices.length; i++) {
                DataType type = schema.fields()[indices[i]].dataType();
                if (!(type instanceof NumericType)) {
                    throw wrongType("features", names.get(i), "a number (one feature per column)", type);
                }
            }
        }
        int label = index(schema, source.label(), "label");
        DataType labelType = schema.fields()[label].dataType();
        boolean classes = source.layout().classes();
        boolean labelArray = false;
        if (classes) {
            if (!(labelType instanceof StringType || labelType instanceof BooleanType || labelType instanceof NumericType)) {
                throw wrongType("label", source.label(), "class labels as text, booleans or whole numbers", labelType);
            }
        } else if (labelType instanceof ArrayType array && ARRAY_ELEMENTS.contains(array.elementType())) {
            labelArray = true;
        } else if (!(labelType instanceof NumericType)) {
            throw wrongType("label", source.label(), "numbers (or an array of numbers) for the values layout", labelType);
        }
        int weight = -1;
        if (source.weight() != null) {
            weight = index(schema, source.weight(), "weight");
            DataType type = schema.fields()[weight].dataType();
            if (!(type instanceof NumericType)) {
                throw wrongType("weight", source.weight(), "a number ≥ 0", type);
            }
        }
        return new RowReader(kind, indices, names.get(0), names.toArray(new String[0]), label, source.label(), labelArray, classes,
                weight, source.weight());
    }

    /** One name per input for {@code width} inputs: the column names, or {@code column[i]} for an array or vector column. */
    List<String> featureNames(int width) {
        if (features == Features.NUMBERS) {
            return List.of(featureNames);
        }
        List<String> out = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            out.add(featureColumn + "[" + i + "]");
        }
        return out;
    }

    /** The features column as users named it (the first, for numeric columns). */
    String featureColumn() {
        return featureColumn;
    }

    @Override
    public LoadRecord call(Tuple2<Row, Long> indexed) throws Exception {
        Row row = indexed._1();
        long id = indexed._2();
        RowProblem problem = null;
        double[] x = readFeatures(row);
        if (x == null || hasMissing(x)) {
            problem = new RowProblem(RowProblem.Kind.MISSING_FEATURE, features == Features.NUMBERS ? firstMissing(row) : featureColumn, Double.NaN);
            x = x == null ? new double[0] : x;
        }
        String text = null;
        double[] values = null;
        if (row.isNullAt(label)) {
            problem = problem == null ? new RowProblem(RowProblem.Kind.MISSING_LABEL, labelColumn, Double.NaN) : problem;
        } else if (classes) {
            Object value = row.get(label);
            if (value instanceof Double || value instanceof Float) {
                double v = ((Number) value).doubleValue();
                text = Double.isNaN(v) ? null : Double.toString(v);
            } else if (value instanceof java.math.BigDecimal decimal) {
                text = decimal.stripTrailingZeros().toPlainString();
            } else {
                text = value.toString();
            }
            if (text == null || text.isEmpty()) {
                text = null;
                problem = problem == null ? new RowProblem(RowProblem.Kind.MISSING_LABEL, labelColumn, Double.NaN) : problem;
            }
        } else {
            values = labelArray ? numbers(row.getList(label)) : new double[] {((Number) row.get(label)).doubleValue()};
            if (values == null || hasMissing(values)) {
                problem = problem == null ? new RowProblem(RowProblem.Kind.MISSING_LABEL, labelColumn, Double.NaN) : problem;
                values = values == null ? new double[0] : values;
            }
        }
        double w = 1;
        if (weight >= 0) {
            w = row.isNullAt(weight) ? Double.NaN : ((Number) row.get(weight)).doubleValue();
            if (problem == null && Double.isNaN(w)) {
                problem = new RowProblem(RowProblem.Kind.MISSING_WEIGHT, weightColumn, w);
            } else if (problem == null && w < 0) {
                problem = new RowProblem(RowProblem.Kind.NEGATIVE_WEIGHT, weightColumn, w);
            }
        }
        return new LoadRecord(id, x, text, values, w, problem);
    }

    private double[] readFeatures(Row row) throws Exception {
        switch (features) {
            case ARRAY:
                return row.isNullAt(featureIndices[0]) ? null : numbers(row.getList(featureIndices[0]));
            case VECTOR:
                if (row.isNullAt(featureIndices[0])) {
                    return null;
                }
                Object vector = row.get(featureIndices[0]);
                if (toArray == null) {
                    // The interface's method, so that dense and sparse vectors both take it.
                    toArray = Class.forName(VECTOR_INTERFACE, false, vector.getClass().getClassLoader()).getMethod("toArray");
                }
                return ((double[]) toArray.invoke(vector)).clone();
            default:
                double[] x = new double[featureIndices.length];
                for (int i = 0; i < x.length; i++) {
                    x[i] = row.isNullAt(featureIndices[i]) ? Double.NaN : ((Number) row.get(featureIndices[i])).doubleValue();
                }
                return x;
        }
    }

    private String firstMissing(Row row) {
        for (int i = 0; i < featureIndices.length; i++) {
            if (row.isNullAt(featureIndices[i]) || Double.isNaN(((Number) row.get(featureIndices[i])).doubleValue())) {
                return featureNames[i];
            }
        }
        return featureColumn;
    }

    private static double[] numbers(List<Object> list) {
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = list.get(i);
            out[i] = v == null ? Double.NaN : ((Number) v).doubleValue();
        }
        return out;
    }

    private static boolean hasMissing(double[] values) {
        for (double v : values) {
            if (Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    /** The position of {@code column} in {@code schema}; else an error naming the {@code role}, the columns and the closest name. */
    static int index(StructType schema, String column, String role) {
        String[] names = schema.fieldNames();
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(column)) {
                return i;
            }
        }
        String closest = null;
        int best = Integer.MAX_VALUE;
        for (String name : names) {
            int d = distance(name.toLowerCase(), column.toLowerCase());
            if (d < best) {
                best = d;
                closest = name;
            }
        }
        throw new IllegalArgumentException("the " + role + " column '" + column + "' is not in the data (columns: " + String.join(", ", names)
                + ")" + (closest == null ? "" : ": did you mean '" + closest + "'?") + " Name one of the columns");
    }

    private static IllegalArgumentException wrongType(String role, String column, String expected, DataType got) {
        return new IllegalArgumentException("the " + role + " column '" + column + "' holds " + got.simpleString() + ", expected " + expected
                + ": convert the column or name another");
    }

    /** Levenshtein distance, for suggesting the closest column name. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    @Override
    public String toString() {
        return "rows of " + Arrays.toString(featureNames) + " → " + labelColumn;
    }
}
