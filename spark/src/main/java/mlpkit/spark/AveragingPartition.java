package mlpkit.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import mlpkit.core.concept.Registry;
import mlpkit.core.distributed.AveragingPlan;
import mlpkit.core.distributed.NetworkRecipe;
import mlpkit.core.loss.Loss;
import mlpkit.core.loss.Reduction;
import mlpkit.core.loss.WeightNormalization;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.network.Network;
import mlpkit.core.network.NetworkSpec;
import mlpkit.core.network.Seeds;
import mlpkit.core.optim.Optimizer;
import mlpkit.core.optim.OptimizerSpec;
import mlpkit.data.Dataset;
import mlpkit.data.DenseFeatures;
import mlpkit.data.RegressionTargets;
import mlpkit.data.batch.BatchSize;
import mlpkit.data.batch.MiniBatches;
import mlpkit.data.batch.TargetEncoding;
import mlpkit.data.random.RandomState;
import mlpkit.data.split.RowOrder;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * One partition's local training in an averaging round, run on an executor. It rebuilds the network with the
 * partition's dropout stream, copies in the broadcast parameters, resumes the broadcast optimiser state (or starts a
 * fresh optimiser), and runs the plan's local steps over its rows exactly as the dsl's local loop does: data's
 * {@link MiniBatches} over the partition's rows (shuffled by numpy's {@link RandomState} unless the plan says not to
 * or one batch holds every row), one training-mode gradient per batch, then
 * {@code optimizer.step(params, grads, rate, rows)}, or {@code stepWeighted(…, Σ w)} for weighted rows under
 * {@code sumOfWeights}. Each round starts a fresh pass over the rows; with {@code localSteps = k} a pass that ends
 * early is followed by the next one. Partition 0 draws from the plan's seeds themselves, partition p &gt; 0 from
 * {@code Seeds.derive(seed, p)}; both streams continue from where the last round left them.
 */
final class AveragingPartition implements Function2<Integer, Iterator<RowBlock>, Iterator<PartitionResult>> {
    private static final long serialVersionUID = 1L;

    private final NetworkRecipe recipe;
    private final AveragingPlan plan;
    private final Broadcast<RoundInput> input;

    AveragingPartition(NetworkRecipe recipe, AveragingPlan plan, Broadcast<RoundInput> input) {
        this.recipe = recipe;
        this.plan = plan;
        this.input = input;
    }

    /** The seed of partition {@code partition}'s stream of {@code seed}: the seed itself for partition 0. */
    static long streamSeed(long seed, int partition) {
        return partition == 0 ? seed : Seeds.derive(seed, partition);
    }

    @Override
    public Iterator<PartitionResult> call(Integer partition, Iterator<RowBlock> blocks) {
        List<RowBlock> held = new ArrayList<>();
        blocks.forEachRemaining(held::add);
        if (held.isEmpty()) {
            return Collections.emptyIterator();
        }
        RoundInput round = input.value();
        int p = partition;
        RandomState dropout = StreamState.resume(round.dropout[p], streamSeed(plan.dropoutSeed(), p));
        RandomState shuffle = StreamState.resume(round.shuffle[p], streamSeed(plan.shuffleSeed(), p));
        Network network = Network.build(NetworkSpec.parse(recipe.notation()), recipe.inputSize(),
                Registry.builtIns().parse(Loss.KIND, recipe.loss()), new MersenneTwister(0L), dropout);
        double[] parameters = network.parameters();
        double[] gradients = network.gradients();
        System.arraycopy(round.parameters, 0, parameters, 0, parameters.length);
        Optimizer optimizer = Registry.builtIns().parse(OptimizerSpec.KIND, plan.optimizer()).start(network.layout().weightMask());
        if (round.state != null) {
            optimizer.restoreState(round.state.toState());
        }

        Dataset rows = dataset(held, p);
        boolean oneBatch = plan.batchSize() >= rows.getSize();
        RowOrder order = plan.shuffle() && !oneBatch ? new RowOrder.Shuffled(shuffle) : RowOrder.AsGiven.INSTANCE;
        MiniBatches batches = new MiniBatches(rows, new BatchSize.Rows(plan.batchSize()), order, TargetEncoding.VALUES, false, null);
        Reduction reduction = plan.reduction();
        WeightNormalization normalization = plan.normalization();
        double rate = round.learningRate;

        int steps = 0;
        long visited = 0;
        double lossSum = 0;
        MiniBatches.Epoch cursor = batches.epoch();
        while (plan.localSteps() == 0 || steps < plan.localSteps()) {
            if (!cursor.next()) {
                if (plan.localSteps() == 0) {
                    break;
                }
                cursor = batches.epoch();
                cursor.next();
            }
            DenseMatrix x = cursor.getX();
            DenseMatrix y = cursor.getY();
            double[] weights = cursor.getWeights();
            int n = cursor.getSize();
            double loss = weights == null
                    ? network.computeGradient(x, y, reduction)
                    : network.computeGradient(x, y, weights, reduction, normalization, true);
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException("partition " + p + " of an averaging round reached a non-finite loss (" + loss
                        + ") at local step " + (steps + 1) + " of " + plan + " with learning rate " + rate
                        + ": lower the learning rate or scale the features");
            }
            lossSum += weights == null ? (reduction == Reduction.MEAN ? loss * n : loss) : network.lossSumOfLastForward(y);
            if (weights != null && normalization == WeightNormalization.SUM_OF_WEIGHTS) {
                double sum = 0;
                for (int r = 0; r < n; r++) {
                    sum += weights[r];
                }
                optimizer.stepWeighted(parameters, gradients, rate, sum);
            } else {
                optimizer.step(parameters, gradients, rate, n);
            }
            steps++;
            visited += n;
        }
        OptimizerArrays state = plan.stateRule() == AveragingPlan.StateRule.AVERAGE ? OptimizerArrays.of(optimizer.exportState()) : null;
        return Collections.singletonList(new PartitionResult(p, rows.getSize(), parameters, state, lossSum, visited, steps,
                StreamState.of(shuffle), StreamState.of(dropout))).iterator();
    }

    /** The partition's blocks as one data set (targets already encoded, so copied as values). */
    private static Dataset dataset(List<RowBlock> blocks, int partition) {
        int n = 0;
        for (RowBlock block : blocks) {
            n += block.rows();
        }
        RowBlock first = blocks.get(0);
        int inputs = first.x().getColumnDimension();
        int outputs = first.y().getColumnDimension();
        double[] x = new double[n * inputs];
        double[] y = new double[n * outputs];
        double[] w = first.weights() == null ? null : new double[n];
        int at = 0;
        for (RowBlock block : blocks) {
            block.copyX(x, at);
            block.copyY(y, at);
            if (w != null) {
                block.copyWeights(w, at);
            }
            at += block.rows();
        }
        return new Dataset("partition " + partition, new DenseFeatures(new DenseMatrix(n, inputs, x)),
                new RegressionTargets(new DenseMatrix(n, outputs, y)), w);
    }
}
