package mlpkit.dsl.model

import kotlinx.serialization.Contextual
import kotlinx.serialization.EncodeDefault
import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.Serializable
import kotlinx.serialization.SerializationException
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import mlpkit.core.concept.NotationException
import mlpkit.core.concept.Registry
import mlpkit.core.limits.MachineLimits
import mlpkit.core.loss.Loss
import mlpkit.core.network.Network
import mlpkit.core.network.NetworkSpec
import mlpkit.core.network.ParameterLayout
import mlpkit.data.batch.TargetEncoding
import mlpkit.data.random.RandomState
import mlpkit.data.scaling.Scaler
import mlpkit.data.table.ColumnPipeline
import mlpkit.dsl.resolve.InputScaling
import mlpkit.dsl.spec.ExperimentSpec
import java.nio.file.Path

/**
 * A trained model as a versioned JSON file: everything needed to predict ([notation], [inputSize],
 * [loss], the flat [parameters] in core's layout, the layers' [state] when they keep one (batch
 * normalisation's running statistics), the [inputScaling] fitted in training, the [targetEncoding] and
 * [classNames] that give outputs their meaning, the [featureNames] of the training file's columns when
 * it had a header, so that `predict` recognises that header and chooses the columns by name — null
 * otherwise and in files written before the field existed) and everything needed to know how it came
 * about or to continue it ([optimizer] state, per-epoch [history], the [spec] it was trained from).
 *
 * The notation and loss name their concepts; a concept of the user's own (an activation written in a
 * script) is read back only by a registry that holds it. Doubles are written in the shortest form that
 * reads back to the same bits, so save → load gives the same parameters and predictions bit for bit.
 *
 * [targetScaling] is the scaler fitted on a regression run's training targets (`data.targetScaling`): the
 * network's outputs are in its scaled units and [Model.predict] maps them back with its inverse. Left out of
 * the JSON when null (no target scaling), so other files keep their bytes and older files read as before.
 *
 * [pipeline] turns a table's text columns into the features (imputation, scaling, one-hot; data's `ColumnPipeline`)
 * for a model trained on a table source; [Model.predict] on a `RawTable` applies it. Left out of the JSON when null.
 *
 * [targetNames] names a regression model's outputs when its data set named its targets (linnerud's Weight,
 * Waist, Pulse; `mlp predict` heads its columns with them); left out of the JSON when null.
 *
 * [diverged] is null unless the run that wrote the file diverged ([mlpkit.dsl.train.StopReason.divergence]:
 * what happened, epoch and batch); [Model.load] refuses such a file unless the caller allows it. The key is
 * left out of the JSON when null, so files of runs that did not diverge (and files written before the
 * marker existed) read as they always did.
 */
@OptIn(ExperimentalSerializationApi::class)
@Serializable
class ModelFile(
    val formatVersion: Int = FORMAT_VERSION,
    @EncodeDefault(EncodeDefault.Mode.NEVER) val diverged: String? = null,
    val notation: String,
    val inputSize: Int,
    @Contextual val loss: Loss,
    val targetEncoding: TargetEncoding,
    val parameters: DoubleArray,
    @EncodeDefault(EncodeDefault.Mode.NEVER) val state: DoubleArray? = null,
    val inputScaling: InputScaling? = null,
    @EncodeDefault(EncodeDefault.Mode.NEVER) val targetScaling: Scaler? = null,
    val classNames: List<String>? = null,
    // Left out when null, so files of runs without a header read as before (and byte for byte as before).
    @EncodeDefault(EncodeDefault.Mode.NEVER) val featureNames: List<String>? = null,
    @EncodeDefault(EncodeDefault.Mode.NEVER) val targetNames: List<String>? = null,
    val optimizer: OptimizerStateFile? = null,
    val history: List<HistoryRow> = emptyList(),
    val spec: ExperimentSpec,
    // What an sklearn-style estimator (mlpkit.estimator) adds: its parameters and attributes; left out otherwise.
    @EncodeDefault(EncodeDefault.Mode.NEVER) val estimator: JsonObject? = null,
    // The column pipeline of a table source (text columns, missing values); left out when null.
    @EncodeDefault(EncodeDefault.Mode.NEVER) val pipeline: ColumnPipeline? = null,
) {
    /** This file with [record] as its `estimator` object (written by `mlpkit.estimator`'s `save`). */
    fun withEstimator(record: JsonObject): ModelFile = ModelFile(
        formatVersion, diverged, notation, inputSize, loss, targetEncoding, parameters, state, inputScaling, targetScaling,
        classNames, featureNames, targetNames, optimizer, history, spec, record, pipeline,
    )

    /** This file with [history] as its training history (a checkpoint keeps its history apart: [mlpkit.dsl.train.HistoryLog]). */
    fun withHistory(history: List<HistoryRow>): ModelFile = ModelFile(
        formatVersion, diverged, notation, inputSize, loss, targetEncoding, parameters, state, inputScaling, targetScaling,
        classNames, featureNames, targetNames, optimizer, history, spec, estimator, pipeline,
    )

    /** This file with the column [pipeline] that makes its inputs from a table (and the pipeline's feature names). */
    fun withPipeline(pipeline: ColumnPipeline): ModelFile = ModelFile(
        formatVersion, diverged, notation, inputSize, loss, targetEncoding, parameters, state, inputScaling, targetScaling,
        classNames, pipeline.featureNames, targetNames, optimizer, history, spec, estimator, pipeline,
    )

    /** The file's JSON text. */
    fun encode(): String = ModelJson.format.encodeToString(serializer(), this)

    /** Writes the file atomically (a reader never sees half of it; an existing file is replaced whole). */
    fun save(path: Path) = writeAtomically(path, encode())

    /**
     * The network this file describes, with its parameters and state; [source] names the file in errors and
     * [registry] reads its notation. Checks that the parameters, state, scaler, class names, target encoding
     * and optimiser state fit the network, and that every parameter, state and optimiser value is finite
     * (a model with a NaN or an infinity cannot predict, whether the file is damaged or its run diverged).
     */
    @JvmOverloads
    fun network(source: String = "model", registry: Registry = Registry.builtIns()): Network {
        val networkSpec = try {
            NetworkSpec.parse(notation, registry)
        } catch (e: NotationException) {
            throw ModelFileException("$source: the network '$notation' does not read back: ${e.message}${definitionHint(e)}", e)
        }
        if (inputSize < 1) throw ModelFileException("$source: inputSize must be at least 1, got $inputSize")
        // Sizes before anything is allocated: a file claiming 2·10⁹ inputs is refused, not an OutOfMemoryError.
        MachineLimits.ofThisMachine().networkProblem(networkSpec, inputSize, 1)?.let {
            throw ModelFileException("$source: '$notation' with inputSize $inputSize cannot be built on this machine: $it")
        }
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
        checkFinite(source, "parameters", parameters, network.layout())
        checkFinite(source, "state", layerState, network.stateLayout())
        optimizer?.arrays?.forEach { (name, values) ->
            checkFinite(source, "optimizer.arrays.$name", values, network.layout(), "the ${optimizer.kind} optimiser state $name of ")
        }
        parameters.copyInto(network.parameters())
        layerState.copyInto(network.state())
        return network
    }

    /**
     * Refuses a NaN or an infinity in [values] (the JSON array at [key]), naming the tensor entry that
     * holds it through [layout] and, when the file says so, the divergence that produced it.
     */
    private fun checkFinite(source: String, key: String, values: DoubleArray, layout: ParameterLayout, of: String = "") {
        val bad = NonFiniteValue.firstIn(values, layout) ?: return
        val why = diverged?.let { "the run that wrote this model diverged ($it), so no prediction can be made from it" }
            ?: "the file is damaged or comes from a run that diverged, so no prediction can be made from it"
        throw ModelFileException(
            "$source: \$.$key[${bad.index}] ($of${bad.place}) is ${bad.value}, expected a finite number: $why; " +
                "retrain (with a smaller learning rate if the loss diverged) or use an undamaged copy of the file",
        )
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
        val columns = pipeline
        if (columns != null && (columns.width != inputSize || scaling != null)) {
            throw ModelFileException(
                "$source: \$.pipeline makes ${columns.width} features${if (scaling != null) " and \$.inputScaling is set too" else ""}, but the network has $inputSize inputs " +
                    "and the pipeline does all input scaling: the file is damaged or was edited",
            )
        }
        val targets = targetScaling
        if (targets != null && (targetEncoding != TargetEncoding.VALUES || targets.columns != network.outputSize())) {
            throw ModelFileException(
                "$source: \$.targetScaling scales ${targets.columns} real-valued targets, but the network has ${network.outputSize()} " +
                    "${if (targetEncoding == TargetEncoding.VALUES) "real-valued outputs" else "class outputs (${targetEncoding.name})"}: the file is damaged or was edited",
            )
        }
        val outputNames = targetNames
        if (outputNames != null && (targetEncoding != TargetEncoding.VALUES || outputNames.size != network.outputSize())) {
            throw ModelFileException("$source: ${outputNames.size} target names for ${network.outputSize()} outputs of a ${targetEncoding.name} model: the file is damaged")
        }
        val features = featureNames
        if (features != null && features.size != inputSize) {
            throw ModelFileException("$source: ${features.size} feature names for $inputSize inputs: the file is damaged")
        }
        val outputs = network.outputSize()
        checkTargetEncoding(source, outputs)
        val names = classNames
        if (names != null) {
            val expected = when (targetEncoding) {
                TargetEncoding.ONE_HOT -> outputs..outputs
                TargetEncoding.BINARY_COLUMN -> 1..2
                else -> 1..Int.MAX_VALUE
            }
            if (names.size !in expected) {
                throw ModelFileException(
                    "$source: \$.classNames holds ${names.size} class names, but the network's ${targetEncoding.described(outputs)} " +
                        "needs ${if (expected.first == expected.last) "${expected.first}" else "${expected.first} to ${expected.last}"}: the file is damaged or was edited",
                )
            }
            val repeat = names.indices.firstOrNull { i -> names.indexOf(names[i]) < i }
            if (repeat != null) {
                throw ModelFileException(
                    "$source: \$.classNames[$repeat] repeats '${names[repeat]}' (also \$.classNames[${names.indexOf(names[repeat])}]), " +
                        "expected distinct class names: a prediction could not say which class it means; the file is damaged or was edited",
                )
            }
        }
        val optimizerState = optimizer
        if (optimizerState != null && optimizerState.arrays.values.any { it.size != parameters.size }) {
            throw ModelFileException(
                "$source: the ${optimizerState.kind} optimiser state does not have one entry per parameter (${parameters.size}): the file is damaged",
            )
        }
    }

    /**
     * The target encoding must fit the output layer and the loss as training chose it ([mlpkit.dsl.resolve.chooseTargetEncoding]):
     * one output per class (at least 2) for `ONE_HOT`, a single output for the 0/1 and label columns, a loss for real
     * values and no class names for `VALUES`, and one-hot targets for a loss that expects them.
     */
    private fun checkTargetEncoding(source: String, outputs: Int) {
        val problem = when {
            targetEncoding == TargetEncoding.ONE_HOT && outputs < 2 -> "one output per class, but the network has $outputs"
            targetEncoding in setOf(TargetEncoding.BINARY_COLUMN, TargetEncoding.LABEL_COLUMN) && outputs != 1 ->
                "a single output, but the network has $outputs"
            targetEncoding == TargetEncoding.VALUES && loss.targets() != Loss.Targets.VALUES ->
                "a loss for real values, but the loss is ${loss.notation()}, which expects classes"
            targetEncoding == TargetEncoding.VALUES && classNames != null -> "no class names (a regression), but \$.classNames is given"
            targetEncoding != TargetEncoding.ONE_HOT && loss.targets() == Loss.Targets.ONE_HOT ->
                "one-hot targets for ${loss.notation()}, but the encoding is ${targetEncoding.name}"
            else -> return
        }
        throw ModelFileException("$source: \$.targetEncoding ${targetEncoding.name} needs $problem: the file is damaged or was edited")
    }

    private fun TargetEncoding.described(outputs: Int): String = when (this) {
        TargetEncoding.ONE_HOT -> "$outputs outputs (one per class)"
        TargetEncoding.BINARY_COLUMN -> "single 0/1 output"
        TargetEncoding.LABEL_COLUMN -> "single label output"
        TargetEncoding.VALUES -> "$outputs real-valued outputs"
    }

    companion object {
        /** The format this version writes and the newest it reads. */
        const val FORMAT_VERSION: Int = 1

        private fun reader(registry: Registry): VersionedJsonReader<ModelFile> {
            val json = ModelJson.format(registry)
            return VersionedJsonReader("model", FORMAT_VERSION, serializer(), json) { tree, source -> checkScaling(tree, source, "\$", json) }
        }

        /**
         * Decodes the `inputScaling` of the model object [tree] (at JSON path [at]) alone, so that a scaler its own
         * checks refuse (a NaN mean, a scale of 0, a minimum above its maximum) is named by its JSON path. Other
         * mistakes are left to the decoding of the whole file, which names their paths itself.
         */
        internal fun checkScaling(tree: JsonObject, source: String, at: String, json: Json) {
            val scaling = tree["inputScaling"] as? JsonObject ?: return
            try {
                json.decodeFromJsonElement(InputScaling.serializer(), scaling)
            } catch (e: SerializationException) {
                return
            } catch (e: IllegalArgumentException) {
                val path = if ("scaler" in scaling) "$at.inputScaling.scaler" else "$at.inputScaling"
                throw ModelFileException("$source: $path: ${e.message}: the file is damaged or was edited", e)
            }
        }

        /**
         * Reads and checks a model file. A file that is not JSON or is cut short, lacks fields, comes from
         * a newer mlpkit, whose parameters, scaler, class names or target encoding do not fit its network, or
         * that holds a NaN or an infinity in its parameters, state or optimiser state is a [ModelFileException]
         * naming the file, the JSON path and the problem. A file marked [diverged] reads (to inspect it);
         * [Model.load] is what refuses it. [registry] reads its concepts (add a concept of your own to it).
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
