package mlpkit.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import mlpkit.data.csv.DecimalTextKt;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * The statistics that need more than a pass of sums, for all the columns that need them at once (the rows never
 * come to the driver): numpy's median by the ranks of one distributed sort of (column, value) keys, and from one
 * count per (column, value) the most frequent value (ties to the smallest, as scikit-learn's {@code SimpleImputer})
 * and the sorted distinct texts (the categories). Each batch runs on the first request of its kind.
 */
final class ColumnQueries {
    private final JavaRDD<Row> rows;
    private final List<String> tokens;
    private final Set<Integer> medianColumns;
    private final long[] present;
    private final Map<Integer, Boolean> counted;
    private Map<Integer, Double> medians;
    private JavaPairRDD<ColumnKey, Long> counts;

    /**
     * Queries on {@code rows} (fields are the columns in order; {@code tokens} the missing texts) for the medians of
     * {@code medianColumns}, whose present counts are {@code present}, and counts of the columns in {@code counted}
     * (true: read as numbers, false: as texts).
     */
    ColumnQueries(JavaRDD<Row> rows, List<String> tokens, Set<Integer> medianColumns, long[] present, Map<Integer, Boolean> counted) {
        this.rows = rows;
        this.tokens = List.copyOf(tokens);
        this.medianColumns = Set.copyOf(medianColumns);
        this.present = present.clone();
        this.counted = Map.copyOf(counted);
    }

    /** The present values of {@code columns} as keys: numbers where {@code numeric} says so, texts otherwise. */
    private JavaRDD<ColumnKey> keys(Map<Integer, Boolean> numeric) {
        List<String> missing = tokens;
        return rows.mapPartitions(it -> {
            Set<String> set = new HashSet<>(missing);
            List<ColumnKey> out = new ArrayList<>();
            while (it.hasNext()) {
                Row row = it.next();
                for (Map.Entry<Integer, Boolean> column : numeric.entrySet()) {
                    String text = CellText.of(row.get(column.getKey()));
                    if (text != null && !set.contains(text)) {
                        out.add(new ColumnKey(column.getKey(), column.getValue() ? DecimalTextKt.parseDecimalOrNull(text) : text));
                    }
                }
            }
            return out.iterator();
        });
    }

    /** numpy's median of the present numbers of {@code column}: the middle one, or the mean of the two middle ones. */
    double median(int column) {
        if (medians == null) {
            Map<Integer, Boolean> numeric = new HashMap<>();
            Set<Long> ranks = new HashSet<>();
            long offset = 0;
            for (int c : new TreeSet<>(medianColumns)) {
                if (present[c] == 0) {
                    continue;
                }
                numeric.put(c, true);
                ranks.add(offset + (present[c] - 1) / 2);
                ranks.add(offset + present[c] / 2);
                offset += present[c];
            }
            List<ColumnKey> middle = keys(numeric).sortBy(k -> k, true, rows.getNumPartitions()).zipWithIndex()
                    .filter(t -> ranks.contains(t._2())).map(Tuple2::_1).collect();
            Map<Integer, List<Double>> byColumn = new HashMap<>();
            for (ColumnKey key : middle) {
                byColumn.computeIfAbsent(key.column, c -> new ArrayList<>()).add((Double) (Object) key.value);
            }
            medians = new HashMap<>();
            byColumn.forEach((c, values) -> medians.put(c, values.size() == 1 ? values.get(0) : (values.get(0) + values.get(1)) / 2.0));
        }
        return medians.get(column);
    }

    private JavaPairRDD<ColumnKey, Long> counts() {
        if (counts == null) {
            counts = keys(counted).mapToPair(k -> new Tuple2<>(k, 1L)).reduceByKey(Long::sum);
        }
        return counts;
    }

    /** The most frequent present value of {@code column} (a Double or a String), the smallest on ties. */
    Object mostFrequent(int column) {
        return counts().filter(t -> t._1().column == column)
                .reduce((a, b) -> a._2() > b._2() || (a._2().equals(b._2()) && a._1().compareTo(b._1()) < 0) ? a : b)._1().value;
    }

    /** The distinct present texts of {@code column}, sorted. */
    TreeSet<String> distinct(int column) {
        TreeSet<String> sorted = new TreeSet<>();
        for (ColumnKey key : counts().keys().filter(k -> k.column == column).collect()) {
            sorted.add((String) (Object) key.value);
        }
        return sorted;
    }
}
