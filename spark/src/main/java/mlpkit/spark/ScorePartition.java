package mlpkit.spark;

import java.util.Collections;
import java.util.Iterator;
import mlpkit.core.distributed.NetworkRecipe;
import mlpkit.core.distributed.TargetLayout;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.network.Network;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;

/**
 * One partition's scoring, on an executor: rebuilds the network, copies in the broadcast parameters and state
 * ({parameters, state}), and per block runs one forward pass in inference mode, adding the loss sum and, by the
 * layout, the confusion counts (true class = the target's argmax or its 0/1 value; predicted = the outputs' argmax,
 * first on ties, or the single output ≥ {@value TargetLayout#BINARY_THRESHOLD}) or the regression sums. An empty
 * partition emits nothing.
 */
final class ScorePartition implements FlatMapFunction<Iterator<RowBlock>, ScoreSums> {
    private static final long serialVersionUID = 1L;

    private final NetworkRecipe recipe;
    private final Broadcast<double[][]> weights;
    private final TargetLayout layout;
    private final int classes;

    ScorePartition(NetworkRecipe recipe, Broadcast<double[][]> weights, TargetLayout layout, int classes) {
        this.recipe = recipe;
        this.weights = weights;
        this.layout = layout;
        this.classes = classes;
    }

    @Override
    public Iterator<ScoreSums> call(Iterator<RowBlock> blocks) {
        if (!blocks.hasNext()) {
            return Collections.emptyIterator();
        }
        Network network = recipe.build(0L);
        double[][] shared = weights.value();
        System.arraycopy(shared[0], 0, network.parameters(), 0, shared[0].length);
        System.arraycopy(shared[1], 0, network.state(), 0, shared[1].length);
        int outputs = network.outputSize();
        ScoreSums sums = new ScoreSums(layout, outputs, classes);
        double[] target = new double[outputs];
        while (blocks.hasNext()) {
            RowBlock block = blocks.next();
            DenseMatrix out = network.forward(block.x(), false);
            DenseMatrix y = block.y();
            sums.lossSum += network.lossSumOfLastForward(y);
            sums.rows += block.rows();
            double[] o = out.data();
            double[] t = y.data();
            int oo = out.offset();
            int to = y.offset();
            for (int r = 0; r < block.rows(); r++) {
                int os = oo + r * outputs;
                int ts = to + r * outputs;
                if (layout == TargetLayout.VALUES) {
                    for (int j = 0; j < outputs; j++) {
                        double error = t[ts + j] - o[os + j];
                        sums.squared[j] += error * error;
                        sums.absolute[j] += Math.abs(error);
                        sums.max[j] = Math.max(sums.max[j], Math.abs(error));
                        target[j] = t[ts + j];
                    }
                    sums.targets.add(target);
                } else if (layout == TargetLayout.BINARY) {
                    sums.confusion[(int) t[ts]][o[os] >= TargetLayout.BINARY_THRESHOLD ? 1 : 0]++;
                } else {
                    sums.confusion[argmax(t, ts, outputs)][argmax(o, os, outputs)]++;
                }
            }
        }
        return Collections.singletonList(sums).iterator();
    }

    private static int argmax(double[] values, int start, int count) {
        int best = 0;
        for (int j = 1; j < count; j++) {
            if (values[start + j] > values[start + best]) {
                best = j;
            }
        }
        return best;
    }
}
