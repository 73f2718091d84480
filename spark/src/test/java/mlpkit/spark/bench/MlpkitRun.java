package mlpkit.spark.bench;

import mlpkit.core.distributed.DistributedRows;
import mlpkit.core.distributed.NetworkRecipe;
import mlpkit.core.loss.WeightNormalization;
import mlpkit.core.matrix.DenseMatrix;
import mlpkit.core.network.Network;
import mlpkit.core.optim.FullBatchRun;
import mlpkit.core.optim.lbfgs.LbfgsOptimizer;
import mlpkit.spark.SparkEngine;

/**
 * mlpkit's side: core's L-BFGS on the Spark engine's objective (one Spark round per evaluation), the network with
 * sigmoid hidden layers and a softmax output under softmax cross-entropy, every weight and bias drawn as MLlib's MLP
 * draws them: U(−2.4/√fanIn, 2.4/√fanIn).
 */
final class MlpkitRun {
    /** L-BFGS as MLlib's MLP runs it: 10 corrections, no stop on the gradient or the loss change (tol 0). */
    static final LbfgsOptimizer LBFGS = new LbfgsOptimizer(10, 15000, 0.0, 0.0, 20, 0.0);

    private MlpkitRun() {
    }

    /** The network's notation for layer sizes {@code layers} (inputs first). */
    static String notation(int[] layers) {
        StringBuilder s = new StringBuilder("network < ");
        for (int l = 1; l < layers.length; l++) {
            double bound = 2.4 / Math.sqrt(layers[l - 1]);
            s.append(l > 1 ? "; " : "").append("dense(").append(layers[l]).append(l == layers.length - 1 ? ", softmax" : ", sigmoid")
                    .append(", weights=uniform(").append(-bound).append(", ").append(bound).append("), bias=weights)");
        }
        return s.append(" >").toString();
    }

    /** The network for {@code data}'s layers with its parameters drawn from {@code seed}. */
    static Network network(BenchData data, long seed) {
        return new NetworkRecipe(notation(data.layers), data.layers[0], "softmax-ce").build(seed);
    }

    static RunFigures run(SparkEngine engine, DistributedRows rows, BenchData data, int iterations, long seed, JobClock clock) {
        NetworkRecipe recipe = new NetworkRecipe(notation(data.layers), data.layers[0], "softmax-ce");
        Network network = network(data, seed);
        clock.reset();
        long started = System.nanoTime();
        FullBatchRun run = LBFGS.startFullBatch(engine.objective(rows, recipe, WeightNormalization.DEFAULT),
                network.parameters().clone(), iterations, null);
        while (run.iterations() < iterations && run.iterate()) {
            // one L-BFGS iteration: one or more Spark rounds
        }
        double fit = (System.nanoTime() - started) / 1e6;
        System.arraycopy(run.parameters(), 0, network.parameters(), 0, network.parameterCount());
        return new RunFigures("mlpkit", run.iterations(), run.evaluations(), fit, clock.evaluationWindowMillis(),
                accuracy(network, data.trainX, data.trainLabels), accuracy(network, data.testX, data.testLabels));
    }

    /** The share of rows whose most probable class is their label. */
    static double accuracy(Network network, DenseMatrix x, int[] labels) {
        DenseMatrix p = network.predict(x);
        int hits = 0;
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int c = 1; c < p.getColumnDimension(); c++) {
                if (p.getEntry(i, c) > p.getEntry(i, best)) {
                    best = c;
                }
            }
            hits += best == labels[i] ? 1 : 0;
        }
        return (double) hits / labels.length;
    }
}
