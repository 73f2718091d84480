package mlpkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/**
 * Sums whose value depends on the order of the additions (1 + 1e16 − 1e16 is 0 left to right, 1 right to left), with
 * the first partition finishing last: the result is the partition-order one all the same.
 */
class OrderedSumsTest {
    private static final double[] VALUES = {1.0, 1e16, -1e16, 1.0, 3.0, -1e16, 1e16, 5.0, 1e16, 1.0, -1e16, 7.0, 2.0};

    private final JavaSparkContext context = JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext());

    /** One single-value vector per partition; partition 0 finishes 150 ms late, after all the others on local[2]'s second core. */
    private JavaRDD<double[]> partials(int partitions) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
            indices.add(i);
        }
        return context.parallelize(indices, partitions).mapPartitionsWithIndex((index, it) -> {
            if (index == 0) {
                Thread.sleep(150);
            }
            return Collections.singletonList(new double[] {VALUES[index]}).iterator();
        }, true);
    }

    private static double leftToRight(int from, int to) {
        double sum = VALUES[from];
        for (int i = from + 1; i < to; i++) {
            sum += VALUES[i];
        }
        return sum;
    }

    @Test
    void fewPartitionsAreAddedOnTheDriverInPartitionOrderWhicheverFinishesFirst() {
        assertEquals(0.0, leftToRight(0, 3));
        assertEquals(1.0, (VALUES[2] + VALUES[1]) + VALUES[0], "the values must tell the orders apart");
        for (int run = 0; run < 2; run++) {
            assertEquals(0.0, OrderedSums.merge(partials(3), new SumVectors())[0]);
        }
    }

    @Test
    void manyPartitionsAreAddedInGroupsOfConsecutivePartitionsThenGroupByGroup() {
        // 13 partitions: groups of ⌈√13⌉ = 4, i.e. partitions 0–3, 4–7, 8–11, 12.
        double expected = leftToRight(0, 4) + leftToRight(4, 8) + leftToRight(8, 12) + VALUES[12];
        double reversed = 0;
        for (int i = VALUES.length - 1; i >= 0; i--) {
            reversed += VALUES[i];
        }
        assertEquals(19.0, expected);
        assertEquals(17.0, reversed, "the values must tell the orders apart");
        for (int run = 0; run < 2; run++) {
            assertEquals(expected, OrderedSums.merge(partials(13), new SumVectors())[0]);
        }
    }

    @Test
    void partitionsWithoutAResultAreLeftOutAndNoResultAtAllIsNull() {
        JavaRDD<double[]> none = context.parallelize(List.of(1, 2, 3), 3).mapPartitions(it -> Collections.<double[]>emptyIterator());
        assertNull(OrderedSums.merge(none, new SumVectors()));
        JavaRDD<double[]> some = context.parallelize(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8), 9).mapPartitionsWithIndex((index, it) ->
                index % 2 == 0 ? Collections.<double[]>emptyIterator() : Collections.singletonList(new double[] {VALUES[index]}).iterator(), true);
        // groups of ⌈√9⌉ = 3: partitions 0–2 give VALUES[1], 3–5 give VALUES[3] + VALUES[5], 6–8 give VALUES[7]
        assertEquals((VALUES[1] + (VALUES[3] + VALUES[5])) + VALUES[7], OrderedSums.merge(some, new SumVectors())[0]);
    }
}
