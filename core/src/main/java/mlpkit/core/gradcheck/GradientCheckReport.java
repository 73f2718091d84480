package mlpkit.core.gradcheck;

import java.util.List;
import java.util.Locale;

/** The result of a {@link GradientCheck}: a row per tensor and per layer, printable as a table. */
public record GradientCheckReport(String notation, String loss, String reduction, List<GradientCheckRow> rows) {
    public GradientCheckReport {
        rows = List.copyOf(rows);
    }

    /** The largest relative error of any tensor (the layer rows combine tensors and cannot exceed it). */
    public double maxRelativeError() {
        double max = 0;
        for (GradientCheckRow row : rows) {
            max = Math.max(max, Double.isNaN(row.relativeError()) ? Double.POSITIVE_INFINITY : row.relativeError());
        }
        return max;
    }

    /** Whether every relative error is at most {@code tolerance}. */
    public boolean passes(double tolerance) {
        return maxRelativeError() <= tolerance;
    }

    /** The rows as an aligned text table, ending with {@code max relative error: <x>}. */
    public String table() {
        int width = "layer".length();
        for (GradientCheckRow row : rows) {
            width = Math.max(width, row.layerNotation().length());
        }
        StringBuilder s = new StringBuilder();
        String format = "%-5s  %-" + width + "s  %-6s  %7s  %12s  %12s  %14s%n";
        s.append(String.format(Locale.ROOT, format, "#", "layer", "tensor", "entries", "|analytic|", "|numeric|",
                "relative error"));
        for (GradientCheckRow row : rows) {
            s.append(String.format(Locale.ROOT, format, row.layerIndex(), row.layerNotation(), row.tensor(),
                    row.entriesChecked(), sci(row.analyticNorm()), sci(row.numericNorm()), sci(row.relativeError())));
        }
        s.append("max relative error: ").append(sci(maxRelativeError()));
        return s.toString();
    }

    private static String sci(double value) {
        return String.format(Locale.ROOT, "%.3e", value);
    }

    @Override
    public String toString() {
        return table();
    }
}
