package mlpkit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function2;

/**
 * What one pass over the loaded records found, merged over partitions with {@code treeAggregate}: row counts
 * (all, validation), the rows with each {@link RowProblem} (count, first row id), the feature and target widths
 * seen (count, first row id), the distinct class texts with their training rows (at most {@link ClassNumbering#MAX_CLASSES} + 1
 * texts kept) and the
 * training rows' {@link ColumnStats}. {@link #refuse} turns it into the first error, if any.
 */
final class LoadCheck implements Serializable {
    private static final long serialVersionUID = 1L;

    long rows;
    long validationRows;
    final HashMap<String, long[]> problems = new HashMap<>();
    final HashMap<String, RowProblem> problemKinds = new HashMap<>();
    final HashMap<String, Double> firstValues = new HashMap<>();
    final TreeMap<Integer, long[]> widths = new TreeMap<>();
    final TreeMap<Integer, long[]> targetWidths = new TreeMap<>();
    /** Each distinct class text's number of training rows (0 when only validation rows have it). */
    final HashMap<String, long[]> labels = new HashMap<>();
    ColumnStats training;

    /** Counts {@code record}; {@code validation} says which set it is in; {@code stats} whether to fit scaling statistics. */
    void add(LoadRecord record, boolean validation, boolean stats) {
        rows++;
        if (validation) {
            validationRows++;
        }
        if (record.problem != null) {
            String key = record.problem.key();
            long[] seen = problems.get(key);
            if (seen == null) {
                problems.put(key, new long[] {1, record.id});
                problemKinds.put(key, record.problem);
                firstValues.put(key, record.problem.value);
            } else {
                seen[0]++;
                if (record.id < seen[1]) {
                    seen[1] = record.id;
                    firstValues.put(key, record.problem.value);
                }
            }
            return;
        }
        count(widths, record.x.length, record.id);
        if (record.values != null) {
            count(targetWidths, record.values.length, record.id);
        }
        if (record.label != null && (labels.size() <= ClassNumbering.MAX_CLASSES || labels.containsKey(record.label))) {
            labels.computeIfAbsent(record.label, text -> new long[1])[0] += validation ? 0 : 1;
        }
        if (stats && !validation) {
            if (training == null) {
                training = new ColumnStats(record.x.length);
            }
            if (training.mean.length == record.x.length) {
                training.add(record.x);
            }
        }
    }

    private static void count(TreeMap<Integer, long[]> widths, int width, long id) {
        long[] seen = widths.computeIfAbsent(width, w -> new long[] {0, Long.MAX_VALUE});
        seen[0]++;
        seen[1] = Math.min(seen[1], id);
    }

    /** Adds {@code other}'s findings to these. */
    LoadCheck merge(LoadCheck other) {
        rows += other.rows;
        validationRows += other.validationRows;
        other.problems.forEach((key, seen) -> {
            long[] mine = problems.get(key);
            if (mine == null) {
                problems.put(key, seen);
                problemKinds.put(key, other.problemKinds.get(key));
                firstValues.put(key, other.firstValues.get(key));
            } else {
                mine[0] += seen[0];
                if (seen[1] < mine[1]) {
                    mine[1] = seen[1];
                    firstValues.put(key, other.firstValues.get(key));
                }
            }
        });
        mergeWidths(widths, other.widths);
        mergeWidths(targetWidths, other.targetWidths);
        other.labels.forEach((label, count) -> {
            if (labels.size() <= ClassNumbering.MAX_CLASSES || labels.containsKey(label)) {
                labels.computeIfAbsent(label, text -> new long[1])[0] += count[0];
            }
        });
        if (training == null) {
            training = other.training;
        } else if (other.training != null && other.training.mean.length == training.mean.length) {
            training.merge(other.training);
        }
        return this;
    }

    private static void mergeWidths(TreeMap<Integer, long[]> mine, TreeMap<Integer, long[]> theirs) {
        theirs.forEach((width, seen) -> {
            long[] m = mine.computeIfAbsent(width, w -> new long[] {0, Long.MAX_VALUE});
            m[0] += seen[0];
            m[1] = Math.min(m[1], seen[1]);
        });
    }

    /**
     * Throws the first problem found, in this order: no rows; null or NaN features, labels, weights; negative
     * weights; features (then targets) of unequal width; a label column of more than {@link ClassNumbering#MAX_CLASSES}
     * texts. {@code source} names the data.
     */
    void refuse(String source, String featureColumn, String labelColumn) {
        if (rows == 0) {
            throw new IllegalArgumentException(source + " has no rows: expected at least one row to train on; check the path or the filter");
        }
        List<String> keys = new ArrayList<>(problems.keySet());
        Collections.sort(keys);
        if (!keys.isEmpty()) {
            String key = keys.get(0);
            RowProblem problem = problemKinds.get(key);
            long[] seen = problems.get(key);
            String value = problem.kind == RowProblem.Kind.NEGATIVE_WEIGHT ? ", " + firstValues.get(key) : "";
            throw new IllegalArgumentException("column '" + problem.column + "' of " + source + " has " + seen[0] + (seen[0] == 1 ? " row" : " rows")
                    + " with " + problem.kind.what + " (the first is row " + seen[1] + value + "): " + problem.kind.remedy);
        }
        unequal(widths, "features column '" + featureColumn + "'", source);
        unequal(targetWidths, "label column '" + labelColumn + "'", source);
        if (labels.size() > ClassNumbering.MAX_CLASSES) {
            throw new IllegalArgumentException("label column '" + labelColumn + "' of " + source + " holds more than " + ClassNumbering.MAX_CLASSES
                    + " distinct labels: is this the label column? At most " + ClassNumbering.MAX_CLASSES + " classes are supported");
        }
    }

    private void unequal(TreeMap<Integer, long[]> widths, String what, String source) {
        if (widths.size() < 2) {
            return;
        }
        Map.Entry<Integer, long[]> expected = null;
        Map.Entry<Integer, long[]> other = null;
        for (Map.Entry<Integer, long[]> e : widths.entrySet()) {
            if (expected == null || e.getValue()[1] < expected.getValue()[1]) {
                expected = e;
            }
        }
        long differing = 0;
        for (Map.Entry<Integer, long[]> e : widths.entrySet()) {
            if (e != expected) {
                differing += e.getValue()[0];
                if (other == null || e.getValue()[1] < other.getValue()[1]) {
                    other = e;
                }
            }
        }
        throw new IllegalArgumentException("the " + what + " of " + source + " holds arrays of unequal length: expected " + expected.getKey()
                + " values (as row " + expected.getValue()[1] + "), got " + other.getKey() + " in row " + other.getValue()[1] + " ("
                + differing + (differing == 1 ? " row differs" : " rows differ") + "): give every row the same number of values");
    }

    /** One partition's check. */
    static final class Partition implements FlatMapFunction<Iterator<LoadRecord>, LoadCheck> {
        private static final long serialVersionUID = 1L;
        private final ValidationSplit split;
        private final boolean stats;

        Partition(ValidationSplit split, boolean stats) {
            this.split = split;
            this.stats = stats;
        }

        @Override
        public Iterator<LoadCheck> call(Iterator<LoadRecord> records) {
            LoadCheck check = new LoadCheck();
            while (records.hasNext()) {
                LoadRecord record = records.next();
                check.add(record, split.validation(record.id), stats);
            }
            return Collections.singletonList(check).iterator();
        }
    }

    /** Merges two checks for {@code treeAggregate} with a null zero. */
    static final class Merge implements Function2<LoadCheck, LoadCheck, LoadCheck> {
        private static final long serialVersionUID = 1L;

        @Override
        public LoadCheck call(LoadCheck left, LoadCheck right) {
            return left == null ? right : right == null ? left : left.merge(right);
        }
    }
}
