package mlpkit.core.concept;

/**
 * Notation that cannot be read: says where (1-based column), what was expected, what was found and, when
 * it helps, what to do. {@link #getMessage()} is one line,
 * {@code network notation, column 20: expected an activation: one of elu, …, found 'softmx'; did you mean 'softmax'?};
 * {@link #pointer()} adds the notation with a caret under the column.
 */
public final class NotationException extends IllegalArgumentException {
    private final String notation;
    private final int column;
    private final String expected;
    private final String found;
    private final String hint;
    private final Kind<?> unknownKind;

    public NotationException(String notation, String subject, int column, String expected, String found, String hint) {
        this(notation, subject, column, expected, found, hint, null);
    }

    /** A name that is no concept of {@code unknownKind} (null for any other problem). */
    public NotationException(String notation, String subject, int column, String expected, String found, String hint,
                             Kind<?> unknownKind) {
        super(subject + ", column " + column + ": expected " + expected + ", found " + found
                + (hint == null || hint.isEmpty() ? "" : "; " + hint));
        this.notation = notation;
        this.column = column;
        this.expected = expected;
        this.found = found;
        this.hint = hint == null ? "" : hint;
        this.unknownKind = unknownKind;
    }

    /** The kind whose concepts do not include the name found, when that is the problem; else null. */
    public Kind<?> unknownKind() {
        return unknownKind;
    }

    /** 1-based column of the problem. */
    public int column() {
        return column;
    }

    /** What would have been right at the column. */
    public String expected() {
        return expected;
    }

    /** What is there, as written ({@code 'softmx'}, {@code the end of the notation}). */
    public String found() {
        return found;
    }

    /** What to do, or an empty string. */
    public String hint() {
        return hint;
    }

    /** The notation read. */
    public String notation() {
        return notation;
    }

    /** The notation on one line and a caret under the offending column on the next. */
    public String pointer() {
        return notation + System.lineSeparator() + " ".repeat(Math.max(0, column - 1)) + "^";
    }
}
