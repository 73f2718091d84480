package mlpkit.dsl

import mlpkit.core.distributed.AveragingPlan.StateRule
import mlpkit.dsl.spec.ClusterSpec
import mlpkit.dsl.spec.ClusterStrategy

/**
 * `cluster { master = "local[2]"; strategy = averaging; partitions = 2 }`: where the experiment trains when its rows
 * are spread over a cluster (JSON `"cluster"`; see [ClusterSpec] for every key, its default and its range). [master]
 * must be set; `strategy` left unset chooses by the optimiser.
 */
@MlpDsl
class ClusterBuilder internal constructor(initial: ClusterSpec?) {
    var engine: String = initial?.engine ?: ClusterSpec.DEFAULT_ENGINE
    var master: String? = initial?.master
    var strategy: ClusterStrategy? = initial?.strategy
    var partitions: Int? = initial?.partitions
    var localSteps: Int = initial?.localSteps ?: ClusterSpec.DEFAULT_LOCAL_STEPS
    var optimizerState: StateRule = initial?.optimizerState ?: StateRule.AVERAGE
    /** Extra engine settings: `conf("spark.executor.memory" to "2g")`. */
    private val conf = LinkedHashMap(initial?.conf ?: emptyMap())

    /** Synchronous rounds of the full-batch objective, for `strategy = sync`. */
    val sync: ClusterStrategy get() = ClusterStrategy.SYNC
    /** Parameter averaging, for `strategy = averaging`. */
    val averaging: ClusterStrategy get() = ClusterStrategy.AVERAGING
    /** Average the optimiser's state between rounds, for `optimizerState = average`. */
    val average: StateRule get() = StateRule.AVERAGE
    /** Start every round's optimiser afresh, for `optimizerState = reset`. */
    val reset: StateRule get() = StateRule.RESET

    fun conf(vararg settings: Pair<String, String>) {
        conf.putAll(settings)
    }

    internal fun build(experiment: String): ClusterSpec = ClusterSpec(
        master ?: throw IllegalStateException("experiment '$experiment': cluster { } needs a master, e.g. master = \"local[2]\""),
        engine, strategy, partitions, localSteps, optimizerState, conf.toMap(),
    )
}
