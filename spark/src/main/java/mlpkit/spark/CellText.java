package mlpkit.spark;

/**
 * The one rule by which a Spark value becomes the text of a table field, as a CSV file would hold it: a string as
 * it is, null as no text (always a missing value), any other value by its {@code toString} (a double 3750.0 is
 * {@code "3750.0"}, NaN is {@code "NaN"}, a boolean {@code "true"}). The column pipeline then reads the text exactly
 * as it reads a local table's: numbers by the CSV readers' rule, anything else as a category.
 */
final class CellText {
    private CellText() {
    }

    /** The text of {@code value}, or null for a Spark null. */
    static String of(Object value) {
        return value == null ? null : value instanceof String text ? text : value.toString();
    }
}
