package mlpkit.spark;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import mlpkit.data.csv.DecimalTextKt;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * The statistics of one column that need more than a pass of sums, each a Spark job over the present fields (the
 * rows never come to the driver): numpy's median by the ranks of the sorted values, the most frequent value (ties
 * to the smallest, as scikit-learn's {@code SimpleImputer}) and the sorted distinct texts (a column's categories).
 */
final class ColumnQueries {
    private final JavaRDD<Row> rows;
    private final List<String> tokens;

    /** Queries on {@code rows} (fields are the columns in order) whose missing texts are {@code tokens}. */
    ColumnQueries(JavaRDD<Row> rows, List<String> tokens) {
        this.rows = rows;
        this.tokens = List.copyOf(tokens);
    }

    private JavaRDD<String> present(int column) {
        List<String> missing = tokens;
        return rows.mapPartitions(it -> {
            Set<String> set = new HashSet<>(missing);
            List<String> out = new java.util.ArrayList<>();
            while (it.hasNext()) {
                String text = CellText.of(it.next().get(column));
                if (text != null && !set.contains(text)) {
                    out.add(text);
                }
            }
            return out.iterator();
        });
    }

    private JavaRDD<Double> numbers(int column) {
        return present(column).map(DecimalTextKt::parseDecimalOrNull);
    }

    /**
     * numpy's median of the {@code count} present numbers of {@code column}: the middle one, or the mean of the two
     * middle ones, picked by rank after a distributed sort.
     */
    double median(int column, long count) {
        long low = (count - 1) / 2;
        long high = count / 2;
        List<Double> middle = numbers(column).sortBy(v -> v, true, rows.getNumPartitions()).zipWithIndex()
                .filter(t -> t._2() == low || t._2() == high).map(Tuple2::_1).collect();
        return middle.size() == 1 ? middle.get(0) : (middle.get(0) + middle.get(1)) / 2.0;
    }

    /** The most frequent present number of {@code column}, the smallest on ties. */
    double mostFrequentNumber(int column) {
        return mostFrequent(numbers(column));
    }

    /** The most frequent present text of {@code column}, the smallest on ties. */
    String mostFrequentText(int column) {
        return mostFrequent(present(column));
    }

    private static <T extends Comparable<T>> T mostFrequent(JavaRDD<T> values) {
        return values.mapToPair(v -> new Tuple2<>(v, 1L)).reduceByKey(Long::sum)
                .reduce((a, b) -> a._2() > b._2() || (a._2().equals(b._2()) && a._1().compareTo(b._1()) < 0) ? a : b)._1();
    }

    /** The distinct present texts of {@code column}, sorted. */
    TreeSet<String> distinct(int column) {
        return new TreeSet<>(present(column).distinct().collect());
    }
}
