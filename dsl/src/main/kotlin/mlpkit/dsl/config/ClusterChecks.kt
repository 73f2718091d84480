package mlpkit.dsl.config

import mlpkit.core.concept.Registry
import mlpkit.core.loss.Loss
import mlpkit.core.network.NetworkSpec
import mlpkit.core.optim.OptimizerSpec
import mlpkit.dsl.spec.BatchSizeSpec
import mlpkit.dsl.spec.ClusterSpec
import mlpkit.dsl.spec.ClusterStrategy
import mlpkit.dsl.spec.ExperimentSpec

/**
 * What can be wrong with an experiment's `cluster` block without the data (its ranges are [ClusterSpec]'s, checked by
 * [RangeChecks]): settings that do not
 * fit a distributed run. Synchronous rounds evaluate the full-batch objective, so they need L-BFGS or batchSize "full"
 * and a network without dropout; averaging steps on mini-batches, so it needs a mini-batch optimiser and a batch size
 * in rows. Workers rebuild the network and loss (and, under averaging, the optimiser) from built-in concepts only, and
 * they do not augment images.
 */
internal object ClusterChecks {
    private val path = JsonPath.ROOT.key("cluster")
    private val trainingPath = JsonPath.ROOT.key("training")

    fun check(spec: ExperimentSpec, problems: Problems) {
        val cluster = spec.cluster ?: return
        if (cluster.engine.isBlank()) problems.add(path.key("engine"), "no engine", "an engine's name, e.g. ${JsonText.quoted(ClusterSpec.DEFAULT_ENGINE)}", JsonText.quoted(cluster.engine))
        if (cluster.master.isBlank()) problems.add(path.key("master"), "no master", "where the engine connects, e.g. \"local[2]\" or \"spark://host:7077\"", JsonText.quoted(cluster.master))
        val training = spec.training
        val optimizer = training.optimizer
        when (cluster.strategyFor(training)) {
            ClusterStrategy.SYNC -> {
                if (!ClusterSpec.fullBatch(training)) {
                    problems.add(
                        path.key("strategy"), "synchronous rounds with mini-batches",
                        "lbfgs or training.batchSize \"full\" with strategy \"sync\"", "batchSize ${(training.batchSize as BatchSizeSpec.Rows).rows}",
                        "; use strategy \"averaging\" for mini-batch training (one round per epoch), or set batchSize \"full\"",
                    )
                }
                if (cluster.localSteps != ClusterSpec.DEFAULT_LOCAL_STEPS) {
                    problems.add(path.key("localSteps"), "local steps with synchronous rounds", "no localSteps: they belong to strategy \"averaging\"", cluster.localSteps.toString(), "; remove cluster.localSteps")
                }
                if (!optimizer.fullBatch()) {
                    spec.network.layers().forEachIndexed { i, layer ->
                        if (layer.randomInTraining()) {
                            problems.add(
                                JsonPath.ROOT.key("network").index(i), "${layer.notation()} with synchronous rounds",
                                "a network without dropout: a round evaluates one deterministic loss over every training row",
                                layer.notation(), "; remove the layer, or use strategy \"averaging\" with a batch size in rows",
                            )
                        }
                    }
                }
            }
            ClusterStrategy.AVERAGING -> {
                if (optimizer.fullBatch()) {
                    problems.add(
                        path.key("strategy"), "parameter averaging with ${optimizer.concept().name()}",
                        "strategy \"sync\" for a full-batch optimiser", "\"averaging\"", "; remove cluster.strategy, or train with a mini-batch optimiser such as adam",
                    )
                } else if (training.batchSize == BatchSizeSpec.Full) {
                    problems.add(
                        trainingPath.key("batchSize"), "parameter averaging with batchSize \"full\"", "a batch size in rows, e.g. 32", "\"full\"",
                        "; or use strategy \"sync\" for full-batch gradient descent",
                    )
                }
                builtIn(OptimizerSpec.KIND, optimizer.notation(), trainingPath.key("optimizer"), "optimiser", problems)
            }
        }
        if (spec.data.augment != null) {
            problems.add(
                JsonPath.ROOT.key("data").key("augment"), "data augmentation in a distributed run", "no augment with a cluster block",
                "an augment block", "; remove data.augment, or train locally without cluster",
            )
        }
        if (runCatching { NetworkSpec.parse(spec.network.notation()) }.isFailure) {
            problems.add(
                JsonPath.ROOT.key("network"), "a concept of your own in a distributed run",
                "built-in layers and activations (workers rebuild the network from them)", spec.network.notation(),
                "; use built-in ones, or train locally without cluster",
            )
        }
        builtIn(Loss.KIND, training.loss.notation(), trainingPath.key("loss"), "loss", problems)
    }

    private fun <T> builtIn(kind: mlpkit.core.concept.Kind<T>, notation: String, at: JsonPath, what: String, problems: Problems) {
        if (!builtInParses(kind, notation)) {
            problems.add(
                at, "a $what of your own in a distributed run", "a built-in $what (workers rebuild it from built-in concepts)",
                notation, "; use a built-in one, or train locally without cluster",
            )
        }
    }

    private fun <T> builtInParses(kind: mlpkit.core.concept.Kind<T>, notation: String): Boolean =
        runCatching { Registry.builtIns().parse(kind, notation) }.isSuccess
}
