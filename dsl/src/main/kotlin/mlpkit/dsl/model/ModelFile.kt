package mlpkit.dsl.model

import kotlinx.serialization.Serializable
import mlpkit.core.network.Network
import mlpkit.core.network.NetworkSpec
import mlpkit.core.network.NotationException
import mlpkit.data.batch.TargetEncoding
import mlpkit.data.random.RandomState
import mlpkit.dsl.resolve.InputScaling
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.LossName
import java.nio.file.Path

/**
 * A trained model as a versioned JSON file: everything needed to predict ([notation], [inputSize],
 * [loss], the flat [parameters] in core's layout, the [inputScaling] fitted in training, the
 * [targetEncoding] and [classNames] that give outputs their meaning) and everything needed to know how
 * it came about or to continue it ([optimizer] state, per-epoch [history], the [spec] it was trained
 * from).
 *
 * Doubles are written in the shortest form that reads back to the same bits, so save → load gives
 * the same parameters and the same predictions bit for bit.
 */
@Serializable
class ModelFile(
    val formatVersion: Int = FORMAT_VERSION,
    val notation: String,
    val inputSize: Int,
    val loss: LossName,
    val targetEncoding: TargetEncoding,
    val parameters: DoubleArray,
    val inputScaling: InputScaling? = null,
    val classNames: List<String>? = null,
    val optimizer: OptimizerStateFile? = null,
    val history: List<HistoryRow> = emptyList(),
    val spec: ExperimentSpec,
) {
    /** The file's JSON text. */
    fun encode(): String = ModelJson.format.encodeToString(serializer(), this)

    /** Writes the file atomically (a reader never sees half of it; an existing file is replaced whole). */
    fun save(path: Path) = writeAtomically(path, encode())

    /**
     * The network this file describes, with its parameters; [source] names the file in errors. Checks
     * that the parameters, scaler, class names and optimiser state fit the network.
     */
    fun network(source: String = "model"): Network {
        val networkSpec = try {
            NetworkSpec.parse(notation)
        } catch (e: NotationException) {
            throw ModelFileException("$source: the notation '$notation' does not parse: ${e.message}", e)
        }
        if (inputSize < 1) throw ModelFileException("$source: inputSize must be at least 1, got $inputSize")
        val network = try {
            // The initial draw is overwritten below; a fixed seed keeps building deterministic.
            Network.build(networkSpec, inputSize, loss.loss, RandomState(0), RandomState(0))
        } catch (e: IllegalArgumentException) {
            throw ModelFileException("$source: cannot build '$notation' for $inputSize inputs: ${e.message}", e)
        }
        if (network.parameterCount() != parameters.size) {
            throw ModelFileException(
                "$source: '$notation' with $inputSize inputs has ${network.parameterCount()} parameters, but the file holds " +
                    "${parameters.size}: the file is damaged or was edited; use the model.json of the run as written",
            )
        }
        checkParts(source, network)
        parameters.copyInto(network.parameters())
        return network
    }

    private fun checkParts(source: String, network: Network) {
        val scaling = inputScaling
        if (scaling is InputScaling.Fitted && scaling.scaler.columns != inputSize) {
            throw ModelFileException(
                "$source: the input scaler has ${scaling.scaler.columns} columns but the network has $inputSize inputs: the file is damaged",
            )
        }
        val names = classNames
        val outputs = network.outputSize()
        if (names != null && targetEncoding == TargetEncoding.ONE_HOT && names.size != outputs) {
            throw ModelFileException("$source: ${names.size} class names for $outputs outputs: the file is damaged")
        }
        val state = optimizer
        if (state != null && state.arrays.values.any { it.size != parameters.size }) {
            throw ModelFileException(
                "$source: the ${state.kind} optimiser state does not have one entry per parameter (${parameters.size}): the file is damaged",
            )
        }
    }

    companion object {
        /** The format this version writes and the newest it reads. */
        const val FORMAT_VERSION: Int = 1

        private val reader = VersionedJsonReader("model", FORMAT_VERSION, serializer())

        /**
         * Reads and checks a model file. A file that is not JSON or is cut short, lacks fields, comes from
         * a newer mlpkit, or whose parameters do not fit its network is a [ModelFileException] naming the
         * file and the problem.
         */
        @JvmStatic
        fun read(path: Path): ModelFile = reader.read(path).also { it.network(path.toString()) }

        /** Decodes and checks model JSON [text]; [source] names it in errors. */
        @JvmStatic
        fun decode(text: String, source: String = "model.json"): ModelFile = reader.decode(text, source).also { it.network(source) }
    }
}
