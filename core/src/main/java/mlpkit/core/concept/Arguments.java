package mlpkit.core.concept;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The argument values of one concept value, by parameter name, in the concept's parameter order: what
 * {@code adam(lr=0.01)} means once its defaults are filled in. Values are Double, Integer, Boolean, String
 * or values of other kinds. Immutable.
 */
public final class Arguments {
    private static final Arguments EMPTY = new Arguments(Map.of());

    private final Map<String, Object> values;

    private Arguments(Map<String, Object> values) {
        this.values = values;
    }

    /** Arguments from a map (its iteration order is kept). */
    public static Arguments of(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "name"), Objects.requireNonNull(v, () -> "value of " + k)));
        return new Arguments(Collections.unmodifiableMap(copy));
    }

    /** Arguments from name/value pairs: {@code Arguments.of("alpha", 0.5)}. */
    public static Arguments of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("arguments come in name/value pairs, got " + namesAndValues.length + " items");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return of(map);
    }

    public static Arguments empty() {
        return EMPTY;
    }

    /** The names and values, in order (unmodifiable). */
    public Map<String, Object> asMap() {
        return values;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The value of {@code name}; an absent name is a programming error. */
    public Object get(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no argument '" + name + "' among " + values.keySet());
        }
        return value;
    }

    public double real(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public int integer(String name) {
        return ((Number) get(name)).intValue();
    }

    public boolean bool(String name) {
        return (Boolean) get(name);
    }

    public String text(String name) {
        return (String) get(name);
    }

    /** The value of {@code name} as a value of another kind. */
    public <V> V value(String name, Class<V> type) {
        return type.cast(get(name));
    }

    /** A copy with {@code name} set to {@code value}. */
    public Arguments with(String name, Object value) {
        Map<String, Object> map = new LinkedHashMap<>(values);
        map.put(name, value);
        return of(map);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Arguments other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
