@file:JvmName("FitDistributed")

package mlpkit.dsl

import mlpkit.core.distributed.DataParallelProvider
import mlpkit.core.network.NetworkSpec
import mlpkit.dsl.config.ConfigException
import mlpkit.dsl.config.SpecValidation
import mlpkit.dsl.model.Model
import mlpkit.dsl.train.TrainingRun
import java.util.function.Consumer

/**
 * Trains this network on [frame], a data frame of the user's [session] (Spark: a `Dataset<Row>` of a `SparkSession`),
 * where its rows are: the engine named by the cluster settings (default `spark`, found through
 * [DataParallelProvider]) attaches to the session ([DataParallelProvider.attach]) and leaves it running. [block]
 * names the columns and sets training and cluster as a `training { }` / `cluster { }` block does; the settings are
 * checked as an experiment's are. Returns the trained [Model], the type local training returns.
 *
 * ```
 * val model = network { dense(8, sigmoid); dense(2, softmax) }.fitDistributed(spark, df) {
 *     label("species")
 *     training { loss = softmaxCrossEntropy; optimizer = lbfgs; epochs = 50 }
 *     cluster { strategy = sync }
 * }
 * ```
 */
fun NetworkSpec.fitDistributed(session: Any, frame: Any, block: DistributedFitBuilder.() -> Unit = {}): Model {
    val spec = DistributedFitBuilder().apply(block).build(this)
    ConfigException.throwFirstOf(SpecValidation.validate(spec, DistributedFitBuilder.NAME))
    val cluster = spec.cluster!!
    DataParallelProvider.named(cluster.engine).attach(session).use { engine ->
        return TrainingRun(Experiment(spec)).on(engine, frame).fit().model
    }
}

/**
 * [fitDistributed] for Java:
 *
 * ```java
 * Model model = FitDistributed.fitDistributed(Experiments.network("network < dense(8, sigmoid); dense(2, softmax) >"), spark, df, fit -> {
 *     fit.label("species");
 *     fit.training(TrainingSpec.builder().loss(new SoftmaxCrossEntropy()).optimizer(LbfgsOptimizer.CONCEPT.create(Map.of())).epochs(50).build());
 * });
 * ```
 */
@JvmName("fitDistributed")
fun fitDistributedJava(network: NetworkSpec, session: Any, frame: Any, settings: Consumer<DistributedFitBuilder>): Model =
    network.fitDistributed(session, frame) { settings.accept(this) }
