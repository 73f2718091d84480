package mlpkit.spark;

import java.io.Serializable;

/** What is wrong with a row, by column, so that the load can count them and report the first (see {@link LoadCheck}). */
final class RowProblem implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The kinds of problem, in the order they are reported. */
    enum Kind {
        MISSING_FEATURE("a null or NaN feature", "drop or impute those rows before loading"),
        MISSING_LABEL("a null, empty or NaN label", "drop those rows before loading"),
        MISSING_WEIGHT("a null or NaN weight", "drop those rows or give them a weight"),
        NEGATIVE_WEIGHT("a negative weight", "weights must be 0 or more");

        final String what;
        final String remedy;

        Kind(String what, String remedy) {
            this.what = what;
            this.remedy = remedy;
        }
    }

    final Kind kind;
    final String column;
    final double value;

    RowProblem(Kind kind, String column, double value) {
        this.kind = kind;
        this.column = column;
        this.value = value;
    }

    /** The key rows with the same problem are counted under. */
    String key() {
        return kind.ordinal() + "\u0000" + column;
    }
}
