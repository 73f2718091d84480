package mlpkit.spark;

import mlpkit.core.distributed.NetworkRecipe;
import mlpkit.core.distributed.RowScores;
import mlpkit.core.distributed.TargetLayout;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Scores a network on distributed rows in one Spark job: broadcast {parameters, state}, one {@link ScorePartition}
 * per partition, the sums merged with {@code treeAggregate} and a null zero, the broadcast destroyed.
 */
final class RowScoring {
    private RowScoring() {
    }

    static RowScores score(JavaSparkContext context, SparkRows rows, NetworkRecipe recipe, double[] parameters, double[] state) {
        TargetLayout layout = rows.layout();
        if (layout == null) {
            throw new IllegalArgumentException("rows distributed from matrices do not say how their targets are laid out (" + rows
                    + "): load them with load(RowSource), which records the layout, to score them");
        }
        var network = recipe.build(0L);
        double[] fullState = state == null ? new double[0] : state;
        if (parameters.length != network.parameterCount() || fullState.length != network.state().length) {
            throw new IllegalArgumentException("scoring " + recipe + " expected " + network.parameterCount() + " parameters and "
                    + network.state().length + " state values, got " + parameters.length + " and " + fullState.length
                    + ": pass the trained network's parameters() and state()");
        }
        if (network.inputSize() != rows.inputs() || network.outputSize() != rows.outputs()) {
            throw new IllegalArgumentException("scoring " + recipe + " (" + network.inputSize() + " inputs, " + network.outputSize()
                    + " outputs) on rows of " + rows.inputs() + " inputs and " + rows.outputs() + " targets: build the network for these rows");
        }
        int classes = layout == TargetLayout.BINARY ? 2 : rows.outputs();
        Broadcast<double[][]> shared = context.broadcast(new double[][] {parameters, fullState});
        try {
            ScoreSums sums = OrderedSums.merge(rows.blocks().mapPartitions(new ScorePartition(recipe, shared, layout, classes)), new ScoreSums.Merge());
            return sums.scores();
        } catch (Exception e) {
            throw TaskFailures.unwrap(e);
        } finally {
            shared.destroy();
        }
    }
}
