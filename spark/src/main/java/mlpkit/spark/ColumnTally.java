package mlpkit.spark;

import java.io.Serializable;
import java.util.Iterator;
import java.util.Set;
import mlpkit.data.csv.DecimalTextKt;
import org.apache.spark.sql.Row;

/**
 * One pass of statistics per column over a partition's rows (merged across partitions on the way to the driver):
 * how many rows, and per column how many fields are missing (null or a missing token), how many present fields are
 * not numbers (and the smallest such text, for messages: the same whatever the partitions), and the sum, minimum and maximum of the present numbers.
 */
final class ColumnTally implements Serializable {
    private static final long serialVersionUID = 1L;

    long rows;
    final long[] missing;
    final long[] nonNumbers;
    final String[] smallestNonNumber;
    final double[] sum;
    final double[] min;
    final double[] max;

    private ColumnTally(int columns) {
        missing = new long[columns];
        nonNumbers = new long[columns];
        smallestNonNumber = new String[columns];
        sum = new double[columns];
        min = new double[columns];
        max = new double[columns];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    /** The tally of {@code rows}, whose fields are the columns in order; {@code tokens} are the missing texts. */
    static ColumnTally of(Iterator<Row> rows, int columns, Set<String> tokens) {
        ColumnTally tally = new ColumnTally(columns);
        while (rows.hasNext()) {
            Row row = rows.next();
            tally.rows++;
            for (int c = 0; c < columns; c++) {
                String text = CellText.of(row.get(c));
                if (text == null || tokens.contains(text)) {
                    tally.missing[c]++;
                    continue;
                }
                Double value = DecimalTextKt.parseDecimalOrNull(text);
                if (value == null) {
                    if (tally.nonNumbers[c]++ == 0 || text.compareTo(tally.smallestNonNumber[c]) < 0) {
                        tally.smallestNonNumber[c] = text;
                    }
                    continue;
                }
                double x = value;
                tally.sum[c] += x;
                if (x < tally.min[c]) {
                    tally.min[c] = x;
                }
                if (x > tally.max[c]) {
                    tally.max[c] = x;
                }
            }
        }
        return tally;
    }

    /** Both tallies in one ({@code null} is the empty tally); this one is reused. */
    static ColumnTally merge(ColumnTally a, ColumnTally b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        a.rows += b.rows;
        for (int c = 0; c < a.sum.length; c++) {
            a.missing[c] += b.missing[c];
            if (a.nonNumbers[c] == 0 || (b.nonNumbers[c] > 0 && b.smallestNonNumber[c].compareTo(a.smallestNonNumber[c]) < 0)) {
                a.smallestNonNumber[c] = b.smallestNonNumber[c];
            }
            a.nonNumbers[c] += b.nonNumbers[c];
            a.sum[c] += b.sum[c];
            if (b.min[c] < a.min[c]) {
                a.min[c] = b.min[c];
            }
            if (b.max[c] > a.max[c]) {
                a.max[c] = b.max[c];
            }
        }
        return a;
    }

    /** The number of present fields of column {@code c}. */
    long present(int c) {
        return rows - missing[c];
    }
}
