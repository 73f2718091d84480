package mlpkit.core.metrics;

/**
 * Argument checks shared by the metrics, so that every metric reports a bad input the same way:
 * what was expected, what was received, and what to do about it.
 */
final class Inputs {

    private Inputs() {
    }

    static <T> T requireNonNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is null but an array was expected: pass an array, not null");
        }
        return value;
    }

    static void requireSameLength(String firstName, int firstLength, String secondName, int secondLength,
                                  String remedy) {
        if (firstLength != secondLength) {
            throw new IllegalArgumentException(firstName + " has " + firstLength + " entries but " + secondName
                    + " has " + secondLength + ": " + remedy);
        }
    }

    static void requireNotEmpty(String name, int length, String metric) {
        if (length == 0) {
            throw new IllegalArgumentException(name + " is empty but " + metric
                    + " needs at least one sample: pass a non-empty array");
        }
    }

    static void requireClassLabels(String name, int[] labels) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + labels[i]
                        + " but class labels must be 0, 1, 2, ...: map each class to a non-negative index first");
            }
        }
    }

    static void requireBinaryLabels(String name, int[] labels, String metric) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + labels[i] + " but " + metric
                        + " expects binary labels 0 (negative) or 1 (positive): encode the positive class as 1"
                        + " and every other class as 0");
            }
        }
    }

    static void requireFinite(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + values[i]
                        + " but a finite number was expected: remove or replace non-finite values");
            }
        }
    }

    static int maxOf(int[] values) {
        int max = Integer.MIN_VALUE;
        for (int value : values) {
            max = Math.max(max, value);
        }
        return max;
    }
}
