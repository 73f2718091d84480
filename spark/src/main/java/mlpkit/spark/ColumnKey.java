package mlpkit.spark;

import java.io.Serializable;

/**
 * A value of one column (a number as a {@link Double}, a text as a {@link String}), ordered by column, then by
 * value in its natural order (the order the local statistics sort and break ties in), so that one shuffle or one
 * sort serves every column at once.
 */
final class ColumnKey implements Serializable, Comparable<ColumnKey> {
    private static final long serialVersionUID = 1L;

    final int column;
    final Comparable<Object> value;

    @SuppressWarnings("unchecked")
    ColumnKey(int column, Comparable<?> value) {
        this.column = column;
        this.value = (Comparable<Object>) value;
    }

    @Override
    public int compareTo(ColumnKey other) {
        return column != other.column ? Integer.compare(column, other.column) : value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnKey k && k.column == column && k.value.equals(value);
    }

    @Override
    public int hashCode() {
        return 31 * column + value.hashCode();
    }
}
