package mlpkit.spark;

import org.apache.spark.Partitioner;

/**
 * Row id i of n goes to the partition p with ⌊p · n / k⌋ ≤ i &lt; ⌊(p + 1) · n / k⌋, that is p = ⌊((i + 1) · k − 1) / n⌋:
 * k contiguous ranges of ids, exactly as {@code distribute} splits rows. Ranges are over all row ids; training and
 * validation rows are told apart afterwards, inside each range.
 */
final class RowIdRanges extends Partitioner {
    private static final long serialVersionUID = 1L;

    private final long rows;
    private final int partitions;

    RowIdRanges(long rows, int partitions) {
        this.rows = rows;
        this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    @Override
    public int getPartition(Object key) {
        long id = (Long) key;
        return (int) (((id + 1) * partitions - 1) / rows);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowIdRanges r && r.rows == rows && r.partitions == partitions;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(rows) * 31 + partitions;
    }
}
