package mlpkit.dsl.spec

import kotlinx.serialization.Serializable

/**
 * Everything an experiment is: its data, network, training and expectations. The DSL, JSON files and
 * scripts all produce one of these; the training loop, `mlp check` and model files consume it.
 * Serialised with kotlinx.serialization (see [SpecJson]); DSL → JSON → DSL is the identity.
 */
@Serializable
data class ExperimentSpec(
    val name: String,
    val data: DataSpec,
    val network: NetworkConfig,
    val training: TrainingSpec = TrainingSpec(),
    val expect: List<Expectation> = emptyList(),
    val sweep: SweepSpec? = null,
)
