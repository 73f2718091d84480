package mlpkit.spark;

import java.io.Serializable;

/**
 * What one partition returns from an averaging round: its row count n_k, its parameters w_k (and optimiser state,
 * under the AVERAGE rule) after the local steps, the loss summed over its batches (each batch's loss times its rows),
 * the rows it visited, its step count and where its two random streams stopped.
 */
final class PartitionResult implements Serializable {
    private static final long serialVersionUID = 1L;

    final int partition;
    final long rows;
    final double[] parameters;
    final OptimizerArrays state;
    final double lossSum;
    final long visitedRows;
    final int steps;
    final StreamState shuffle;
    final StreamState dropout;

    PartitionResult(int partition, long rows, double[] parameters, OptimizerArrays state, double lossSum, long visitedRows,
                    int steps, StreamState shuffle, StreamState dropout) {
        this.partition = partition;
        this.rows = rows;
        this.parameters = parameters;
        this.state = state;
        this.lossSum = lossSum;
        this.visitedRows = visitedRows;
        this.steps = steps;
        this.shuffle = shuffle;
        this.dropout = dropout;
    }
}
