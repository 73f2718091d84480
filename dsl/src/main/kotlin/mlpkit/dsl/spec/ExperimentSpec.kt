package mlpkit.dsl.spec

import kotlinx.serialization.Contextual
import kotlinx.serialization.EncodeDefault
import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.Serializable
import mlpkit.core.network.NetworkSpec

/**
 * Everything an experiment is: its data, network, training and expectations. The DSL, JSON files and
 * scripts all produce one of these; the training loop, `mlp check` and model files consume it.
 * Serialised with kotlinx.serialization (see [SpecJson]); DSL → JSON → DSL is the identity. The network is
 * core's [NetworkSpec], written as its notation.
 */
@OptIn(ExperimentalSerializationApi::class)
@Serializable
data class ExperimentSpec @JvmOverloads constructor(
    val name: String,
    val data: DataSpec,
    @Contextual val network: NetworkSpec,
    val training: TrainingSpec = TrainingSpec(),
    val expect: List<Expectation> = emptyList(),
    val sweep: SweepSpec? = null,
    /** Cross-validation of the experiment (see [ValidationSpec]); null for a single run. Left out of JSON when absent. */
    @EncodeDefault(EncodeDefault.Mode.NEVER) val validation: ValidationSpec? = null,
    /** Where the run trains when its rows are spread over a cluster (see [ClusterSpec]); null trains here. Left out of JSON when absent. */
    @EncodeDefault(EncodeDefault.Mode.NEVER) val cluster: ClusterSpec? = null,
)
