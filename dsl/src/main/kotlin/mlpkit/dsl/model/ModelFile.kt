package mlpkit.dsl.model

import kotlinx.serialization.Contextual
import kotlinx.serialization.EncodeDefault
import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.Serializable
import mlpkit.core.concept.NotationException
import mlpkit.core.concept.Registry
import mlpkit.core.loss.Loss
import mlpkit.core.network.Network
import mlpkit.core.network.NetworkSpec
import mlpkit.data.batch.TargetEncoding
import mlpkit.data.random.RandomState
import mlpkit.dsl.resolve.InputScaling
import mlpkit.dsl.spec.ExperimentSpec
import java.nio.file.Path

/**
 * A trained model as a versioned JSON file: everything needed to predict ([notation], [inputSize],
 * [loss], the flat [parameters] in core's layout, the layers' [state] when they keep one (batch
 * normalisation's running statistics), the [inputScaling] fitted in training, the [targetEncoding] and
 * [classNames] that give outputs their meaning) and everything needed to know how it came about or to
 * continue it ([optimizer] state, per-epoch [history], the [spec] it was trained from).
 *
 * The notation and loss name their concepts; a concept of the user's own (an activation written in a
 * script) is read back only by a registry that holds it. Doubles are written in the shortest form that
 * reads back to the same bits, so save → load gives the same parameters and predictions bit for bit.
 */
@OptIn(ExperimentalSerializationApi::class)
@Serializable
class ModelFile(
    val formatVersion: Int = FORMAT_VERSION,
    val notation: String,
    val inputSize: Int,
    @Contextual val loss: Loss,
    val targetEncoding: TargetEncoding,
    val parameters: DoubleArray,
    @EncodeDefault(EncodeDefault.Mode.NEVER) val state: DoubleArray? = null,
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
     * The network this file describes, with its parameters and state; [source] names the file in errors and
     * [registry] reads its notation. Checks that the parameters, state, scaler, class names and optimiser
     * state fit the network.
     */
    @JvmOverloads
    fun network(source: String = "model", registry: Registry = Registry.builtIns()): Network {
        val networkSpec = try {
            NetworkSpec.parse(notation, registry)
        } catch (e: NotationException) {
            throw ModelFileException("$source: the network '$notation' does not read back: ${e.message}${definitionHint(e)}", e)
        }
        if (inputSize < 1) throw ModelFileException("$source: inputSize must be at least 1, got $inputSize")
        val network = try {
            // The initial draw is overwritten below; a fixed seed keeps building deterministic.
            Network.build(networkSpec, inputSize, loss, RandomState(0), RandomState(0))
        } catch (e: IllegalArgumentException) {
            throw ModelFileException("$source: cannot build '$notation' for $inputSize inputs: ${e.message}", e)
        }
        if (network.parameterCount() != parameters.size) {
            throw ModelFileException(
                "$source: '$notation' with $inputSize inputs has ${network.parameterCount()} parameters, but the file holds " +
                    "${parameters.size}: the file is damaged or was edited; use the model.json of the run as written",
            )
        }
        val layerState = state ?: DoubleArray(0)
        if (network.state().size != layerState.size) {
            throw ModelFileException(
                "$source: '$notation' keeps ${network.state().size} values of layer state (running statistics), but the file holds " +
                    "${layerState.size}: the file is damaged or was edited",
            )
        }
        checkParts(source, network)
        parameters.copyInto(network.parameters())
        layerState.copyInto(network.state())
        return network
    }

    /**
     * Refuses a file whose parameters or layer state hold a non-finite number (NaN, ±Infinity, or a literal
     * such as 1e400 that reads as Infinity): such a model predicts nonsense with no sign of it. Checked when a
     * model is made to predict ([Model.load], [Model.of]); reading the file alone (a report of a run that
     * diverged) still shows its weights.
     */
    internal fun requireFiniteNumbers(source: String) {
        fun check(values: DoubleArray, what: String) {
            val i = values.indexOfFirst { !it.isFinite() }
            if (i >= 0) {
                throw ModelFileException(
                    "$source: $what ${i + 1} of '$notation' is ${values[i]}, but a model predicts only with finite numbers: " +
                        "the file is damaged or was edited, or its run diverged; train again (e.g. with a smaller learning rate)",
                )
            }
        }
        check(parameters, "parameter")
        state?.let { check(it, "layer state value") }
    }

    private fun definitionHint(e: NotationException): String =
        if (e.unknownKind() != null) {
            ": ${e.found()} is not a concept of this mlpkit; a model trained with an activation of your own reads only with " +
                "its definition added to the registry, e.g. Model.load(path, Registry.builtIns().with(myActivation.concept()))"
        } else {
            ""
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
        val optimizerState = optimizer
        if (optimizerState != null && optimizerState.arrays.values.any { it.size != parameters.size }) {
            throw ModelFileException(
                "$source: the ${optimizerState.kind} optimiser state does not have one entry per parameter (${parameters.size}): the file is damaged",
            )
        }
    }

    companion object {
        /** The format this version writes and the newest it reads. */
        const val FORMAT_VERSION: Int = 1

        private fun reader(registry: Registry) = VersionedJsonReader("model", FORMAT_VERSION, serializer(), ModelJson.format(registry))

        /**
         * Reads and checks a model file. A file that is not JSON or is cut short, lacks fields, comes from
         * a newer mlpkit, or whose parameters do not fit its network is a [ModelFileException] naming the
         * file and the problem. [registry] reads its concepts (add a concept of your own to it).
         */
        @JvmStatic
        @JvmOverloads
        fun read(path: Path, registry: Registry = Registry.builtIns()): ModelFile =
            reader(registry).read(path).also { it.network(path.toString(), registry) }

        /** Decodes and checks model JSON [text]; [source] names it in errors. */
        @JvmStatic
        @JvmOverloads
        fun decode(text: String, source: String = "model.json", registry: Registry = Registry.builtIns()): ModelFile =
            reader(registry).decode(text, source).also { it.network(source, registry) }
    }
}
