package mlpkit.spark;

import mlpkit.core.distributed.NetworkRecipe;
import mlpkit.core.loss.Reduction;
import mlpkit.core.loss.WeightNormalization;
import mlpkit.core.network.Objective;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * A network's summed loss over distributed rows, each {@link #evaluate} one synchronous Spark round: broadcast the
 * parameters, sum loss and gradient per partition ({@link ObjectivePartition}), add the partial sums in partition
 * order ({@link OrderedSums}: on the driver below {@value OrderedSums#TREE_PARTITIONS} partitions, else in a two-level
 * tree), destroy the broadcast. The same rows and partitions give the same sums bit for bit on every run. The result
 * is core's {@code Network.objective} up to the order of the additions: Σ ℓ_i over n rows, or
 * Σ w_i ℓ_i with the mean's denominator D = {@code normalization.denominator(MEAN, n, Σ w_i)}.
 */
final class SparkObjective implements Objective {
    private final JavaSparkContext context;
    private final SparkRows rows;
    private final NetworkRecipe recipe;
    private final WeightNormalization normalization;
    private final int dimension;

    SparkObjective(JavaSparkContext context, SparkRows rows, NetworkRecipe recipe, WeightNormalization normalization) {
        this.context = context;
        this.rows = rows;
        this.recipe = recipe;
        this.normalization = normalization;
        this.dimension = recipe.build(0L).parameterCount();
        if (recipe.inputSize() != rows.inputs()) {
            throw new IllegalArgumentException("the network " + recipe + " expects " + recipe.inputSize()
                    + " input features, but the distributed rows have " + rows.inputs() + ": build the network for the rows' features");
        }
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public Evaluation evaluate(double[] parameters, double[] gradient) {
        requireLength("parameters", parameters);
        requireLength("gradient", gradient);
        double[] sum = round(parameters, true);
        System.arraycopy(sum, 0, gradient, 0, dimension);
        return evaluation(sum, dimension);
    }

    @Override
    public Evaluation value(double[] parameters) {
        requireLength("parameters", parameters);
        return evaluation(round(parameters, false), 0);
    }

    private double[] round(double[] parameters, boolean gradient) {
        Broadcast<double[]> shared = context.broadcast(parameters);
        try {
            return OrderedSums.merge(rows.blocks().mapPartitions(new ObjectivePartition(recipe, shared, gradient)), new SumVectors());
        } catch (Exception e) {
            throw TaskFailures.unwrap(e);
        } finally {
            shared.destroy();
        }
    }

    private Evaluation evaluation(double[] sum, int at) {
        double lossSum = sum[at];
        long n = (long) sum[at + 1];
        if (!rows.weighted()) {
            return new Evaluation(lossSum, n);
        }
        double weightSum = sum[at + 2];
        double denominator = normalization.denominator(Reduction.MEAN, (int) n, weightSum);
        if (!(denominator > 0)) {
            throw new IllegalArgumentException("the row weights of " + rows + " sum to " + weightSum
                    + ": a weighted mean needs a positive sum of weights");
        }
        return new Evaluation(lossSum, n, denominator);
    }

    private void requireLength(String what, double[] values) {
        if (values.length != dimension) {
            throw new IllegalArgumentException("the distributed objective of " + recipe + " takes " + dimension + " " + what
                    + ", got " + values.length);
        }
    }
}
