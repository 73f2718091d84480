package mlpkit.estimator

import java.nio.file.Path
import kotlin.properties.ReadWriteProperty
import kotlin.reflect.KProperty
import mlpkit.core.activation.Activation
import mlpkit.core.loss.Loss
import mlpkit.core.loss.Reduction
import mlpkit.core.matrix.DenseMatrix
import mlpkit.core.network.Network
import mlpkit.core.optim.Adam
import mlpkit.core.optim.Constant
import mlpkit.core.optim.OptimizerSpec
import mlpkit.core.optim.OptimizerState
import mlpkit.core.optim.Sgd
import mlpkit.data.Dataset
import mlpkit.data.DenseFeatures
import mlpkit.data.Targets
import mlpkit.data.random.RandomState
import mlpkit.data.split.subset
import mlpkit.core.network.ParameterLayout
import mlpkit.dsl.Experiment
import mlpkit.dsl.model.Model
import mlpkit.dsl.resolve.ResolvedData
import mlpkit.dsl.spec.BatchSizeSpec
import mlpkit.dsl.spec.CallbackSpec
import mlpkit.dsl.spec.DataSource
import mlpkit.dsl.spec.DataSpec
import mlpkit.dsl.spec.DivergenceSpec
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.TrainingSpec
import mlpkit.dsl.train.MetricNames
import mlpkit.dsl.train.StopReason
import mlpkit.dsl.train.TrainingRun
import mlpkit.dsl.train.TrainingStart
import org.apache.commons.math3.linear.RealMatrix

/**
 * What [MlpClassifier] and [MlpRegressor] share: the parameters of [MlpParams] (set by name with [set], read with
 * [getParams] or as Kotlin properties), fitting through mlpkit's own training loop ([TrainingRun] on an
 * [ExperimentSpec] built from the parameters: not a second implementation), and the attributes scikit-learn
 * sets after a fit. [S] is the concrete estimator, so that `set` chains keep their type in Java.
 */
abstract class MlpEstimator<S : MlpEstimator<S>> internal constructor(
    /** The estimator's name in messages (`MlpClassifier`). */
    val estimatorName: String,
) {
    private val values = LinkedHashMap<String, Any?>().apply { MlpParams.all.forEach { put(it.name, it.default) } }

    private fun <T> param(declaration: EstimatorParam<T>) = object : ReadWriteProperty<Any?, T> {
        @Suppress("UNCHECKED_CAST")
        override fun getValue(thisRef: Any?, property: KProperty<*>): T = values[declaration.name] as T
        override fun setValue(thisRef: Any?, property: KProperty<*>, value: T) {
            values[declaration.name] = declaration.checked(value, estimatorName)
        }
    }

    var activation: HiddenActivation by param(MlpParams.activation)
    var alpha: Double by param(MlpParams.alpha)
    var batchSize: Any by param(MlpParams.batchSize)
    var beta1: Double by param(MlpParams.beta1)
    var beta2: Double by param(MlpParams.beta2)
    var earlyStopping: Boolean by param(MlpParams.earlyStopping)
    var epsilon: Double by param(MlpParams.epsilon)
    var hiddenLayerSizes: List<Int> by param(MlpParams.hiddenLayerSizes)
    var learningRate: LearningRateSchedule by param(MlpParams.learningRate)
    var learningRateInit: Double by param(MlpParams.learningRateInit)
    var maxFun: Int by param(MlpParams.maxFun)
    var maxIter: Int by param(MlpParams.maxIter)
    var momentum: Double by param(MlpParams.momentum)
    var nIterNoChange: Int by param(MlpParams.nIterNoChange)
    var nesterovsMomentum: Boolean by param(MlpParams.nesterovsMomentum)
    var powerT: Double by param(MlpParams.powerT)
    var randomState: Long? by param(MlpParams.randomState)
    var shuffle: Boolean by param(MlpParams.shuffle)
    var solver: Solver by param(MlpParams.solver)
    var tol: Double by param(MlpParams.tol)
    var validationFraction: Double by param(MlpParams.validationFraction)
    var verbose: Boolean by param(MlpParams.verbose)
    var warmStart: Boolean by param(MlpParams.warmStart)

    @Suppress("UNCHECKED_CAST")
    private fun self(): S = this as S

    /**
     * scikit-learn's `set_params(name=value)`: [name] as scikit-learn writes it (`hidden_layer_sizes`), [value] as
     * Java or Kotlin holds it (`new int[] {50}`, `"lbfgs"`, `0`); returns this estimator. An unknown name or a value
     * outside the parameter's range is an [InvalidParameterException] in scikit-learn's words.
     */
    fun set(name: String, value: Any?): S {
        val declaration = MlpParams.named(name)
            ?: throw InvalidParameterException(
                "Invalid parameter '$name' for estimator $estimatorName. Valid parameters are: " +
                    MlpParams.all.joinToString(", ", "[", "]") { "'${it.name}'" } + ".",
            )
        values[name] = declaration.checked(value, estimatorName)
        return self()
    }

    /** scikit-learn's `get_params()`: every parameter by its scikit-learn name, `int[]` for hidden_layer_sizes, strings for choices. */
    fun getParams(): Map<String, Any?> = MlpParams.all.associateTo(LinkedHashMap()) { p ->
        @Suppress("UNCHECKED_CAST")
        p.name to (p as EstimatorParam<Any?>).exported(values[p.name])
    }

    // ---- attributes after a fit (scikit-learn's trailing-underscore attributes) ----

    private val lossValues = ArrayList<Double>()
    private var validationValues: ArrayList<Double>? = null
    private var fitted: FittedNetwork? = null

    /** The training loss of each epoch, in scikit-learn's `loss_curve_` convention (see [MlpRegressor] for its outputs). */
    val lossCurve: List<Double> get() = lossValues.toList()

    /** The least training loss (`best_loss_`); null with early stopping, as in scikit-learn. */
    var bestLoss: Double? = null
        private set

    /** The validation score of each epoch with early stopping (`validation_scores_`), else null. */
    val validationScores: List<Double>? get() = validationValues?.toList()

    /** The best validation score (`best_validation_score_`) with early stopping, else null. */
    var bestValidationScore: Double? = null
        private set

    /** Epochs trained (`n_iter_`), summed over warm starts and partial fits. */
    var nIter: Int = 0
        private set

    /** Whether the last [fit] stopped by the tol rule before maxIter epochs (false when maxIter was reached). */
    var converged: Boolean = false
        private set

    /** scikit-learn's `ConvergenceWarning` text when the last fit reached maxIter without converging, else null (nothing is printed). */
    var convergenceWarning: String? = null
        private set

    /** Input features (`n_features_in_`). */
    val nFeaturesIn: Int get() = requireFitted().inputs

    /** Output units (`n_outputs_`). */
    val nOutputs: Int get() = requireFitted().network.outputs

    /** The output layer's activation as scikit-learn names it (`out_activation_`: logistic, softmax or identity). */
    val outLayerActivation: String get() = requireFitted().outActivationName

    /** Per layer the weights as fan_in × fan_out rows (`coefs_`). */
    val coefs: List<Array<DoubleArray>> get() = requireFitted().let { SklearnNetwork.coefsAndIntercepts(it.layout, it.model.file.parameters).first }

    /** Per layer the biases (`intercepts_`). */
    val intercepts: List<DoubleArray> get() = requireFitted().let { SklearnNetwork.coefsAndIntercepts(it.layout, it.model.file.parameters).second }

    /** The fitted model (the ordinary mlpkit model: `mlp predict` reads what [save] writes). */
    val model: Model get() = requireFitted().model

    /** Whether the estimator has been fitted (or loaded). */
    val isFitted: Boolean get() = fitted != null

    internal fun requireFitted(): FittedNetwork = fitted ?: throw NotFittedException(
        "This $estimatorName instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.",
    )

    /** The network's outputs for [x] (probabilities or values), checked against the fitted number of features. */
    internal fun outputs(x: Array<DoubleArray>): DenseMatrix {
        val fit = requireFitted()
        Inputs.requireRows(x, fit.inputs, estimatorName)
        return fit.model.predict(x)
    }

    /** What the subclass decides about the output: units, activation (and its scikit-learn name), loss, score metric. */
    internal class Head(val outputs: Int, val activation: Activation, val activationName: String, val loss: Loss, val scoreMetric: String, val lossScale: Double)

    /** A network fitted (or loaded): the model, its inputs, its head's name, the optimiser's state for partial fits. */
    internal class FittedNetwork(
        val model: Model,
        val inputs: Int,
        val network: SklearnNetwork,
        val outActivationName: String,
        val optimizer: OptimizerState?,
        val loss: Loss,
    ) {
        /** Where each layer's W and b sit in the flat parameters. */
        val layout: ParameterLayout = network.layout(inputs, loss)
    }

    /**
     * Trains on [x] and [targets] with [head]; [incremental] is scikit-learn's partial_fit (one epoch, optimiser state
     * kept). Starts from scikit-learn's initial weights (`RandomState(random_state)`) unless warm-starting or continuing.
     */
    internal fun fitNetwork(x: Array<DoubleArray>, targets: Targets, head: Head, incremental: Boolean) {
        val rows = Inputs.requireRows(x, fitted?.takeIf { incremental || warmStart }?.inputs, estimatorName)
        val inputs = x[0].size
        requireExpressible(rows)
        val previous = fitted?.takeIf { incremental || warmStart }
        val network = SklearnNetwork(hiddenLayerSizes, activation, head.outputs, head.activation)
        if (previous != null) {
            require(previous.network.hiddenLayerSizes == hiddenLayerSizes && previous.network.outputs == head.outputs) {
                "$estimatorName continues from its fitted network of hidden layers ${previous.network.hiddenLayerSizes} and " +
                    "${previous.network.outputs} outputs, but got hidden_layer_sizes $hiddenLayerSizes and ${head.outputs} outputs: " +
                    "set warm_start=False to start afresh"
            }
        }
        val random = RandomState(randomState ?: RandomState().randint(0L, 1L shl 32))
        val start = if (previous != null) {
            TrainingStart(previous.model.file.parameters.copyOf(), if (incremental) previous.optimizer else null)
        } else {
            lossValues.clear()
            validationValues = null
            bestLoss = null
            bestValidationScore = null
            nIter = 0
            TrainingStart(network.initialParameters(inputs, head.loss, random))
        }
        val stopEarly = earlyStopping && !incremental
        val all = Dataset(estimatorName, DenseFeatures.of(x), targets)
        val split = if (stopEarly) ValidationSplit.of(rows, validationFraction, random) else null
        val train = split?.let { all.subset(it.train, "train") } ?: all
        val validation = split?.let { all.subset(it.validation, "validation") }
        val batch = when (val size = batchSize) {
            MlpParams.AUTO -> minOf(MlpParams.AUTO_BATCH_LIMIT, train.size)
            else -> (size as Int).coerceIn(1, train.size)
        }
        val trainingSpec = TrainingSpec(
            loss = head.loss,
            reduction = Reduction.MEAN,
            optimizer = optimizer(batch),
            schedule = Constant(),
            epochs = if (incremental) 1 else maxIter,
            batchSize = BatchSizeSpec.Rows(batch),
            seed = randomState ?: 0L,
            threads = 1,
            callbacks = if (incremental) emptyList() else listOf(stoppingRule(stopEarly, head)),
            divergence = DivergenceSpec.Off,
        )
        val spec = ExperimentSpec(
            estimatorName,
            DataSpec(DataSource.Csv(train = "<in memory: $estimatorName.fit(X, y)>", regression = targets !is mlpkit.data.ClassLabels)),
            network.spec,
            trainingSpec,
        )
        val data = ResolvedData(train, validation, null, null, null)
        val result = TrainingRun(Experiment(spec), data = data, start = start).fit()
        val history = result.history
        lossValues += history.map { it.metrics.getValue(MetricNames.of(MetricNames.TRAIN, MetricNames.LOSS)) / head.lossScale }
        if (stopEarly) {
            val scores = history.map { it.metrics.getValue(MetricNames.of(MetricNames.VALIDATION, head.scoreMetric)) }
            validationValues = (validationValues ?: ArrayList()).apply { addAll(scores) }
            bestValidationScore = validationValues!!.max()
            bestLoss = null
        } else {
            bestLoss = lossValues.min()
        }
        nIter += result.epochs
        converged = !incremental && result.reason is StopReason.EarlyStopped
        convergenceWarning = if (!incremental && !converged) {
            "Stochastic Optimizer: Maximum iterations ($maxIter) reached and the optimization hasn't converged yet."
        } else {
            null
        }
        fitted = FittedNetwork(result.model, inputs, network, head.activationName, result.model.file.optimizer?.toState(), head.loss)
    }

    /** The parts of scikit-learn's estimators mlpkit's training loop cannot express yet (issue 16's second part wires them). */
    private fun requireExpressible(rows: Int) {
        fun later(what: String): Nothing = throw UnsupportedOperationException(
            "$estimatorName: $what is not available in mlpkit's estimators yet (issue 16, second part): $SUPPORTED",
        )
        if (solver == Solver.lbfgs) later("solver='lbfgs'")
        if (solver == Solver.sgd && learningRate != LearningRateSchedule.constant) later("learning_rate='${learningRate.name}'")
        val batch = batchSize
        val oneBatch = batch == MlpParams.AUTO && rows <= MlpParams.AUTO_BATCH_LIMIT || batch is Int && batch >= rows
        if (!shuffle && !oneBatch && !earlyStopping) later("shuffle=False with several mini-batches per epoch")
    }

    private fun optimizer(batch: Int): OptimizerSpec {
        // scikit-learn adds alpha·W / batch rows to the gradient: mlpkit's L2 weight decay with λ = alpha / batch
        // (equal for every full batch; the penalty is not in the loss curve: issue 16's second part adds sklearn's form).
        val decay = alpha / batch
        return when (solver) {
            Solver.sgd -> Sgd(learningRateInit, momentum, nesterovsMomentum && momentum > 0, decay, 0.0)
            Solver.adam -> Adam(learningRateInit, beta1, beta2, epsilon, decay, 0.0)
            Solver.lbfgs -> error("lbfgs is refused by requireExpressible")
        }
    }

    private fun stoppingRule(stopEarly: Boolean, head: Head): CallbackSpec.EarlyStopping = if (stopEarly) {
        CallbackSpec.EarlyStopping(
            MetricNames.of(MetricNames.VALIDATION, head.scoreMetric), "max", nIterNoChange, tol, restoreBest = true,
            rule = CallbackSpec.EarlyStopping.SKLEARN,
        )
    } else {
        // train_loss is scikit-learn's loss times lossScale, so its tol is scaled alike.
        CallbackSpec.EarlyStopping(
            MetricNames.of(MetricNames.TRAIN, MetricNames.LOSS), "min", nIterNoChange, tol * head.lossScale, restoreBest = false,
            rule = CallbackSpec.EarlyStopping.SKLEARN,
        )
    }

    /** Writes the fitted estimator as an ordinary model file (`mlp predict` reads it) with its parameters and attributes. */
    fun save(path: Path) {
        val fit = requireFitted()
        EstimatorRecord.of(this, fit).attachTo(fit.model.file).save(path)
    }

    /** Restores what [EstimatorRecord] kept: parameters, attributes and the model. */
    internal fun restore(record: EstimatorRecord, model: Model) {
        for ((name, value) in record.params) set(name, value)
        lossValues.clear()
        lossValues += record.lossCurve
        validationValues = record.validationScores?.let { ArrayList(it) }
        bestLoss = record.bestLoss
        bestValidationScore = record.bestValidationScore
        nIter = record.nIter
        converged = record.converged
        convergenceWarning = record.convergenceWarning
        val network = SklearnNetwork(hiddenLayerSizes, activation, model.outputSize, OutputActivations.named(record.outActivation))
        fitted = FittedNetwork(model, model.inputSize, network, record.outActivation, model.file.optimizer?.toState(), model.file.loss)
    }

    override fun toString(): String {
        val changed = MlpParams.all.filter { values[it.name] != it.default }
        return changed.joinToString(", ", "$estimatorName(", ")") { p ->
            @Suppress("UNCHECKED_CAST")
            "${p.name}=${EstimatorParam.pythonRepr((p as EstimatorParam<Any?>).exported(values[p.name]))}"
        }
    }

    internal companion object {
        const val SUPPORTED = "use solver='sgd' (learning_rate='constant') or 'adam'; shuffle=False only with one batch per epoch"
    }
}
