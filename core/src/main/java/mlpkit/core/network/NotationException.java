package mlpkit.core.network;

/**
 * A network notation that cannot be read: says where (1-based column), what was expected and what was found.
 * {@link #getMessage()} is one line; {@link #pointer()} adds the notation with a caret under the column.
 */
public final class NotationException extends IllegalArgumentException {
    private final String notation;
    private final int column;

    public NotationException(String notation, int column, String problem) {
        super("network notation, column " + column + ": " + problem);
        this.notation = notation;
        this.column = column;
    }

    /** 1-based column of the problem. */
    public int column() {
        return column;
    }

    /** The notation on one line and a caret under the offending column on the next. */
    public String pointer() {
        return notation + System.lineSeparator() + " ".repeat(Math.max(0, column - 1)) + "^";
    }
}
