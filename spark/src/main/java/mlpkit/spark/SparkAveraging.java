package mlpkit.spark;

import java.util.List;
import mlpkit.core.concept.Registry;
import mlpkit.core.distributed.Averaging;
import mlpkit.core.distributed.AveragingPlan;
import mlpkit.core.distributed.NetworkRecipe;
import mlpkit.core.network.Network;
import mlpkit.core.optim.OptimizerSpec;
import mlpkit.core.optim.OptimizerState;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Parameter averaging over distributed rows, one Spark job per {@link #round}: broadcast the parameters, the
 * optimiser state and each partition's random streams; every non-empty partition k trains locally
 * ({@link AveragingPartition}) and returns its n_k rows and w_k; the driver sets
 * <pre>
 *   w = Σ_k (n_k / N) · w_k          N = Σ_k n_k   (the partitions' rows, not the rows visited)
 * </pre>
 * (the same row-weighted average as Σ n_k w_k / N, written so that one partition returns its w_k bit for bit) and
 * keeps each partition's stream snapshots for the next round.
 *
 * <p>The optimiser's state between rounds follows the plan's rule:
 * <ul>
 *   <li>{@code AVERAGE}: every array (momentum, Adam's m and v) is averaged like the parameters and sent back next
 *       round; the step count t is the largest of the partitions' counts after the round (the start's t plus the
 *       most local steps any partition took), so with one partition it is exactly the local loop's t.</li>
 *   <li>{@code RESET}: every round starts each partition's optimiser afresh; the returned state is the fresh one
 *       (step 0, no arrays).</li>
 * </ul>
 * Networks with kept state (batch normalisation's running statistics) are refused: it is not averaged.
 */
final class SparkAveraging implements Averaging {
    private final JavaSparkContext context;
    private final SparkRows rows;
    private final NetworkRecipe recipe;
    private final AveragingPlan plan;
    private final int dimension;
    private final OptimizerState fresh;
    private final StreamState[] shuffle;
    private final StreamState[] dropout;

    SparkAveraging(JavaSparkContext context, SparkRows rows, NetworkRecipe recipe, AveragingPlan plan) {
        this.context = context;
        this.rows = rows;
        this.recipe = recipe;
        this.plan = plan;
        Network network = recipe.build(0L);
        if (recipe.inputSize() != rows.inputs()) {
            throw new IllegalArgumentException("the network " + recipe + " expects " + recipe.inputSize()
                    + " input features, but the distributed rows have " + rows.inputs() + ": build the network for the rows' features");
        }
        if (network.state().length > 0) {
            throw new IllegalArgumentException("parameter averaging does not average kept state, and " + recipe + " keeps "
                    + network.state().length + " values (batch normalisation's running statistics): train it with the synchronous "
                    + "objective (L-BFGS, full-batch descent) or without batch normalisation");
        }
        this.dimension = network.parameterCount();
        this.fresh = Registry.builtIns().parse(OptimizerSpec.KIND, plan.optimizer()).start(network.layout().weightMask()).exportState();
        this.shuffle = new StreamState[rows.partitions()];
        this.dropout = new StreamState[rows.partitions()];
    }

    @Override
    public Round round(double[] parameters, OptimizerState state, double learningRate) {
        if (parameters.length != dimension) {
            throw new IllegalArgumentException("an averaging round of " + recipe + " takes " + dimension + " parameters, got "
                    + parameters.length);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("an averaging round expected a positive, finite learning rate, got " + learningRate);
        }
        boolean average = plan.stateRule() == AveragingPlan.StateRule.AVERAGE;
        if (average && state != null && !state.kind().equals(fresh.kind())) {
            throw new IllegalArgumentException("an averaging round of " + plan.optimizer() + " expected its own optimiser state ("
                    + fresh.kind() + "), got a " + state.kind() + " state: pass the state the last round returned, or null to start afresh");
        }
        OptimizerArrays resume = average && state != null ? OptimizerArrays.of(state) : null;
        Broadcast<RoundInput> shared = context.broadcast(new RoundInput(parameters.clone(), resume, learningRate, shuffle.clone(), dropout.clone()));
        List<PartitionResult> results;
        try {
            results = rows.blocks().mapPartitionsWithIndex(new AveragingPartition(recipe, plan, shared), false).collect();
        } catch (Exception e) {
            throw TaskFailures.unwrap(e);
        } finally {
            shared.destroy();
        }
        long total = 0;
        for (PartitionResult result : results) {
            total += result.rows;
        }
        double lossSum = 0;
        long visited = 0;
        int steps = 0;
        long step = 0;
        double[][] arrays = null;
        boolean first = true;
        for (PartitionResult result : results) {
            double share = (double) result.rows / total;
            accumulate(parameters, result.parameters, share, first);
            if (average) {
                double[][] from = result.state.arrays();
                if (first) {
                    arrays = new double[from.length][];
                }
                for (int a = 0; a < from.length; a++) {
                    if (first) {
                        arrays[a] = new double[from[a].length];
                    }
                    accumulate(arrays[a], from[a], share, first);
                }
                step = Math.max(step, result.state.step());
            }
            lossSum += result.lossSum;
            visited += result.visitedRows;
            steps = Math.max(steps, result.steps);
            shuffle[result.partition] = result.shuffle;
            dropout[result.partition] = result.dropout;
            first = false;
        }
        OptimizerState next = average
                ? new OptimizerArrays(results.get(0).state.kind(), step, results.get(0).state.names(), arrays).toState()
                : fresh;
        return new Round(next, lossSum, visited, steps);
    }

    /** target = share · values (first partition), else target += share · values. */
    private static void accumulate(double[] target, double[] values, double share, boolean first) {
        for (int i = 0; i < target.length; i++) {
            target[i] = first ? share * values[i] : target[i] + share * values[i];
        }
    }

    @Override
    public void close() {
        java.util.Arrays.fill(shuffle, null);
        java.util.Arrays.fill(dropout, null);
    }

    @Override
    public String toString() {
        return plan + " on " + rows;
    }
}
