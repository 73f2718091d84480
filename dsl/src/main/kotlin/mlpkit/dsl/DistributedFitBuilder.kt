package mlpkit.dsl

import mlpkit.core.network.NetworkSpec
import mlpkit.dsl.spec.ClusterSpec
import mlpkit.dsl.spec.DataSource
import mlpkit.dsl.spec.DataSpec
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.Scaling
import mlpkit.dsl.spec.SplitSpec
import mlpkit.dsl.spec.TrainingSpec

/**
 * How [fitDistributed] trains on a data frame: its columns ([features], [label], [sampleWeight]; default `features`
 * and `label`), a validation split and input [scaling] done by the engine, the [training] and the [cluster] settings
 * (strategy, partitions, …; the master is the session's own). Each part has a Java form taking the spec itself.
 */
@MlpDsl
class DistributedFitBuilder internal constructor() {
    private val rows = EngineRowsBuilder()
    private var split = SplitSpec()
    private var training = TrainingSpec()
    private var cluster = ClusterSpec(ATTACHED)

    /** Input scaling fitted by the engine on the training rows: [none], [standard] or [minMax]. */
    var scaling: Scaling = Scaling.NONE
    val none: Scaling get() = Scaling.NONE
    val standard: Scaling get() = Scaling.STANDARD
    val minMax: Scaling get() = Scaling.MIN_MAX

    /** One column holding an array or Spark ML vector per row, or numeric columns, one feature each. */
    fun features(vararg columns: String) = rows.features(*columns)

    /** The label column: class labels (numbers or text), or numeric targets when the loss is for real values. */
    fun label(column: String) = rows.label(column)

    /** A column of per-row sample weights. */
    fun sampleWeight(column: String) = rows.sampleWeight(column)

    /** Each row goes to validation with probability [fraction], by a hash of its row number and [randomState] (default: from the seed). */
    @JvmOverloads
    fun validation(fraction: Double, randomState: Long? = null) {
        split = SplitSpec(validation = fraction, randomState = randomState)
    }

    fun training(block: TrainingBuilder.() -> Unit) {
        training = TrainingBuilder(training).apply(block).build()
    }

    /** The training settings as a spec (Java). */
    fun training(spec: TrainingSpec) {
        training = spec
    }

    /** `cluster { strategy = averaging; partitions = 4 }`; its master is ignored (the session has one). */
    fun cluster(block: ClusterBuilder.() -> Unit) {
        cluster = ClusterBuilder(cluster).apply(block).build(NAME)
    }

    /** The cluster settings as a spec (Java); its master is ignored. */
    fun cluster(spec: ClusterSpec) {
        cluster = spec
    }

    internal fun build(network: NetworkSpec): ExperimentSpec = ExperimentSpec(
        NAME, DataSpec(rows.build(DataSource.Spark.FRAME, ""), split, scaling), network, training, cluster = cluster,
    )

    companion object {
        /** The experiment's name in messages and in the model file. */
        const val NAME = "fitDistributed"

        /** The cluster master recorded for a session passed in (the engine attaches to it). */
        const val ATTACHED = "attached"
    }
}
