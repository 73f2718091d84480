package mlpkit.dsl.train

import kotlinx.serialization.EncodeDefault
import kotlinx.serialization.ExperimentalSerializationApi
import mlpkit.core.concept.Registry
import kotlinx.serialization.Serializable
import kotlinx.serialization.json.JsonObject
import mlpkit.dsl.model.ModelFile
import mlpkit.dsl.model.ModelJson
import mlpkit.dsl.model.VersionedJsonReader
import java.nio.file.Path

/**
 * Everything a run needs to continue after [epoch] exactly as if it had never stopped: the [model]
 * (parameters, optimiser state, history, spec, input scaling), the states of the shuffling and dropout
 * generators, the early-stopping state, and the divergence guard's yardstick. The data is not stored: it is resolved again from the spec
 * (its split and generator seeds come from the spec's seed); [trainRows] and the model's input scaling
 * detect data that changed in between.
 */
@OptIn(ExperimentalSerializationApi::class)
@Serializable
class TrainingCheckpoint(
    val formatVersion: Int = FORMAT_VERSION,
    val epoch: Int,
    val trainRows: Int,
    val model: ModelFile,
    val shuffleRandom: RngState,
    val dropoutRandom: RngState,
    val earlyStopping: EarlyStoppingState? = null,
    /** The augmentation stream's state when the spec augments its batches. */
    val augmentRandom: RngState? = null,
    /** The learning-rate schedule's state when it keeps one (reduce on plateau). */
    @EncodeDefault(EncodeDefault.Mode.NEVER) val schedule: DoubleArray? = null,
    /** The untrained network's training loss, the divergence guard's first yardstick, when the guard is on. */
    @EncodeDefault(EncodeDefault.Mode.NEVER) val divergenceBaseline: Double? = null,
) {
    fun encode(): String = ModelJson.format.encodeToString(serializer(), this)

    companion object {
        const val FORMAT_VERSION: Int = 1

        /** Reads and checks a checkpoint file (errors as for model files); [registry] reads its concepts. */
        @JvmStatic
        @JvmOverloads
        fun read(path: Path, registry: Registry = Registry.builtIns()): TrainingCheckpoint {
            val json = ModelJson.format(registry)
            val reader = VersionedJsonReader("checkpoint", FORMAT_VERSION, serializer(), json) { tree, source ->
                (tree["model"] as? JsonObject)?.let { ModelFile.checkScaling(it, source, "\$.model", json) }
            }
            return reader.read(path).also { it.model.network("$path (model)", registry) }
        }
    }
}
