package mlpkit.dsl.train

import mlpkit.core.distributed.Averaging
import mlpkit.core.distributed.AveragingPlan
import mlpkit.core.distributed.DataParallel
import mlpkit.core.distributed.DataParallelProvider
import mlpkit.core.distributed.DistributedRows
import mlpkit.core.distributed.NetworkRecipe
import mlpkit.core.loss.Reduction
import mlpkit.core.loss.WeightNormalization
import mlpkit.core.network.Network
import mlpkit.core.network.Objective
import mlpkit.data.Dataset
import mlpkit.data.batch.BatchSize
import mlpkit.data.batch.MiniBatches
import mlpkit.data.batch.TargetEncoding
import mlpkit.data.split.RowOrder
import mlpkit.dsl.spec.ClusterSpec
import mlpkit.dsl.spec.ClusterStrategy

/**
 * A run's connection to a data-parallel engine: the engine (connected from the spec's `cluster` block, or handed in by
 * the caller, who then keeps it open), the training rows sent to it once, and the network's recipe. [close] releases the
 * rows and, when this connected it, the engine.
 */
internal class ClusterTraining private constructor(
    private val engine: DataParallel,
    private val owned: Boolean,
    val cluster: ClusterSpec,
    val strategy: ClusterStrategy,
    private val rows: DistributedRows,
    private val recipe: NetworkRecipe,
    /** Σ w_i of the training rows, or null when they are unweighted. */
    val weightSum: Double?,
) : AutoCloseable {
    /** Training rows over all partitions. */
    val rowCount: Int get() = rows.rows().toInt()

    /** What trained the run, for its summary: the engine (which names its master), the strategy and the partitions. */
    val description: String
        get() {
            return describe(engine, strategy, rows.partitions())
        }

    /** The full-batch objective as one synchronous round per evaluation. */
    fun objective(normalization: WeightNormalization): Objective = engine.objective(rows, recipe, normalization)

    /** A parameter-averaging session of [plan]; the caller closes it. */
    fun averaging(plan: AveragingPlan): Averaging = engine.averaging(rows, recipe, plan)

    override fun close() {
        try {
            rows.close()
        } finally {
            if (owned) engine.close()
        }
    }

    companion object {
        /** What trains a distributed run, for its summary: the engine (which names its master), the strategy and the partitions. */
        fun describe(engine: DataParallel, strategy: ClusterStrategy, partitions: Int): String =
            "${engine.description()}, strategy ${strategy.name.lowercase()}, $partitions partition${if (partitions == 1) "" else "s"}"

        /**
         * Connects to the engine of [cluster] (or uses [handed]) and sends it [train]'s rows, encoded as [encoding], in
         * the cluster's partitions (the engine's default when unset).
         */
        fun open(cluster: ClusterSpec, strategy: ClusterStrategy, handed: DataParallel?, network: Network, train: Dataset, encoding: TargetEncoding): ClusterTraining {
            val recipe = NetworkRecipe.of(network)
            val engine = handed ?: DataParallelProvider.named(cluster.engine).connect(cluster.master, cluster.conf)
            try {
                val all = MiniBatches(train, BatchSize.Full, RowOrder.AsGiven, encoding).epoch()
                check(all.next()) { "no training rows" }
                val weights = all.weights?.copyOf(all.size)
                val rows = engine.distribute(all.x.copy(), all.y.copy(), weights, cluster.partitions ?: engine.defaultPartitions())
                return ClusterTraining(engine, handed == null, cluster, strategy, rows, recipe, weights?.sum())
            } catch (e: Throwable) {
                if (handed == null) engine.close()
                throw e
            }
        }
    }
}
