package mlpkit.core.concept;

/**
 * A concept's arguments that do not fit it, or a name that is no concept. The message is one line:
 * {@code elu: alpha must be a number > 0, got -1.0; the value of f for z → −∞ is −α}. The parts are kept
 * so that callers can put the problem where the user wrote it (a JSON path, a notation column):
 * {@link #parameter()} (null when the problem is not one argument's), {@link #expected()},
 * {@link #got()} and {@link #hint()}.
 */
public final class ConceptException extends IllegalArgumentException {
    private final String parameter;
    private final String expected;
    private final String got;
    private final String hint;

    public ConceptException(String subject, String parameter, String expected, String got, String hint) {
        super(subject + ": " + (parameter == null ? "" : parameter + " ") + "must be " + expected + ", got " + got
                + (hint == null || hint.isEmpty() ? "" : "; " + hint));
        this.parameter = parameter;
        this.expected = expected;
        this.got = got;
        this.hint = hint == null ? "" : hint;
    }

    /** A problem that is not about one argument: an unknown name, a wrong number of arguments. */
    public ConceptException(String message, String expected, String got, String hint) {
        super(message);
        this.parameter = null;
        this.expected = expected;
        this.got = got;
        this.hint = hint == null ? "" : hint;
    }

    /** The argument at fault, or null. */
    public String parameter() {
        return parameter;
    }

    /** What would have been right: {@code a number > 0}, {@code one of elu, gelu, …}. */
    public String expected() {
        return expected;
    }

    /** What was given, as written: {@code -1.0}, {@code 'softmx'}. */
    public String got() {
        return got;
    }

    /** What to do, or an empty string. */
    public String hint() {
        return hint;
    }
}
