package mlpkit.core.distributed;

import java.util.List;
import mlpkit.core.loss.WeightNormalization;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.network.Objective;

/**
 * An engine that runs the training loop's work where the rows live: across the partitions of a cluster, with the
 * driver (this JVM) keeping the optimiser. Three kinds of work:
 *
 * <ul>
 *   <li>{@link #objective}: the same {@link Objective} a local full-batch run minimises (L-BFGS, full-batch
 *       gradient descent), evaluated as one synchronous round: the parameters go to every partition, each sums
 *       loss and gradient over its rows with the ordinary forward and backward pass, and the sums are added up.
 *       The optimiser code is the local one.</li>
 *   <li>{@link #averaging}: parameter averaging for mini-batch optimisers (SGD, Adam): local steps on every
 *       partition, then the row-weighted average.</li>
 *   <li>{@link #runTasks}: one remote task per input (a sweep's variations).</li>
 * </ul>
 *
 * Made by a {@link DataParallelProvider}; closing it ends the connection (and a session it started itself).
 */
public interface DataParallel extends AutoCloseable {

    /** What this engine is, for logs and run summaries, e.g. {@code Spark 4.2.0, master local[2]}. */
    String description();

    /** Partitions rows are split into when the caller does not say. */
    int defaultPartitions();

    /**
     * Sends rows held by the driver to the workers, split into {@code partitions} contiguous ranges of row numbers
     * (partition p holds rows [p·n/k, (p+1)·n/k)), the same split every time.
     *
     * @param x        features, one row per sample
     * @param y        encoded targets, one row per sample
     * @param weights  sample weights (one per row), or null
     */
    DistributedRows distribute(DenseMatrix x, DenseMatrix y, double[] weights, int partitions);

    /**
     * The objective of {@code recipe}'s network on {@code rows}: Σ ℓ_i (or Σ w_i ℓ_i) and its gradient, in inference
     * mode, with {@code normalization}'s denominator for a weighted mean. Equal to the local
     * {@code Network.objective} up to the order of the additions.
     */
    Objective objective(DistributedRows rows, NetworkRecipe recipe, WeightNormalization normalization);

    /** A parameter-averaging session of {@code recipe}'s network on {@code rows}. */
    Averaging averaging(DistributedRows rows, NetworkRecipe recipe, AveragingPlan plan);

    /**
     * Runs {@code task} once per input, one remote task each, and returns the results in the inputs' order. A failed
     * input ends the call with an exception naming it.
     */
    List<String> runTasks(Class<? extends RemoteTask> task, List<String> inputs);

    /**
     * Reads the rows {@code source} describes where they are (the engine's own reader, on its workers), checks them,
     * splits off the validation rows, fits the input scaling on the training rows and keeps both sets on the workers,
     * in {@link #defaultPartitions()} partitions.
     */
    default LoadedRows load(RowSource source) {
        return load(source, defaultPartitions());
    }

    /**
     * {@link #load(RowSource)} into {@code partitions} partitions (contiguous ranges of row numbers, as {@link
     * #distribute} splits). Engines that cannot read rows themselves refuse.
     */
    default LoadedRows load(RowSource source, int partitions) {
        throw new UnsupportedOperationException(description() + " cannot read rows itself: read them on the driver and pass them to distribute");
    }

    /**
     * {@code recipe}'s network with {@code parameters} (and {@code state}, its running statistics; null or empty for
     * none) scored on {@code rows} in inference mode, on the workers: loss sum and, by the rows' {@link
     * DistributedRows#layout}, a confusion matrix or the regression sums.
     */
    default RowScores score(DistributedRows rows, NetworkRecipe recipe, double[] parameters, double[] state) {
        throw new UnsupportedOperationException(description() + " cannot score distributed rows: score them locally");
    }

    @Override
    void close();
}
