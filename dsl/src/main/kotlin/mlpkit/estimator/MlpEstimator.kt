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
import mlpkit.core.optim.Adaptive
import mlpkit.core.optim.Constant
import mlpkit.core.optim.InverseScaling
import mlpkit.core.optim.OptimizerParams
import mlpkit.core.optim.ScheduleSpec
import mlpkit.core.optim.lbfgs.LbfgsOptimizer
import mlpkit.core.optim.lbfgs.LbfgsOptions
import mlpkit.core.optim.OptimizerSpec
import mlpkit.core.optim.OptimizerState
import mlpkit.core.optim.Sgd
import mlpkit.data.Dataset
import mlpkit.data.DenseFeatures
import mlpkit.data.Targets
import mlpkit.data.random.RandomState
import mlpkit.data.split.RowOrder
import mlpkit.data.split.subset
import mlpkit.data.table.ColumnPipeline
import mlpkit.data.table.RawTable
import mlpkit.core.network.ParameterLayout
import mlpkit.dsl.Experiment
import mlpkit.dsl.model.Model
import mlpkit.dsl.resolve.ResolvedData
import mlpkit.dsl.spec.BatchSizeSpec
import mlpkit.dsl.spec.CallbackSpec
import mlpkit.dsl.spec.ClassWeightSpec
import mlpkit.dsl.spec.DataSource
import mlpkit.dsl.spec.DataSpec
import mlpkit.dsl.spec.DivergenceSpec
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.TrainingSpec
import mlpkit.dsl.train.EarlyStoppingState
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
    var classWeight: ClassWeightSpec? by param(MlpParams.classWeight)
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

    /**
     * How a fit on a table makes its features ([TableColumns]: per-column options, default numeric scaling, missing
     * tokens); not a scikit-learn parameter, so not in [getParams], but carried by [clone].
     */
    var columns: TableColumns = TableColumns.DEFAULT

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

    /** Where the stopping rule stood after the last fit (and whether it watched the validation score), for a warm start. */
    private var stopping: Pair<Boolean, EarlyStoppingState>? = null

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

    /** The column pipeline fitted by the last fit on a table (saved and loaded with the estimator), or null after a fit on numbers. */
    val columnPipeline: ColumnPipeline? get() = fitted?.model?.file?.pipeline

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

    /**
     * Fits a [ColumnPipeline] on every row of [table] (the features: every column but [label], made as [columns]
     * says), trains with [train] on the features it makes, and keeps the pipeline in the fitted model file.
     */
    internal fun fitOnTable(table: RawTable, label: String, train: (Array<DoubleArray>) -> Unit) {
        val pipeline = columns.fit(table, label)
        train(rowsOf(pipeline.transform(table)))
        val fit = requireFitted()
        val model = Model.of(fit.model.file.withPipeline(pipeline))
        fitted = FittedNetwork(model, fit.inputs, fit.network, fit.outActivationName, fit.optimizer, fit.loss)
    }

    /** The features the fitted pipeline makes of [table]'s rows (columns matched by name; the label may be absent). */
    internal fun tableFeatures(table: RawTable): Array<DoubleArray> {
        val pipeline = requireFitted().model.file.pipeline ?: throw IllegalStateException(
            "$estimatorName was fitted on numbers, not on a table, so it has no column pipeline to read '${table.source}' with: " +
                "fit it with fit(table, label), or pass the numbers",
        )
        return rowsOf(pipeline.transform(table))
    }

    private fun rowsOf(matrix: DenseMatrix): Array<DoubleArray> = Array(matrix.rowDimension) { matrix.getRow(it) }

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
    internal fun fitNetwork(x: Array<DoubleArray>, targets: Targets, head: Head, incremental: Boolean, sampleWeight: DoubleArray? = null) {
        val rows = Inputs.requireRows(x, fitted?.takeIf { incremental || warmStart }?.inputs, estimatorName)
        val inputs = x[0].size
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
            stopping = null
            validationValues = null
            bestLoss = null
            bestValidationScore = null
            nIter = 0
            TrainingStart(network.initialParameters(inputs, head.loss, random))
        }
        val stopEarly = earlyStopping && !incremental
        require(sampleWeight == null || sampleWeight.size == rows) {
            "$estimatorName: sample_weight has ${sampleWeight?.size} entries for $rows rows of X; expected one weight per row"
        }
        val all = Dataset(estimatorName, DenseFeatures.of(x), targets, sampleWeight?.copyOf())
        val split = when {
            !stopEarly -> null
            // scikit-learn stratifies when the classifier has one output unit (two classes).
            targets is mlpkit.data.ClassLabels && head.outputs == 1 -> ValidationSplit.stratified(targets.labels, validationFraction, random)
            else -> ValidationSplit.of(rows, validationFraction, random)
        }
        val train = split?.let { all.subset(it.train, "train") } ?: all
        val validation = split?.let { all.subset(it.validation, "validation") }
        val batch = when (val size = batchSize) {
            MlpParams.AUTO -> minOf(MlpParams.AUTO_BATCH_LIMIT, train.size)
            else -> (size as Int).coerceIn(1, train.size)
        }
        val trainingSpec = TrainingSpec(
            loss = head.loss,
            reduction = Reduction.MEAN,
            optimizer = optimizer(train.weights?.sum() ?: train.size.toDouble(), head),
            schedule = schedule(stopEarly, head),
            epochs = if (incremental) 1 else maxIter,
            batchSize = BatchSizeSpec.Rows(batch),
            seed = randomState ?: 0L,
            threads = 1,
            callbacks = if (incremental || solver == Solver.lbfgs) emptyList() else listOfNotNull(stoppingRule(stopEarly, head)),
            shuffle = shuffle,
            divergence = DivergenceSpec.Off,
        )
        val spec = ExperimentSpec(
            estimatorName,
            DataSpec(DataSource.Csv(train = "<in memory: $estimatorName.fit(X, y)>", regression = targets !is mlpkit.data.ClassLabels)),
            network.spec,
            trainingSpec,
        )
        val data = ResolvedData(train, validation, null, null, null)
        // scikit-learn shuffles with the RandomState that drew the weights and the validation split.
        // A warm start carries the no-improvement count and the best loss or score (scikit-learn keeps them across fits).
        val carried = stopping?.takeIf { previous != null && !incremental && it.first == stopEarly && solver != Solver.lbfgs }?.second
        val ordered = TrainingStart(start.parameters, start.optimizer, RowOrder.SklearnShuffle(random), carried)
        val result = TrainingRun(Experiment(spec), data = data, start = ordered).fit()
        val history = result.history
        if (!incremental) stopping = result.earlyStopping?.let { stopEarly to it }
        if (solver == Solver.lbfgs) {
            // scikit-learn's loss_curve_ after lbfgs holds the final loss (with its penalty) only.
            val solverLoss = (result.reason as? StopReason.SolverStopped)?.loss
                ?: history.lastOrNull()?.metrics?.getValue(MetricNames.of(MetricNames.TRAIN, MetricNames.LOSS))
            lossValues.clear()
            if (solverLoss != null) lossValues += solverLoss / head.lossScale
        } else {
            lossValues += history.map { sklearnLoss(it.metrics, head) }
        }
        if (stopEarly) {
            val scores = history.map { it.metrics.getValue(MetricNames.of(MetricNames.VALIDATION, head.scoreMetric)) }
            validationValues = (validationValues ?: ArrayList()).apply { addAll(scores) }
            bestValidationScore = validationValues!!.max()
            bestLoss = null
        } else {
            bestLoss = lossValues.min()
        }
        nIter += result.epochs
        converged = !incremental && (result.reason is StopReason.EarlyStopped || (result.reason as? StopReason.SolverStopped)?.converged == true)
        convergenceWarning = when {
            incremental || converged -> null
            solver == Solver.lbfgs -> "lbfgs failed to converge (status=1):\nSTOP: TOTAL NO. of ITERATIONS REACHED LIMIT."
            else -> "Stochastic Optimizer: Maximum iterations ($maxIter) reached and the optimization hasn't converged yet."
        }
        fitted = FittedNetwork(result.model, inputs, network, head.activationName, result.model.file.optimizer?.toState(), head.loss)
    }

    /**
     * scikit-learn's loss of one epoch (`loss_curve_`): the data loss on its scale (÷ [Head.lossScale]) plus the L2
     * penalty the training loop reports in `train_objective` (absent when alpha = 0).
     */
    private fun sklearnLoss(metrics: Map<String, Double>, head: Head): Double {
        val loss = metrics.getValue(MetricNames.of(MetricNames.TRAIN, MetricNames.LOSS))
        val penalty = metrics[MetricNames.of(MetricNames.TRAIN, MetricNames.OBJECTIVE)]?.minus(loss) ?: 0.0
        return loss / head.lossScale + penalty
    }

    /**
     * scikit-learn's solver as an mlpkit optimiser: alpha is a per-sample L2 decay (αW/rows added to each batch's mean
     * gradient, weights only; αW/Σw with sample weights, as scikit-learn ≥ 1.7); adam in scikit-learn's ε placement;
     * lbfgs with λ = alpha / n on the mean loss (n = [trainRows], the training rows or their sum of weights) (on mlpkit's
     * loss scale: λ and the gradient tolerance × [Head.lossScale], so that the minimised function is scikit-learn's × lossScale).
     */
    private fun optimizer(trainRows: Double, head: Head): OptimizerSpec = when (solver) {
        Solver.sgd -> Sgd(learningRateInit, momentum, nesterovsMomentum && momentum > 0, alpha, 0.0, Sgd.KERAS, OptimizerParams.PER_SAMPLE)
        Solver.adam -> Adam(learningRateInit, beta1, beta2, epsilon, alpha, 0.0, Adam.SKLEARN, OptimizerParams.PER_SAMPLE)
        Solver.lbfgs -> LbfgsOptimizer(
            LBFGS_HISTORY, maxFun, tol * head.lossScale, LbfgsOptions.TOL.defaultValue() as Double, LbfgsOptions.MAX_LINE_SEARCH.defaultValue() as Int,
            alpha * head.lossScale / trainRows,
        )
    }

    /** scikit-learn's learning_rate (sgd only; adam and lbfgs ignore it): constant, invscaling per sample, adaptive. */
    private fun schedule(stopEarly: Boolean, head: Head): ScheduleSpec = when {
        solver != Solver.sgd || learningRate == LearningRateSchedule.constant -> Constant()
        learningRate == LearningRateSchedule.invscaling -> InverseScaling(powerT, InverseScaling.SAMPLE)
        stopEarly -> Adaptive(MetricNames.of(MetricNames.VALIDATION, head.scoreMetric), tol, nIterNoChange, true)
        else -> Adaptive(trainingMonitor(), tol * head.lossScale, nIterNoChange, true)
    }

    /** What scikit-learn's no-improvement count watches without early stopping: its loss, with the penalty when alpha > 0. */
    private fun trainingMonitor(): String =
        MetricNames.of(MetricNames.TRAIN, if (alpha > 0 && solver != Solver.lbfgs) MetricNames.OBJECTIVE else MetricNames.LOSS)

    /**
     * scikit-learn's stop on no improvement; none with sgd's adaptive rate, where the count divides the rate instead
     * and the schedule (`adaptive(stop=true)`) ends the run once the rate is already ≤ 1e-6, as scikit-learn does.
     */
    private fun stoppingRule(stopEarly: Boolean, head: Head): CallbackSpec.EarlyStopping? = if (solver == Solver.sgd && learningRate == LearningRateSchedule.adaptive) {
        // Never stops (the schedule does); with early stopping it still restores the best validation epoch's weights.
        if (stopEarly) {
            CallbackSpec.EarlyStopping(
                MetricNames.of(MetricNames.VALIDATION, head.scoreMetric), "max", Int.MAX_VALUE, tol, restoreBest = true,
                rule = CallbackSpec.EarlyStopping.SKLEARN,
            )
        } else {
            null
        }
    } else if (stopEarly) {
        CallbackSpec.EarlyStopping(
            MetricNames.of(MetricNames.VALIDATION, head.scoreMetric), "max", nIterNoChange, tol, restoreBest = true,
            rule = CallbackSpec.EarlyStopping.SKLEARN,
        )
    } else {
        // train_loss is scikit-learn's loss times lossScale, so its tol is scaled alike.
        CallbackSpec.EarlyStopping(
            trainingMonitor(), "min", nIterNoChange, tol * head.lossScale, restoreBest = false,
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
        /** scikit-learn passes scipy's default maxcor (10) to L-BFGS. */
        const val LBFGS_HISTORY = 10
    }
}
