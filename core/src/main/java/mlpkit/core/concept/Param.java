package mlpkit.core.concept;

import java.util.List;
import java.util.Objects;

/**
 * One parameter of a {@link Concept}: its name, type, default (none for a required parameter), valid
 * range or choices, a line of documentation and a hint for users who got it wrong. This is the one place a
 * parameter's rules live: constructors, the notation parser, JSON checks, the DSL, help texts and error
 * messages all ask the parameter.
 *
 * <pre>
 *   Param.real("alpha", 1.0).greaterThan(0).doc("the value of f for z → −∞ is −α")
 *   Param.integer("patience", 10).atLeast(1)
 *   Param.concept("weights", Initializer.KIND, new GlorotUniform())
 * </pre>
 *
 * Real numbers must always be finite. Instances are immutable; the range and text methods return copies.
 */
public final class Param {
    /** The types a parameter can have; each maps to one Java type of the concept's constructor. */
    public enum Type {
        /** A finite {@code double}. */
        REAL,
        /** An {@code int}. */
        INTEGER,
        /** A {@code boolean}. */
        BOOLEAN,
        /** A {@code String}: a name such as a metric to watch, or one of fixed choices. */
        TEXT,
        /** A value of another kind, e.g. a dense layer's activation. */
        CONCEPT
    }

    private final String name;
    private final Type type;
    private final Kind<?> kind;
    private final Object defaultValue;
    private final double lower;
    private final boolean lowerInclusive;
    private final double upper;
    private final boolean upperInclusive;
    private final List<String> choices;
    private final String doc;
    private final String hint;
    private final boolean metricName;

    private Param(String name, Type type, Kind<?> kind, Object defaultValue, double lower, boolean lowerInclusive,
                  double upper, boolean upperInclusive, List<String> choices, String doc, String hint) {
        this(name, type, kind, defaultValue, lower, lowerInclusive, upper, upperInclusive, choices, doc, hint, false);
    }

    private Param(String name, Type type, Kind<?> kind, Object defaultValue, double lower, boolean lowerInclusive,
                  double upper, boolean upperInclusive, List<String> choices, String doc, String hint, boolean metricName) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = type;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.lower = lower;
        this.lowerInclusive = lowerInclusive;
        this.upper = upper;
        this.upperInclusive = upperInclusive;
        this.choices = List.copyOf(choices);
        this.doc = doc;
        this.hint = hint;
        this.metricName = metricName;
    }

    private static Param of(String name, Type type, Kind<?> kind, Object defaultValue) {
        return new Param(name, type, kind, defaultValue, Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY,
                false, List.of(), "", "");
    }

    /** A real parameter with a default. */
    public static Param real(String name, double defaultValue) {
        return of(name, Type.REAL, null, defaultValue);
    }

    /** A required real parameter. */
    public static Param real(String name) {
        return of(name, Type.REAL, null, null);
    }

    /** A whole-number parameter with a default. */
    public static Param integer(String name, int defaultValue) {
        return of(name, Type.INTEGER, null, defaultValue);
    }

    /** A required whole-number parameter. */
    public static Param integer(String name) {
        return of(name, Type.INTEGER, null, null);
    }

    /** A true/false parameter with a default. */
    public static Param bool(String name, boolean defaultValue) {
        return of(name, Type.BOOLEAN, null, defaultValue);
    }

    /** A text parameter with a default; with {@code choices} only those are accepted. */
    public static Param text(String name, String defaultValue, String... choices) {
        return new Param(name, Type.TEXT, null, defaultValue, Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY,
                false, List.of(choices), "", "");
    }

    /**
     * A text parameter naming a metric a run reports ({@code val_loss}, {@code train_accuracy}): configuration
     * checks compare it with the metrics the run will have.
     */
    public static Param metricName(String name, String defaultValue) {
        return new Param(name, Type.TEXT, null, defaultValue, Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY,
                false, List.of(), "", "", true);
    }

    /** A parameter whose value is of another kind, with a default value of that kind. */
    public static <V> Param concept(String name, Kind<V> kind, V defaultValue) {
        return of(name, Type.CONCEPT, Objects.requireNonNull(kind, "kind"), defaultValue);
    }

    /** A required parameter whose value is of another kind. */
    public static <V> Param concept(String name, Kind<V> kind) {
        return of(name, Type.CONCEPT, Objects.requireNonNull(kind, "kind"), null);
    }

    private Param withRange(double lo, boolean loIn, double hi, boolean hiIn) {
        if (type != Type.REAL && type != Type.INTEGER) {
            throw new IllegalStateException(name + ": only numbers have a range");
        }
        return new Param(name, type, kind, defaultValue, lo, loIn, hi, hiIn, choices, doc, hint, metricName);
    }

    /** Values must be &gt; {@code bound}. */
    public Param greaterThan(double bound) {
        return withRange(bound, false, upper, upperInclusive);
    }

    /** Values must be ≥ {@code bound}. */
    public Param atLeast(double bound) {
        return withRange(bound, true, upper, upperInclusive);
    }

    /** Values must be &lt; {@code bound}. */
    public Param lessThan(double bound) {
        return withRange(lower, lowerInclusive, bound, false);
    }

    /** Values must be ≤ {@code bound}. */
    public Param atMost(double bound) {
        return withRange(lower, lowerInclusive, bound, true);
    }

    /** One line saying what the parameter means, for help texts and reference docs. */
    public Param doc(String text) {
        return new Param(name, type, kind, defaultValue, lower, lowerInclusive, upper, upperInclusive, choices, text, hint, metricName);
    }

    /** What to write instead when a value is refused, e.g. {@code try 0.9}. */
    public Param hint(String text) {
        return new Param(name, type, kind, defaultValue, lower, lowerInclusive, upper, upperInclusive, choices, doc, text, metricName);
    }

    /** The same parameter with another default (AdamW's weight decay is 0.01, the others' 0). */
    public Param withDefault(Object value) {
        return new Param(name, type, kind, value, lower, lowerInclusive, upper, upperInclusive, choices, doc, hint, metricName);
    }

    public String name() {
        return name;
    }

    public Type type() {
        return type;
    }

    /** The kind of a {@link Type#CONCEPT} parameter, else null. */
    public Kind<?> kind() {
        return kind;
    }

    public boolean isRequired() {
        return defaultValue == null;
    }

    /** The default value (a Double, Integer, Boolean, String or value of {@link #kind()}), or null when required. */
    public Object defaultValue() {
        return defaultValue;
    }

    /** The allowed texts of a {@link Type#TEXT} parameter; empty when any name is allowed. */
    public List<String> choices() {
        return choices;
    }

    public String doc() {
        return doc;
    }

    /** Whether this text names a metric of the run ({@link #metricName}). */
    public boolean namesMetric() {
        return metricName;
    }

    public String hint() {
        return hint;
    }

    /** The Java type the concept's constructor takes for this parameter. */
    public Class<?> javaType() {
        return switch (type) {
            case REAL -> double.class;
            case INTEGER -> int.class;
            case BOOLEAN -> boolean.class;
            case TEXT -> String.class;
            case CONCEPT -> kind.type();
        };
    }

    /** What a valid value looks like: {@code a number in [0, 1)}, {@code a whole number ≥ 1}, {@code an activation}. */
    public String expectation() {
        return switch (type) {
            case REAL -> range().isEmpty() ? "a finite number" : "a number " + range();
            case INTEGER -> range().isEmpty() ? "a whole number" : "a whole number " + range();
            case BOOLEAN -> "true or false";
            case TEXT -> metricName ? "the name of a metric the run reports, e.g. val_loss" : choices.isEmpty() ? "a name" : (choices.size() == 1 ? choices.get(0) : "one of " + String.join(", ", choices));
            case CONCEPT -> kind.withArticle();
        };
    }

    /** The range as text: {@code > 0}, {@code ≥ 1}, {@code in [0, 1)}; empty when unbounded. */
    public String range() {
        boolean hasLower = lower != Double.NEGATIVE_INFINITY;
        boolean hasUpper = upper != Double.POSITIVE_INFINITY;
        if (hasLower && hasUpper) {
            return "in " + (lowerInclusive ? "[" : "(") + bound(lower) + ", " + bound(upper) + (upperInclusive ? "]" : ")");
        }
        if (hasLower) {
            return (lowerInclusive ? "≥ " : "> ") + bound(lower);
        }
        if (hasUpper) {
            return (upperInclusive ? "≤ " : "< ") + bound(upper);
        }
        return "";
    }

    /**
     * The value in this parameter's Java type: numbers of any boxed type become a Double or an Integer
     * (a whole-valued double is accepted for an integer); anything that is not of the type is refused.
     *
     * @throws ConceptException naming {@code subject} and this parameter
     */
    public Object coerce(Object raw, String subject) {
        Object value = switch (type) {
            case REAL -> raw instanceof Number n ? (Object) n.doubleValue() : null;
            case INTEGER -> raw instanceof Number n && isWhole(n) ? (Object) n.intValue() : null;
            case BOOLEAN -> raw instanceof Boolean b ? b : null;
            case TEXT -> raw instanceof String s ? s : null;
            case CONCEPT -> kind.type().isInstance(raw) ? raw : null;
        };
        if (value == null) {
            throw new ConceptException(subject, name, expectation(), describe(raw), hint);
        }
        String problem = problem(value);
        if (problem != null) {
            throw new ConceptException(subject, name, expectation(), format(value), hint);
        }
        return value;
    }

    /** Null when {@code value} (already of the Java type) is valid, else what it must be. */
    public String problem(Object value) {
        switch (type) {
            case REAL, INTEGER -> {
                double v = ((Number) value).doubleValue();
                boolean ok = Double.isFinite(v)
                        && (lowerInclusive ? v >= lower : v > lower)
                        && (upperInclusive ? v <= upper : v < upper);
                return ok ? null : expectation();
            }
            case TEXT -> {
                return choices.isEmpty() || choices.contains((String) value) ? null : expectation();
            }
            default -> {
                return null;
            }
        }
    }

    /** The value as the notation writes it: {@code 0.5}, {@code 1.0e-8}, {@code 10}, {@code true}, {@code relu}. */
    public String format(Object value) {
        return switch (type) {
            case REAL -> number((Double) value);
            case INTEGER, BOOLEAN -> value.toString();
            case TEXT -> text((String) value);
            case CONCEPT -> ((Conceptual) value).notation();
        };
    }

    /** A double as the notation writes it: {@code Double.toString} with a lower-case exponent ({@code 1.0e-8}). */
    public static String number(double value) {
        return Double.toString(value).replace('E', 'e');
    }

    /** A bound as people write it: {@code 0}, {@code 1}, {@code 0.5}. */
    private static String bound(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    /** A name as is, anything else in double quotes. */
    static String text(String value) {
        return value.matches("[A-Za-z_][A-Za-z0-9_]*") ? value : '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static boolean isWhole(Number n) {
        if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return true;
        }
        if (n instanceof Long l) {
            return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE;
        }
        double d = n.doubleValue();
        return d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE;
    }

    private static String describe(Object raw) {
        if (raw == null) {
            return "nothing";
        }
        if (raw instanceof Conceptual c) {
            return c.concept().kind().withArticle() + " " + c.notation();
        }
        if (raw instanceof Double d) {
            return number(d);
        }
        if (raw instanceof String s) {
            return '"' + s + '"';
        }
        return raw.toString();
    }

    @Override
    public String toString() {
        return name + (isRequired() ? "" : " = " + format(defaultValue));
    }
}
