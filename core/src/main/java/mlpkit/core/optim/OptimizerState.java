package mlpkit.core.optim;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable snapshot of an optimiser's internal state: its kind (e.g. {@code "adam"}), the
 * step counter {@code t} (number of completed {@code step} calls) and its named flat arrays
 * (e.g. {@code "m"} and {@code "v"} for Adam, {@code "velocity"} for SGD with momentum).
 *
 * <p>All arrays are copied on the way in and on the way out, so neither the optimiser nor the
 * holder of a snapshot can change the other. Array order is preserved. All arrays have the same
 * length, the parameter count, reported by {@link #size()}. A state taken before the first
 * step (or from a stateless optimiser such as plain SGD) has no arrays.
 *
 * @param kind   optimiser kind, the name used in {@link Optimizer#notation()}
 * @param step   the step counter {@code t}, {@code >= 0}
 * @param arrays named state arrays, all of the same length
 */
public record OptimizerState(String kind, long step, Map<String, double[]> arrays) {

    /** Validates and copies the arrays defensively. */
    public OptimizerState {
        Objects.requireNonNull(kind, "kind");
        if (kind.isBlank()) {
            throw new IllegalArgumentException("kind must be a non-blank optimiser name such as \"adam\"");
        }
        if (step < 0) {
            throw Validation.fail("step", Long.toString(step), "[0, " + Long.MAX_VALUE + "]",
                    "the step counter counts completed steps and cannot be negative");
        }
        Objects.requireNonNull(arrays, "arrays");
        Map<String, double[]> copy = new LinkedHashMap<>();
        int length = -1;
        for (Map.Entry<String, double[]> e : arrays.entrySet()) {
            String name = Objects.requireNonNull(e.getKey(), "state array name");
            double[] values = Objects.requireNonNull(e.getValue(), () -> "state array '" + name + "'");
            if (length >= 0 && values.length != length) {
                throw new IllegalArgumentException("state array '" + name + "' has length " + values.length
                        + " but the other arrays have length " + length
                        + "; all state arrays must cover the same parameter vector");
            }
            length = values.length;
            copy.put(name, values.clone());
        }
        arrays = Collections.unmodifiableMap(copy);
    }

    /** A copy of the named arrays (each array is a fresh copy). */
    @Override
    public Map<String, double[]> arrays() {
        Map<String, double[]> copy = new LinkedHashMap<>();
        arrays.forEach((name, values) -> copy.put(name, values.clone()));
        return Collections.unmodifiableMap(copy);
    }

    /** The names of the state arrays, in order. */
    public Set<String> names() {
        return arrays.keySet();
    }

    /**
     * A copy of one named array.
     *
     * @throws IllegalArgumentException if there is no array of that name
     */
    public double[] array(String name) {
        double[] values = arrays.get(name);
        if (values == null) {
            throw new IllegalArgumentException("no state array named '" + name + "'; this "
                    + kind + " state has " + arrays.keySet());
        }
        return values.clone();
    }

    /** The common length of the arrays, i.e. the parameter count; 0 when there are no arrays. */
    public int size() {
        return arrays.isEmpty() ? 0 : arrays.values().iterator().next().length;
    }

    /** Copies straight into {@code target} without an intermediate array (package use). */
    void copyInto(String name, double[] target) {
        double[] values = arrays.get(name);
        System.arraycopy(values, 0, target, 0, values.length);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof OptimizerState other)) {
            return false;
        }
        if (!kind.equals(other.kind) || step != other.step
                || !arrays.keySet().equals(other.arrays.keySet())) {
            return false;
        }
        for (Map.Entry<String, double[]> e : arrays.entrySet()) {
            if (!Arrays.equals(e.getValue(), other.arrays.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(kind, step);
        for (Map.Entry<String, double[]> e : arrays.entrySet()) {
            h += e.getKey().hashCode() ^ Arrays.hashCode(e.getValue()); // order-independent, like equals
        }
        return h;
    }

    @Override
    public String toString() {
        return "OptimizerState[kind=" + kind + ", step=" + step + ", arrays=" + arrays.keySet()
                + ", size=" + size() + "]";
    }
}
