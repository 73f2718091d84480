package mlpkit.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function2;
import scala.Tuple2;

/**
 * Merges partial results (at most one per partition) in partition order, so that floating-point sums come out the
 * same on every run. Spark's {@code treeAggregate} merges results in the order tasks finish; with three or more
 * partitions, (a + b) + c and (a + c) + b may differ in the last bit, and a run would not repeat exactly.
 *
 * <p>Below {@value #TREE_PARTITIONS} partitions the driver collects the results (in partition order) and folds them
 * left to right. From there on, partitions form groups of ⌈√P⌉ consecutive ones; each group is folded in partition
 * order on an executor and the driver folds the groups in order: a two-level tree, as {@code treeAggregate} of depth
 * 2, that holds at most ⌈√P⌉ results in one place. {@code merge} may reuse its left operand; null is the empty result.
 */
final class OrderedSums {
    /** From this many partitions on, results meet in groups on the executors instead of all on the driver. */
    static final int TREE_PARTITIONS = 8;

    private OrderedSums() {
    }

    /** {@code partials}' results merged in partition order; null when no partition produced one. */
    static <T> T merge(JavaRDD<T> partials, Function2<T, T, T> merge) {
        int partitions = partials.getNumPartitions();
        if (partitions < TREE_PARTITIONS) {
            return fold(partials.collect(), merge);
        }
        int group = (int) Math.ceil(Math.sqrt(partitions));
        int groups = (partitions + group - 1) / group;
        List<Tuple2<Integer, T>> merged = partials
                .mapPartitionsWithIndex((index, results) -> {
                    List<Tuple2<Integer, Tuple2<Integer, T>>> keyed = new ArrayList<>(1);
                    results.forEachRemaining(result -> keyed.add(new Tuple2<>(index / group, new Tuple2<>(index, result))));
                    return keyed.iterator();
                }, true)
                .mapToPair(keyed -> keyed)
                .groupByKey(groups)
                .mapValues(members -> {
                    List<Tuple2<Integer, T>> ordered = new ArrayList<>();
                    members.forEach(ordered::add);
                    ordered.sort(Comparator.comparing(Tuple2::_1));
                    List<T> results = new ArrayList<>(ordered.size());
                    ordered.forEach(member -> results.add(member._2()));
                    return fold(results, merge);
                })
                .collect();
        List<Tuple2<Integer, T>> ordered = new ArrayList<>(merged);
        ordered.sort(Comparator.comparing(Tuple2::_1));
        List<T> results = new ArrayList<>(ordered.size());
        ordered.forEach(member -> results.add(member._2()));
        return fold(results, merge);
    }

    private static <T> T fold(List<T> results, Function2<T, T, T> merge) {
        T sum = null;
        for (T result : results) {
            try {
                sum = sum == null ? result : result == null ? sum : merge.call(sum, result);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("merging partial results failed: " + e.getMessage(), e);
            }
        }
        return sum;
    }
}
