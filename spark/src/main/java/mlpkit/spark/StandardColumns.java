package mlpkit.spark;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import mlpkit.data.csv.DecimalTextKt;
import mlpkit.data.scaling.StandardScaler;
import mlpkit.data.table.ColumnScaling;
import mlpkit.data.table.FittedColumn;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;

/**
 * The standard scalers of a pipeline's numeric columns, fitted on the imputed training column as
 * {@code StandardScaler.fit} does: the column sum (present values plus the fill once per missing row), then one pass
 * on the executors for the deviations Σ(x − m) and squares Σ(x − m)² from m = sum / n, then
 * {@link StandardScaler#ofSums}.
 */
final class StandardColumns {
    private StandardColumns() {
    }

    /** {@code fitted} with a scaler for every standard column that has none yet. */
    static List<FittedColumn> scale(List<FittedColumn> fitted, JavaRDD<Row> rows, ColumnTally tally, List<String> tokens) {
        List<Integer> standard = new ArrayList<>();
        for (int c = 0; c < fitted.size(); c++) {
            if (fitted.get(c) instanceof FittedColumn.Numeric numeric && numeric.getScaling() == ColumnScaling.STANDARD) {
                standard.add(c);
            }
        }
        if (standard.isEmpty()) {
            return fitted;
        }
        int k = standard.size();
        int[] at = standard.stream().mapToInt(Integer::intValue).toArray();
        double[] fills = new double[k];
        double[] sums = new double[k];
        double[] means = new double[k];
        long n = tally.rows;
        for (int i = 0; i < k; i++) {
            Double fill = ((FittedColumn.Numeric) fitted.get(at[i])).getFill();
            fills[i] = fill == null ? Double.NaN : fill;
            sums[i] = tally.sum[at[i]] + (tally.missing[at[i]] > 0 ? tally.missing[at[i]] * fills[i] : 0.0);
            means[i] = sums[i] / n;
        }
        double[] deviations = OrderedSums.merge(rows.mapPartitions(it -> {
            Set<String> missing = new HashSet<>(tokens);
            double[] out = new double[2 * k];
            while (it.hasNext()) {
                Row row = it.next();
                for (int i = 0; i < k; i++) {
                    String text = CellText.of(row.get(at[i]));
                    double x = text == null || missing.contains(text) ? fills[i] : DecimalTextKt.parseDecimalOrNull(text);
                    double deviation = x - means[i];
                    out[i] += deviation;
                    out[k + i] += deviation * deviation;
                }
            }
            return List.of(out).iterator();
        }), StandardColumns::add);
        List<FittedColumn> scaled = new ArrayList<>(fitted);
        for (int i = 0; i < k; i++) {
            FittedColumn.Numeric numeric = (FittedColumn.Numeric) fitted.get(at[i]);
            StandardScaler scaler = StandardScaler.ofSums(n, new double[] {sums[i]}, new double[] {deviations[i]},
                    new double[] {deviations[k + i]});
            scaled.set(at[i], new FittedColumn.Numeric(numeric.getName(), numeric.getInferred(), numeric.getImputation(), numeric.getFill(),
                    ColumnScaling.STANDARD, scaler));
        }
        return scaled;
    }

    private static double[] add(double[] a, double[] b) {
        if (a == null) {
            return b;
        }
        if (b != null) {
            for (int i = 0; i < a.length; i++) {
                a[i] += b[i];
            }
        }
        return a;
    }
}
