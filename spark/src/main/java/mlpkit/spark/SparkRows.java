package mlpkit.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mlpkit.core.distributed.DistributedRows;
import mlpkit.core.matrix.DenseMatrix;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;

/**
 * Rows sent once from the driver to the executors: an RDD of {@link RowBlock}s of at most {@code blockSize} rows,
 * partition p holding the rows [p·n/k, (p+1)·n/k) in order (some partitions may be empty). The RDD is persisted
 * (memory, then disk) and locally checkpointed right away, so its lineage no longer holds the driver's collection:
 * later jobs read the executors' copies and their tasks carry no rows (SPARK.md, pitfall 1). Those copies live as
 * long as their executors; losing one loses the rows (a local checkpoint cannot be recomputed).
 */
final class SparkRows implements DistributedRows {
    private final JavaRDD<RowBlock> blocks;
    private final long rows;
    private final int partitions;
    private final int inputs;
    private final int outputs;
    private final boolean weighted;

    private SparkRows(JavaRDD<RowBlock> blocks, long rows, int partitions, int inputs, int outputs, boolean weighted) {
        this.blocks = blocks;
        this.rows = rows;
        this.partitions = partitions;
        this.inputs = inputs;
        this.outputs = outputs;
        this.weighted = weighted;
    }

    /** Splits (x, y, weights) into {@code partitions} contiguous ranges of blocks and ships them once. */
    static SparkRows ship(JavaSparkContext context, DenseMatrix x, DenseMatrix y, double[] weights, int partitions, int blockSize) {
        int n = x.getRowDimension();
        if (y.getRowDimension() != n || (weights != null && weights.length != n) || n < 1) {
            throw new IllegalArgumentException("distributing rows expected at least 1 row and as many target rows"
                    + (weights == null ? "" : " and weights") + " as feature rows, got " + n + " feature rows, " + y.getRowDimension()
                    + " target rows" + (weights == null ? "" : " and " + weights.length + " weights") + ": pass matching rows");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("distributing " + n + " rows expected at least 1 partition, got " + partitions);
        }
        if (weights != null) {
            for (int i = 0; i < n; i++) {
                if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                    throw new IllegalArgumentException("the weight of row " + i + " is " + weights[i]
                            + ", expected a finite weight >= 0: fix or drop that row");
                }
            }
        }
        int inputs = x.getColumnDimension();
        int outputs = y.getColumnDimension();
        DenseMatrix xs = DenseMatrix.of(x);
        DenseMatrix ys = DenseMatrix.of(y);
        List<RowBlock[]> slices = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            int start = (int) ((long) p * n / partitions);
            int end = (int) ((long) (p + 1) * n / partitions);
            List<RowBlock> slice = new ArrayList<>();
            for (int from = start; from < end; from += blockSize) {
                int count = Math.min(blockSize, end - from);
                slice.add(new RowBlock(count, inputs, outputs,
                        Arrays.copyOfRange(xs.data(), xs.offset() + from * inputs, xs.offset() + (from + count) * inputs),
                        Arrays.copyOfRange(ys.data(), ys.offset() + from * outputs, ys.offset() + (from + count) * outputs),
                        weights == null ? null : Arrays.copyOfRange(weights, from, from + count)));
            }
            slices.add(slice.toArray(new RowBlock[0]));
        }
        // One element per slice, so parallelize's positional slicing puts slice p in partition p.
        JavaRDD<RowBlock> blocks = context.parallelize(slices, partitions)
                .flatMap(slice -> Arrays.asList(slice).iterator())
                .persist(StorageLevel.MEMORY_AND_DISK());
        blocks.rdd().localCheckpoint();
        blocks.count();
        return new SparkRows(blocks, n, partitions, inputs, outputs, weights != null);
    }

    /** The blocks, cached on the executors. */
    JavaRDD<RowBlock> blocks() {
        return blocks;
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public int partitions() {
        return partitions;
    }

    @Override
    public int inputs() {
        return inputs;
    }

    @Override
    public int outputs() {
        return outputs;
    }

    @Override
    public boolean weighted() {
        return weighted;
    }

    @Override
    public void close() {
        blocks.unpersist(false);
    }

    @Override
    public String toString() {
        return rows + " rows × " + inputs + " inputs → " + outputs + " outputs" + (weighted ? ", weighted" : "") + " in " + partitions + " partitions";
    }
}
