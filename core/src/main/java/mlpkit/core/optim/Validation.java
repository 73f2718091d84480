package mlpkit.core.optim;

/**
 * Argument checks shared by the optimisers and schedules. Every failure is an
 * {@link IllegalArgumentException} whose message names the parameter, the value received,
 * the valid range and what to do, in the form
 * {@code "<name> must be in <range> but was <value>; <hint>"}.
 */
final class Validation {

    private Validation() {
    }

    /** Checks {@code 0 < value < +inf}. */
    static double positive(String name, double value, String hint) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw fail(name, mlpkit.core.concept.Param.number(value), "(0, +inf)", hint);
        }
        return value;
    }

    /** Checks {@code 0 <= value < +inf}. */
    static double nonNegative(String name, double value, String hint) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw fail(name, mlpkit.core.concept.Param.number(value), "[0, +inf)", hint);
        }
        return value;
    }

    /** Checks {@code 0 <= value < 1}. */
    static double zeroInclusiveOneExclusive(String name, double value, String hint) {
        if (!(value >= 0 && value < 1)) {
            throw fail(name, mlpkit.core.concept.Param.number(value), "[0, 1)", hint);
        }
        return value;
    }

    /** Checks {@code 0 < value <= 1}. */
    static double zeroExclusiveOneInclusive(String name, double value, String hint) {
        if (!(value > 0 && value <= 1)) {
            throw fail(name, mlpkit.core.concept.Param.number(value), "(0, 1]", hint);
        }
        return value;
    }

    /** Checks {@code value >= 1}. */
    static int atLeastOne(String name, int value, String hint) {
        if (value < 1) {
            throw fail(name, Integer.toString(value), "[1, " + Integer.MAX_VALUE + "]", hint);
        }
        return value;
    }

    /** The learning rate handed to {@code step} or to a schedule. */
    static double learningRate(String name, double value) {
        return positive(name, value,
                "pass a positive, finite step size such as 0.01 (check the schedule feeding it)");
    }

    /** The 0-based epoch handed to a schedule. */
    static int epoch(int epoch) {
        if (epoch < 0) {
            throw fail("epoch", Integer.toString(epoch), "[0, " + Integer.MAX_VALUE + "]",
                    "epochs are counted from 0; pass the index of the epoch that is starting");
        }
        return epoch;
    }

    static IllegalArgumentException fail(String name, String value, String range, String hint) {
        return new IllegalArgumentException(
                name + " must be in " + range + " but was " + value + "; " + hint);
    }
}
