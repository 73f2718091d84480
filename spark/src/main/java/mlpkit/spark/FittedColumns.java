package mlpkit.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import mlpkit.data.csv.DecimalTextKt;
import mlpkit.data.scaling.MinMaxScaler;
import mlpkit.data.table.ColumnOptions;
import mlpkit.data.table.ColumnRole;
import mlpkit.data.table.ColumnScaling;
import mlpkit.data.table.FittedColumn;
import mlpkit.data.table.Imputation;

/**
 * One column's fit on the driver from the executors' statistics, by {@code ColumnPipeline.fit}'s rules: the role
 * (chosen, or categorical when a present field is not a number), the fill (mean, numpy's median, most frequent,
 * constant, or none), and the categories (sorted, with the fill when a row needed it) or the scaling. A standard
 * scaler needs one more pass ({@link StandardColumns}): its column is returned with the scaling and no scaler yet.
 */
final class FittedColumns {
    private FittedColumns() {
    }

    /** The column's role: chosen, or inferred as {@code ColumnRole.infer} does (categorical when a present field is not a number). */
    static ColumnRole role(ColumnOptions options, ColumnTally tally, int c) {
        if (options.getRole() != null) {
            return options.getRole();
        }
        return tally.nonNumbers[c] > 0 ? ColumnRole.CATEGORICAL : ColumnRole.NUMERIC;
    }

    static FittedColumn fit(String name, int c, ColumnOptions options, ColumnScaling defaultScaling, ColumnTally tally,
            ColumnQueries queries, List<String> tokens) {
        boolean inferred = options.getRole() == null;
        ColumnRole role = role(options, tally, c);
        Imputation imputation = options.getMissing();
        long present = tally.present(c);
        if (imputation != Imputation.REFUSE && imputation != Imputation.CONSTANT && present == 0) {
            throw new IllegalArgumentException("column '" + name + "': every training row is missing, so there is nothing to impute "
                    + imputation.getWord() + " from: drop the column or set \"missing\": \"constant\" with a \"fill\"");
        }
        if (imputation == Imputation.REFUSE && tally.missing[c] > 0) {
            List<String> others = new ArrayList<>(Imputation.wordsFor(role));
            others.remove(Imputation.REFUSE.getWord());
            throw new IllegalArgumentException("column '" + name + "': " + tally.missing[c] + " of " + tally.rows + " training rows are missing "
                    + "(null or one of " + SparkColumnPipeline.quoted(tokens) + "); expected a value in every row, or set \"missing\" to one of "
                    + String.join(", ", others) + " in this column's options");
        }
        if (role == ColumnRole.NUMERIC) {
            return numeric(name, c, inferred, options, defaultScaling, tally, queries);
        }
        if (!imputation.getForCategorical()) {
            throw new IllegalArgumentException("column '" + name + "' is categorical, so its missing values cannot be filled with the "
                    + imputation.getWord() + ": expected one of " + String.join(", ", Imputation.wordsFor(ColumnRole.CATEGORICAL)));
        }
        String fill = switch (imputation) {
            case MOST_FREQUENT -> (String) queries.mostFrequent(c);
            case CONSTANT -> {
                if (options.getFill() == null) {
                    throw new IllegalArgumentException("column '" + name + "': \"missing\": \"constant\" needs a \"fill\" value: add "
                            + "\"fill\": \"missing\" (or another text)");
                }
                yield options.getFill();
            }
            default -> null;
        };
        TreeSet<String> categories = queries.distinct(c);
        if (tally.missing[c] > 0) {
            categories.add(fill);
        }
        return new FittedColumn.Categorical(name, inferred, imputation, fill, new ArrayList<>(categories), options.getIgnoreUnknown());
    }

    private static FittedColumn numeric(String name, int c, boolean inferred, ColumnOptions options, ColumnScaling defaultScaling,
            ColumnTally tally, ColumnQueries queries) {
        if (tally.nonNumbers[c] > 0) {
            throw new IllegalArgumentException("column '" + name + "': expected numbers (the column is numeric" + (inferred ? "" : ", as chosen")
                    + "), but " + tally.nonNumbers[c] + " present values are not, the smallest '" + tally.smallestNonNumber[c]
                    + "': correct the values, or make the column categorical in its options");
        }
        long present = tally.present(c);
        Double fill = switch (options.getMissing()) {
            case REFUSE -> null;
            case MEAN -> tally.sum[c] / present;
            case MEDIAN -> queries.median(c);
            case MOST_FREQUENT -> (Double) queries.mostFrequent(c);
            case CONSTANT -> {
                Double number = options.getFill() == null ? null : DecimalTextKt.parseDecimalOrNull(options.getFill());
                if (number == null) {
                    throw new IllegalArgumentException("column '" + name + "': \"missing\": \"constant\" needs a number as \"fill\" for a "
                            + "numeric column, got " + (options.getFill() == null ? "none" : "'" + options.getFill() + "'")
                            + ": add \"fill\": 0 (or another number)");
                }
                yield number;
            }
        };
        ColumnScaling scaling = options.getScaling() != null ? options.getScaling() : defaultScaling;
        MinMaxScaler minMax = null;
        if (scaling == ColumnScaling.MIN_MAX) {
            double min = tally.min[c];
            double max = tally.max[c];
            if (tally.missing[c] > 0) {
                min = fill < min ? fill : min;
                max = fill > max ? fill : max;
            }
            minMax = MinMaxScaler.ofBounds(List.of(min), List.of(max));
        }
        return new FittedColumn.Numeric(name, inferred, options.getMissing(), fill, scaling, minMax);
    }
}
