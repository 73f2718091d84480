package mlpkit.core.distributed;

/**
 * How an engine scales the features it loads, fitted on the training rows only and applied to every row before
 * training: x ↦ (x − shift) / scale per column (the shift and scale arrays of {@link LoadedRows}).
 */
public enum InputScaling {
    /** Features as they are. */
    NONE("none"),
    /**
     * As data's {@code StandardScaler}: shift = the column mean, scale = the population standard deviation (ddof 0),
     * 1 for a constant column.
     */
    STANDARD("standard"),
    /**
     * As data's {@code MinMaxScaler} onto [0, 1]: shift = the column minimum, scale = max − min (1 for a constant
     * column, range below 10·ε); applied as data's does it, x · (1 / range) − min · (1 / range).
     */
    MINMAX("minmax");

    private final String notation;

    InputScaling(String notation) {
        this.notation = notation;
    }

    /** The scaling as users write it. */
    public String notation() {
        return notation;
    }

    /** The scaling written as {@code text}; else an error listing the choices. */
    public static InputScaling parse(String text) {
        for (InputScaling scaling : values()) {
            if (scaling.notation.equals(text)) {
                return scaling;
            }
        }
        throw new IllegalArgumentException("unknown input scaling '" + text + "': expected one of none, standard, minmax");
    }
}
