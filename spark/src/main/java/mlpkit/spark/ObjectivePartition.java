package mlpkit.spark;

import java.util.Collections;
import java.util.Iterator;
import mlpkit.core.distributed.NetworkRecipe;
import mlpkit.core.network.LossSum;
import mlpkit.core.network.Network;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;

/**
 * One partition's share of a synchronous round, run on an executor: rebuilds the network from its recipe, copies in
 * the broadcast parameters and sums over the partition's blocks, in inference mode,
 * <pre>
 *   [ Σ ∇ℓ_i (P entries) | Σ ℓ_i | rows | Σ w_i ]        (weighted rows: Σ w_i ∇ℓ_i and Σ w_i ℓ_i)
 * </pre>
 * or, without the gradient, only the last three entries. An empty partition emits nothing.
 */
final class ObjectivePartition implements FlatMapFunction<Iterator<RowBlock>, double[]> {
    private static final long serialVersionUID = 1L;

    /** Entries after the gradient: loss sum, rows, weight sum. */
    static final int TAIL = 3;

    private final NetworkRecipe recipe;
    private final Broadcast<double[]> parameters;
    private final boolean gradient;

    ObjectivePartition(NetworkRecipe recipe, Broadcast<double[]> parameters, boolean gradient) {
        this.recipe = recipe;
        this.parameters = parameters;
        this.gradient = gradient;
    }

    @Override
    public Iterator<double[]> call(Iterator<RowBlock> blocks) {
        if (!blocks.hasNext()) {
            return Collections.emptyIterator();
        }
        Network network = recipe.build(0L);
        double[] w = parameters.value();
        System.arraycopy(w, 0, network.parameters(), 0, w.length);
        int p = gradient ? network.parameterCount() : 0;
        double[] grad = gradient ? new double[p] : null;
        double loss = 0;
        long rows = 0;
        double weightSum = 0;
        while (blocks.hasNext()) {
            RowBlock block = blocks.next();
            double[] weights = block.weights();
            if (gradient) {
                LossSum sum = weights == null
                        ? network.accumulateGradient(block.x(), block.y(), grad, false)
                        : network.accumulateWeightedGradient(block.x(), block.y(), weights, grad, false);
                loss += sum.sum();
            } else {
                network.forward(block.x(), false);
                loss += weights == null ? network.lossSumOfLastForward(block.y()) : network.weightedLossSumOfLastForward(block.y(), weights);
            }
            rows += block.rows();
            if (weights != null) {
                for (double v : weights) {
                    weightSum += v;
                }
            }
        }
        double[] out = new double[p + TAIL];
        if (gradient) {
            System.arraycopy(grad, 0, out, 0, p);
        }
        out[p] = loss;
        out[p + 1] = rows;
        out[p + 2] = weightSum;
        return Collections.singletonList(out).iterator();
    }
}
