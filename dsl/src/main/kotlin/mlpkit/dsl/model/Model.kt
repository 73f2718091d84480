package mlpkit.dsl.model

import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import mlpkit.core.concept.Registry
import mlpkit.core.distributed.ColumnAffine
import mlpkit.core.distributed.NetworkRecipe
import mlpkit.core.distributed.TrainedModel
import mlpkit.core.matrix.DenseMatrix
import mlpkit.core.network.Network
import mlpkit.data.ClassLabels
import mlpkit.data.Dataset
import mlpkit.data.DenseFeatures
import mlpkit.data.RegressionTargets
import mlpkit.data.Targets
import mlpkit.core.onnx.OnnxExport
import mlpkit.core.onnx.OnnxGraph
import mlpkit.data.batch.TargetEncoding
import mlpkit.data.table.RawTable
import mlpkit.dsl.resolve.InputScaling
import mlpkit.dsl.train.DatasetEvaluator
import mlpkit.dsl.train.PartMetrics
import org.apache.commons.math3.linear.RealMatrix
import java.nio.file.Path

/**
 * A trained network ready to predict on raw inputs: [predict] scales the rows with the stored input
 * scaling, runs the network in inference mode (no dropout) and, for a regression model trained on scaled
 * targets (`data.targetScaling`), maps the outputs back to the targets' own units. Built from a [ModelFile]; [save]
 * writes that file. Calls are serialised (the network reuses its buffers), so one model can be shared
 * between threads, one prediction at a time.
 */
class Model private constructor(val file: ModelFile, private val network: Network) {
    val notation: String get() = file.notation
    val inputSize: Int get() = file.inputSize
    val outputSize: Int get() = network.outputSize()

    /** Class names indexed by class number, or null for a regression model. */
    val classNames: List<String>? get() = file.classNames

    /** Whether the outputs are class scores (not regression values). */
    val isClassifier: Boolean get() = file.targetEncoding != TargetEncoding.VALUES

    /**
     * The network's outputs for raw input rows (one row per sample, [inputSize] columns), as a new matrix; for a
     * model with target scaling, in the targets' units (the scaling undone).
     */
    @Synchronized
    fun predict(features: RealMatrix): DenseMatrix {
        require(features.columnDimension == inputSize) {
            "the model '$notation' takes $inputSize input columns, got ${features.columnDimension}: " +
                "pass the features as in training (raw, unscaled; the model scales them)"
        }
        val converted = DenseMatrix.of(features)
        val x = if (converted === features) converted.copy() else converted
        file.inputScaling?.applyInPlace(x)
        val outputs = network.predict(x)
        file.targetScaling?.inverseTransformInPlace(outputs)
        return outputs
    }

    /** [predict] for rows given as arrays. */
    fun predict(rows: Array<DoubleArray>): DenseMatrix = predict(DenseMatrix.of(rows))

    /**
     * Class probabilities, one column per class: the outputs of a one-output-per-class network, or
     * (1 − p, p) for a single 0/1 output, as scikit-learn's `predict_proba`. A [NotAClassifierException]
     * for a regression model ([isClassifier] false).
     */
    fun predictProba(features: RealMatrix): DenseMatrix {
        requireClassifier("predictProba")
        val outputs = predict(features)
        if (file.targetEncoding == TargetEncoding.ONE_HOT) return outputs
        val probabilities = DenseMatrix(outputs.rowDimension, 2)
        for (i in 0 until outputs.rowDimension) {
            val p = outputs.getEntry(i, 0)
            probabilities.setEntry(i, 0, 1.0 - p)
            probabilities.setEntry(i, 1, p)
        }
        return probabilities
    }

    /**
     * The predicted class of each row: the largest output, or class 1 when a single output is at least 0.5.
     * A [NotAClassifierException] for a regression model ([isClassifier] false).
     */
    fun predictClasses(features: RealMatrix): IntArray {
        requireClassifier("predictClasses")
        val outputs = predict(features)
        return IntArray(outputs.rowDimension) { predictedClass(outputs, it, file.targetEncoding) }
    }

    /** Whether the model was trained on a table and predicts from text rows ([features] of a [RawTable]). */
    val readsTables: Boolean get() = file.pipeline != null

    /**
     * The features the network sees for the rows of [table] (a predict file of text fields, matched by column
     * name; its target column may be absent): the model's column pipeline applied, with its missing-value
     * tokens, imputations, scaling and categories from training. An unknown category or a refused missing
     * value is a `CsvFormatException` naming the file, line, column and value. Refused for a model without a
     * pipeline (trained on numbers: use [predict] on the numbers).
     */
    fun features(table: RawTable): DenseMatrix {
        val pipeline = file.pipeline ?: throw IllegalArgumentException(
            "the model '$notation' was trained on numeric features, not on a table with a column pipeline: pass the numbers to predict(features)",
        )
        return pipeline.transform(table)
    }

    /** The outputs for the rows of [table] (see [features]); the same as [predict] of those features. */
    fun predict(table: RawTable): DenseMatrix = predict(features(table))

    /** The predicted class of each row of [table] (see [features] and [predictClasses]). */
    fun predictClasses(table: RawTable): IntArray = predictClasses(features(table))

    /** Class probabilities for the rows of [table] (see [features] and [predictProba]). */
    fun predictProba(table: RawTable): DenseMatrix = predictProba(features(table))

    /**
     * This model as core's [TrainedModel], which workers without the dsl rebuild and predict with (the same
     * outputs bit for bit): class names are the file's, or the class numbers "0", "1", … when it has none.
     * Refused, naming the concept, for a network with a concept of the user's own.
     */
    fun trainedModel(): TrainedModel {
        val input = inputAffine()
        val classes = if (!isClassifier) null else file.classNames ?: List(if (outputSize == 1) 2 else outputSize) { it.toString() }
        return TrainedModel(
            NetworkRecipe(notation, inputSize, network.lossFunction().notation()).also { it.requireBuiltIns() },
            file.parameters,
            file.state,
            input,
            classes,
            file.targetScaling?.inverseAffine(),
            file.pipeline?.toJson(),
            file.featureNames?.takeIf { it.size == inputSize },
        )
    }

    /**
     * Keras' `model.summary()`: a table of the layers (name and notation, output shape with `batch` for the rows,
     * parameter count), then the total, trainable and non-trainable parameters (batch normalisation's running
     * statistics are kept, not trained). See [ModelSummary].
     */
    fun summary(): String = ModelSummary.of(file.spec.name, network)

    /**
     * Keras' `model.evaluate(x, y)`: every metric the model's run reports for a part of its data (`loss`, `accuracy`,
     * `auc`, `r2`, …), measured in inference mode on the raw input rows [features] (scaled as in training) against
     * [targets] (class labels numbered as [classNames], or real values in the targets' own units), by the code that
     * measured the run's own parts.
     */
    @Synchronized
    fun evaluate(features: RealMatrix, targets: Targets): Evaluation {
        require(features.columnDimension == inputSize) {
            "the model '$notation' takes $inputSize input columns, got ${features.columnDimension}: pass the features as in training"
        }
        require(features.rowDimension == targets.size) { "${features.rowDimension} rows of features but ${targets.size} targets: give one target per row" }
        val x = DenseMatrix.of(features).let { if (it === features) it.copy() else it }
        file.inputScaling?.applyInPlace(x)
        val trained = when (targets) {
            is ClassLabels -> {
                if (!isClassifier) throw NotAClassifierException("evaluate with class labels", notation)
                val names = classNames ?: List(if (outputSize == 1) 2 else outputSize) { it.toString() }
                require(targets.classCount <= names.size) {
                    "the labels name ${targets.classCount} classes, but the model '$notation' knows ${names.size} (${names.joinToString(", ")})"
                }
                ClassLabels(targets.labels, names)
            }
            is RegressionTargets -> {
                require(!isClassifier) { "the model '$notation' predicts classes ${classNames ?: ""}: give class labels, not real values" }
                require(targets.outputs == outputSize) { "the model '$notation' has $outputSize outputs, got ${targets.outputs} target columns" }
                file.targetScaling?.let { RegressionTargets(it.transform(DenseMatrix.of(targets.values))) } ?: targets
            }
        }
        val spec = file.spec
        val weighted = spec.training.classWeight != null ||
            (spec.data.source as? mlpkit.dsl.spec.DataSource.Csv)?.sampleWeight != null ||
            (spec.data.source as? mlpkit.dsl.spec.DataSource.Spark)?.sampleWeight != null
        val metrics = PartMetrics.reportedRegistry(spec, Registry.builtIns(), weighted)
        val evaluator = DatasetEvaluator(PART, Dataset(PART, DenseFeatures(x), trained), file.targetEncoding, DatasetEvaluator.CHUNK_ROWS, metrics, file.targetScaling)
        val measured = LinkedHashMap<String, Double>()
        kotlinx.coroutines.runBlocking { evaluator.evaluate(network, measured) }
        return Evaluation(targets.size, measured.mapKeys { it.key.removePrefix("${PART}_") }, evaluator.report())
    }

    /** [evaluate] for class [labels] (0-based class numbers, as [predictClasses] gives them). */
    fun evaluate(features: RealMatrix, labels: IntArray): Evaluation = evaluate(features, ClassLabels(labels, classNames))

    /**
     * [evaluate] on the labelled rows of the CSV file [path], read by the rules the training data was read with
     * (see [LabelledFile]: features then the label, or a table by column names).
     */
    fun evaluate(path: Path): Evaluation = LabelledFile.read(this, path).let { evaluate(it.features, it.targets) }

    /**
     * [evaluate] on an IDX image file and its IDX label file (raw or gzip; see [LabelledImages]): the pixels scaled by
     * this model's input scaling from training, label v as class v.
     */
    fun evaluate(images: Path, labels: Path): Evaluation = LabelledImages.read(this, images, labels).let { evaluate(it.features, it.targets) }

    /** [evaluate] on every row of the built-in set [name] shipped in the jar (see [LabelledBuiltIn]), read as a run reads it. */
    fun evaluateBuiltIn(name: String): Evaluation = LabelledBuiltIn.read(this, name).let { evaluate(it.features, it.targets) }

    /** Writes the model file atomically. */
    fun save(path: Path) = file.save(path)

    /**
     * Writes this model as an ONNX file (opset [OnnxGraph.OPSET], docs/onnx.md), atomically: input `input` of shape
     * [batch, [inputSize]] (raw rows, as [predict] takes them; the stored input scaling is in the graph), output
     * `output` of shape [batch, [outputSize]] (what [predict] returns: class scores, or a regression's values in the
     * targets' units), `batch` dynamic, tensors in [precision] (float32 unless asked). A model trained on a table
     * has instead one input per column ([batch, 1]: numbers in [precision], NaN for a missing value; text as strings),
     * named by the column (ColumnPipeline.onnxInputNames, mapped in metadata `mlpkit.inputNames`), and its column
     * pipeline in the graph. A part without an ONNX form (an activation of the user's own) is an `OnnxExportException` (an IllegalArgumentException)
     * naming the layer and its notation, and nothing is written.
     */
    @JvmOverloads
    fun toOnnx(path: Path, precision: OnnxGraph.Precision = OnnxGraph.Precision.FLOAT32) {
        val bytes = onnxBytes(precision)
        mlpkit.data.io.writeAtomically(path) { it.write(bytes) }
    }

    /** The bytes [toOnnx] writes. */
    @Synchronized
    @JvmOverloads
    fun onnxBytes(precision: OnnxGraph.Precision = OnnxGraph.Precision.FLOAT32): ByteArray {
        val targets = file.targetScaling?.inverseAffine()
        val pipeline = file.pipeline
            ?: return OnnxExport.of(network, inputAffine(), targets, precision, onnxMetadata())
        return OnnxExport.of(network, pipeline::toOnnx, ", column pipeline included", targets, precision, onnxMetadata())
    }

    /** What the ONNX file's metadata_props say of the model: notation, the meaning of its inputs and outputs. */
    private fun onnxMetadata(): Map<String, String> = buildMap {
        fun names(list: List<String>) = JsonArray(list.map(::JsonPrimitive)).toString()
        put("mlpkit.notation", notation)
        put("mlpkit.targetEncoding", file.targetEncoding.name)
        put(
            "mlpkit.input",
            when {
                readsTables -> "one input per table column, [batch, 1]: numbers (NaN for a missing value) or strings; " +
                    "the column pipeline (imputation, one-hot, scaling) is in the graph; mlpkit.inputNames maps columns to inputs"
                file.inputScaling != null -> "raw feature rows (the input scaling is in the graph)"
                else -> "feature rows (the model scales nothing)"
            },
        )
        file.pipeline?.let { p ->
            put("mlpkit.inputNames", JsonObject(p.columns.zip(p.onnxInputNames).associate { (c, i) -> c.name to JsonPrimitive(i) }).toString())
        }
        file.featureNames?.let { put("mlpkit.featureNames", names(it)) }
        file.classNames?.let { put("mlpkit.classNames", names(it)) }
        file.targetNames?.let { put("mlpkit.targetNames", names(it)) }
    }

    /** The stored input scaling as core's column map, or null when the inputs are not scaled. */
    private fun inputAffine(): ColumnAffine? = when (val scaling = file.inputScaling) {
        null -> null
        is InputScaling.Fitted -> scaling.scaler.affine()
        is InputScaling.Pixels -> scaling.range.scaling.affine(inputSize)
    }

    private fun requireClassifier(what: String) {
        if (!isClassifier) throw NotAClassifierException(what, notation)
    }

    override fun toString(): String = "Model($notation, $inputSize inputs${classNames?.let { ", classes $it" } ?: ""})"

    companion object {
        /** The name of the part [evaluate] measures (its metrics are reported without it). */
        private const val PART = "data"

        /** The built-in sets [evaluateBuiltIn] reads: those shipped in the jar. */
        @JvmStatic
        val builtInSetsToEvaluate: List<String> get() = LabelledBuiltIn.names

        /**
         * Reads a model file (see [ModelFile.read] for the errors); [registry] reads its concepts: add the
         * definition of an activation or loss of your own, `Registry.builtIns().with(swish2.concept())`.
         * A file marked as written by a run that diverged ([ModelFile.diverged]) is a [DivergedModelException]
         * unless [allowDiverged]; non-finite weights are refused either way (nothing meaningful can come of them).
         */
        @JvmStatic
        @JvmOverloads
        fun load(path: Path, registry: Registry = Registry.builtIns(), allowDiverged: Boolean = false): Model {
            val file = ModelFile.read(path, registry)
            return Model(file, file.network(path.toString(), registry)).also { it.requireNotDiverged(path.toString(), allowDiverged) }
        }

        /** The model of a network just trained, whose parameters and state [file] holds (no second build from the notation). */
        internal fun ofTrained(file: ModelFile, network: Network): Model = Model(file, network)

        /** The model a file describes (checked as on [load], diverged runs refused unless [allowDiverged]). */
        @JvmStatic
        @JvmOverloads
        fun of(file: ModelFile, registry: Registry = Registry.builtIns(), allowDiverged: Boolean = false): Model =
            Model(file, file.network("model", registry)).also { it.requireNotDiverged("model", allowDiverged) }

        private fun Model.requireNotDiverged(source: String, allowDiverged: Boolean) {
            val divergence = file.diverged
            if (divergence != null && !allowDiverged) throw DivergedModelException(source, divergence)
        }
    }
}
