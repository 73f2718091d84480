package mlpkit.spark;

import org.apache.spark.Partitioner;

/** Row id i of n goes to partition ⌊i · k / n⌋: k contiguous ranges of ids, as {@code distribute} splits rows. */
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
        return (int) (id * partitions / rows);
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
