package mlpkit.dsl.spec

import kotlinx.serialization.EncodeDefault
import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.InternalSerializationApi
import kotlinx.serialization.KSerializer
import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import kotlinx.serialization.SerializationException
import kotlinx.serialization.descriptors.SerialDescriptor
import kotlinx.serialization.descriptors.SerialKind
import kotlinx.serialization.descriptors.StructureKind
import kotlinx.serialization.descriptors.buildSerialDescriptor
import kotlinx.serialization.encoding.Decoder
import kotlinx.serialization.encoding.Encoder
import mlpkit.core.distributed.AveragingPlan.StateRule

/**
 * Where an experiment trains when its rows are spread over a cluster (`"cluster": {"master": "local[2]"}`):
 *
 * - [engine]: the data-parallel engine's name, found on the class path (default [DEFAULT_ENGINE]);
 * - [master]: where the engine connects (Spark: `local[2]`, `spark://host:7077`); required;
 * - [strategy]: [ClusterStrategy.SYNC] (one synchronous round per objective evaluation: L-BFGS, or gradient descent
 *   with batchSize "full") or [ClusterStrategy.AVERAGING] (parameter averaging, one round per epoch); null (the
 *   default) chooses by the optimiser, see [strategyFor];
 * - [partitions]: partitions the training rows are split into, at least 1; null (the default) is the engine's default;
 * - [localSteps]: under averaging, local mini-batch steps per round, ≥ 0; 0 (the default) is one local epoch;
 * - [optimizerState]: under averaging, what the optimiser's state does between rounds (default `average`);
 * - [conf]: extra engine settings (`{"spark.executor.memory": "2g"}`).
 */
@OptIn(ExperimentalSerializationApi::class)
@Serializable
data class ClusterSpec(
    val master: String,
    val engine: String = DEFAULT_ENGINE,
    @EncodeDefault(EncodeDefault.Mode.NEVER) val strategy: ClusterStrategy? = null,
    @ValidRange(min = 1.0, fix = "leave it out for the engine's default")
    @EncodeDefault(EncodeDefault.Mode.NEVER) val partitions: Int? = null,
    @ValidRange(min = 0.0, fix = "0 runs one local epoch per round") val localSteps: Int = DEFAULT_LOCAL_STEPS,
    @Serializable(with = StateRuleSerializer::class) val optimizerState: StateRule = StateRule.AVERAGE,
    @EncodeDefault(EncodeDefault.Mode.NEVER) val conf: Map<String, String> = emptyMap(),
) {
    /** The strategy of a run with [training]: the one given, else sync for full-batch training and averaging otherwise. */
    fun strategyFor(training: TrainingSpec): ClusterStrategy =
        strategy ?: if (fullBatch(training)) ClusterStrategy.SYNC else ClusterStrategy.AVERAGING

    companion object {
        /** The engine when none is named. */
        const val DEFAULT_ENGINE = "spark"

        /** One local epoch per round. */
        const val DEFAULT_LOCAL_STEPS = 0

        /** Whether [training] evaluates every training row per step: a full-batch optimiser (L-BFGS) or batchSize "full". */
        fun fullBatch(training: TrainingSpec): Boolean = training.optimizer.fullBatch() || training.batchSize == BatchSizeSpec.Full
    }
}

/** How a distributed run trains: synchronous rounds of the full-batch objective, or parameter averaging. */
@Serializable
enum class ClusterStrategy {
    /** Every evaluation of the objective is one round over all partitions; the optimiser steps on the driver. */
    @SerialName("sync")
    SYNC,

    /** Each partition trains locally from the driver's parameters; the driver averages them (weighted by rows). */
    @SerialName("averaging")
    AVERAGING,
}

/** Core's [StateRule] as its notation (`"average"`, `"reset"`), an enum to the structure check. */
@OptIn(ExperimentalSerializationApi::class, InternalSerializationApi::class)
object StateRuleSerializer : KSerializer<StateRule> {
    override val descriptor: SerialDescriptor = buildSerialDescriptor("mlpkit.StateRule", SerialKind.ENUM) {
        for (rule in StateRule.values()) element(rule.notation(), buildSerialDescriptor("mlpkit.StateRule.${rule.notation()}", StructureKind.OBJECT))
    }

    override fun serialize(encoder: Encoder, value: StateRule) = encoder.encodeString(value.notation())

    override fun deserialize(decoder: Decoder): StateRule = try {
        StateRule.parse(decoder.decodeString())
    } catch (e: IllegalArgumentException) {
        throw SerializationException(e.message)
    }
}
