package mlpkit.core.distributed;

/**
 * How a label column becomes the network's targets: one output per class (one-hot), one 0/1 output for two classes,
 * or the values themselves (regression). Scoring predicts a class as the largest output (the first on ties) under
 * {@link #ONE_HOT} and as class 1 when the single output is at least {@value #BINARY_THRESHOLD} under {@link #BINARY}.
 */
public enum TargetLayout {
    /** k columns for k classes, 1 in the label's column, 0 elsewhere (softmax outputs). */
    ONE_HOT("one-hot"),
    /** One column holding 0 or 1, for exactly two classes (one sigmoid output). */
    BINARY("binary"),
    /** The label's numeric value(s) as they are (regression). */
    VALUES("values");

    /** The single output at or above which {@link #BINARY} predicts class 1. */
    public static final double BINARY_THRESHOLD = 0.5;

    private final String notation;

    TargetLayout(String notation) {
        this.notation = notation;
    }

    /** The layout as users write it. */
    public String notation() {
        return notation;
    }

    /** Whether the label names classes (one-hot or binary) rather than values. */
    public boolean classes() {
        return this != VALUES;
    }

    /** The layout written as {@code text}; else an error listing the layouts. */
    public static TargetLayout parse(String text) {
        for (TargetLayout layout : values()) {
            if (layout.notation.equals(text)) {
                return layout;
            }
        }
        throw new IllegalArgumentException("unknown target layout '" + text + "': expected one of one-hot, binary, values");
    }
}
