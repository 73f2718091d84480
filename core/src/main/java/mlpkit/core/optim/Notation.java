package mlpkit.core.optim;

/**
 * Builds the compact, call-like notation used by {@code notation()}, e.g.
 * {@code sgd(momentum=0.9, nesterov=true)}, and formats numbers the way a person would type
 * them ({@code 0.9}, {@code 1e-8}, {@code 10}).
 */
final class Notation {

    private final StringBuilder text;
    private boolean first = true;

    Notation(String name) {
        text = new StringBuilder(name).append('(');
    }

    Notation add(String key, double value) {
        return add(key, number(value));
    }

    Notation add(String key, int value) {
        return add(key, Integer.toString(value));
    }

    Notation add(String key, boolean value) {
        return add(key, Boolean.toString(value));
    }

    Notation add(String key, String value) {
        if (!first) {
            text.append(", ");
        }
        first = false;
        text.append(key).append('=').append(value);
        return this;
    }

    @Override
    public String toString() {
        return text + ")";
    }

    /**
     * Shortest readable form of a double: {@code 1.0 -> "1"}, {@code 0.9 -> "0.9"},
     * {@code 1.0E-8 -> "1e-8"}, {@code 2.5E-5 -> "2.5e-5"}.
     */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        String s = Double.toString(value);
        int e = s.indexOf('E');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return e < 0 ? mantissa : mantissa + "e" + s.substring(e + 1);
    }
}
