package mlpkit.dsl.train

import kotlinx.serialization.EncodeDefault
import kotlinx.serialization.ExperimentalSerializationApi
import mlpkit.core.concept.Registry
import kotlinx.serialization.Serializable
import kotlinx.serialization.Transient
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
 *
 * A run directory keeps the history apart ([historyRows] set, the model's history empty in the file): one
 * line per epoch appended to [HistoryLog] beside the state file, so that a checkpoint every epoch costs the
 * same at any epoch; [read] puts the history back into [model]. A checkpoint without [historyRows] holds
 * its history in the model (files written before the log existed read as before). [notes] say what
 * reading dropped (a torn last line of the log after a crash); they are not written.
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
    /** When set, the history is the first [historyRows] lines of the [HistoryLog] beside the file, not the model's. */
    @EncodeDefault(EncodeDefault.Mode.NEVER) val historyRows: Int? = null,
    @Transient val notes: List<String> = emptyList(),
) {
    fun encode(): String = ModelJson.format.encodeToString(serializer(), this)

    /** This checkpoint with its history left to the [HistoryLog] (which must hold it) and [historyRows] counting it. */
    fun withHistoryApart(): TrainingCheckpoint = TrainingCheckpoint(
        formatVersion, epoch, trainRows, model.withHistory(emptyList()), shuffleRandom, dropoutRandom, earlyStopping, augmentRandom,
        schedule, divergenceBaseline, historyRows = model.history.size,
    )

    private fun withHistory(read: HistoryLog.Read): TrainingCheckpoint = TrainingCheckpoint(
        formatVersion, epoch, trainRows, model.withHistory(read.rows), shuffleRandom, dropoutRandom, earlyStopping, augmentRandom,
        schedule, divergenceBaseline, historyRows = null, notes = read.notes,
    )

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
            val checkpoint = reader.read(path).also { it.model.network("$path (model)", registry) }
            val rows = checkpoint.historyRows ?: return checkpoint
            return checkpoint.withHistory(HistoryLog.read(HistoryLog.beside(path), rows))
        }
    }
}
