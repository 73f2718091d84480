package mlpkit.estimator

import java.nio.file.Path
import mlpkit.core.activation.Identity
import mlpkit.core.loss.HalfSumSquaredError
import mlpkit.core.matrix.DenseMatrix
import mlpkit.core.metrics.R2
import mlpkit.data.RegressionTargets
import mlpkit.data.table.LabelColumn
import mlpkit.data.table.RawTable
import mlpkit.dsl.model.Model
import org.apache.commons.math3.linear.RealMatrix

/**
 * scikit-learn's `MLPRegressor` on mlpkit: the same parameters and defaults as [MlpClassifier], an identity output
 * layer of one unit per target and half the squared error as the loss.
 *
 * scikit-learn's squared-error loss is the mean over rows AND outputs, halved, but its gradient is that of the mean
 * over rows only (half the squared error summed over the outputs): its training steps are those of mlpkit's
 * `halfSumSquaredError` with mean reduction, and the loss it reports is that loss divided by the number of outputs.
 * [lossCurve] and [bestLoss] report scikit-learn's numbers; its tol is compared on that scale too.
 */
class MlpRegressor(
    hiddenLayerSizes: List<Int> = MlpParams.hiddenLayerSizes.default,
    activation: HiddenActivation = MlpParams.activation.default,
    solver: Solver = MlpParams.solver.default,
    alpha: Double = MlpParams.alpha.default,
    batchSize: Any = MlpParams.batchSize.default,
    learningRate: LearningRateSchedule = MlpParams.learningRate.default,
    learningRateInit: Double = MlpParams.learningRateInit.default,
    powerT: Double = MlpParams.powerT.default,
    maxIter: Int = MlpParams.maxIter.default,
    shuffle: Boolean = MlpParams.shuffle.default,
    randomState: Long? = MlpParams.randomState.default,
    tol: Double = MlpParams.tol.default,
    verbose: Boolean = MlpParams.verbose.default,
    warmStart: Boolean = MlpParams.warmStart.default,
    momentum: Double = MlpParams.momentum.default,
    nesterovsMomentum: Boolean = MlpParams.nesterovsMomentum.default,
    earlyStopping: Boolean = MlpParams.earlyStopping.default,
    validationFraction: Double = MlpParams.validationFraction.default,
    beta1: Double = MlpParams.beta1.default,
    beta2: Double = MlpParams.beta2.default,
    epsilon: Double = MlpParams.epsilon.default,
    nIterNoChange: Int = MlpParams.nIterNoChange.default,
    maxFun: Int = MlpParams.maxFun.default,
) : MlpEstimator<MlpRegressor>(NAME) {
    init {
        this.hiddenLayerSizes = hiddenLayerSizes
        this.activation = activation
        this.solver = solver
        this.alpha = alpha
        this.batchSize = batchSize
        this.learningRate = learningRate
        this.learningRateInit = learningRateInit
        this.powerT = powerT
        this.maxIter = maxIter
        this.shuffle = shuffle
        this.randomState = randomState
        this.tol = tol
        this.verbose = verbose
        this.warmStart = warmStart
        this.momentum = momentum
        this.nesterovsMomentum = nesterovsMomentum
        this.earlyStopping = earlyStopping
        this.validationFraction = validationFraction
        this.beta1 = beta1
        this.beta2 = beta2
        this.epsilon = epsilon
        this.nIterNoChange = nIterNoChange
        this.maxFun = maxFun
    }

    /** Fits on [x] (one row per sample) and one target per row [y]; returns this. */
    fun fit(x: Array<DoubleArray>, y: DoubleArray): MlpRegressor = fit(x, Array(y.size) { doubleArrayOf(y[it]) })

    /** Fits on [x] and several targets per row [ys] (multi-output regression); returns this. */
    fun fit(x: Array<DoubleArray>, ys: Array<DoubleArray>): MlpRegressor = fitValues(x, ys, incremental = false)

    /** Fits with a weight per row ([sampleWeight], finite and ≥ 0), as [MlpClassifier.fit] with weights; see docs/weights.md. */
    fun fit(x: Array<DoubleArray>, y: DoubleArray, sampleWeight: DoubleArray): MlpRegressor =
        fitValues(x, Array(y.size) { doubleArrayOf(y[it]) }, incremental = false, sampleWeight = sampleWeight)

    /**
     * Fits on a [table] of text columns with the numeric target in column [label]: a column pipeline ([columns]) is
     * fitted on these rows and makes the features of every other column; then as [fit] with one target per row.
     */
    fun fit(table: RawTable, label: String): MlpRegressor = fitTable(table, label, null)

    /** [fit] on a table with a weight per row ([sampleWeight]). */
    fun fit(table: RawTable, label: String, sampleWeight: DoubleArray): MlpRegressor = fitTable(table, label, sampleWeight)

    private fun fitTable(table: RawTable, label: String, sampleWeight: DoubleArray?): MlpRegressor {
        val y = targets(table, label)
        fitOnTable(table, label) { x -> fitValues(x, Array(y.size) { doubleArrayOf(y[it]) }, false, sampleWeight) }
        return this
    }

    /** The column [label] of [table] as numbers (every row's present and a number). */
    private fun targets(table: RawTable, label: String): DoubleArray {
        columns.labels(table, label, NAME)
        val values = (LabelColumn.read(table, label, regression = true, missing = columns.missing).targets as RegressionTargets).values
        return DoubleArray(values.rowDimension) { values.getEntry(it, 0) }
    }

    /** The predictions for [table]'s rows, through the pipeline fitted by [fit] on a table. */
    fun predict(table: RawTable): DoubleArray = predict(tableFeatures(table))

    /** R² on [table] against its numeric column [label]. */
    fun score(table: RawTable, label: String): Double = score(tableFeatures(table), targets(table, label))

    /** Fits on a Commons Math matrix [x] and one target per row [y]. */
    fun fit(x: RealMatrix, y: DoubleArray): MlpRegressor = fit(Inputs.rows(x), y)

    /** Fits on Commons Math matrices [x] and [ys] (one column per output). */
    fun fit(x: RealMatrix, ys: RealMatrix): MlpRegressor = fit(Inputs.rows(x), ys.data)

    /** Fits on Kotlin lists: rows of [x], one target per row [y]. */
    @JvmName("fitLists")
    fun fit(x: List<List<Double>>, y: List<Double>): MlpRegressor = fit(Inputs.rows(x), y.toDoubleArray())

    /** scikit-learn's `partial_fit`: one epoch on [x] and [y], continuing the weights and the optimiser. */
    fun partialFit(x: Array<DoubleArray>, y: DoubleArray): MlpRegressor = fitValues(x, Array(y.size) { doubleArrayOf(y[it]) }, incremental = true)

    /** [partialFit] with several targets per row. */
    fun partialFit(x: Array<DoubleArray>, ys: Array<DoubleArray>): MlpRegressor = fitValues(x, ys, incremental = true)

    private fun fitValues(x: Array<DoubleArray>, ys: Array<DoubleArray>, incremental: Boolean, sampleWeight: DoubleArray? = null): MlpRegressor {
        require(ys.size == x.size) { "$NAME: y has ${ys.size} rows for ${x.size} rows of X; expected one target row per row of X" }
        require(classWeight == null) {
            "$NAME: class_weight is ${EstimatorParam.pythonRepr(MlpParams.classWeight.exported(classWeight))}, but a regressor has no classes: " +
                "leave class_weight None and pass sample_weight to fit instead"
        }
        val outputs = ys.firstOrNull()?.size ?: 0
        require(outputs >= 1 && ys.all { it.size == outputs && it.all(Double::isFinite) }) {
            "$NAME: y must hold the same number (at least 1) of finite targets in every row; row 0 has $outputs"
        }
        val head = Head(outputs, Identity(), OutputActivations.IDENTITY, HalfSumSquaredError(), R2.CONCEPT.name(), outputs.toDouble())
        fitNetwork(x, RegressionTargets(DenseMatrix.of(ys)), head, incremental, sampleWeight)
        return this
    }

    /** The predictions of a single-output regressor (scikit-learn's 1-D `predict`); [predictOutputs] for several outputs. */
    fun predict(x: Array<DoubleArray>): DoubleArray {
        val out = predictOutputs(x)
        check(nOutputs == 1) { "$NAME predicts $nOutputs outputs per row: use predictOutputs(x)" }
        return DoubleArray(out.size) { out[it][0] }
    }

    /** [predict] of a Commons Math matrix. */
    fun predict(x: RealMatrix): DoubleArray = predict(Inputs.rows(x))

    /** Every output of every row. */
    fun predictOutputs(x: Array<DoubleArray>): Array<DoubleArray> = outputs(x).data

    /** R² of the predictions against [y] (scikit-learn's `score`). */
    fun score(x: Array<DoubleArray>, y: DoubleArray): Double = score(x, Array(y.size) { doubleArrayOf(y[it]) })

    /** R² averaged uniformly over the outputs (scikit-learn's `score` of a multi-output regressor). */
    fun score(x: Array<DoubleArray>, ys: Array<DoubleArray>): Double = R2.of(ys, predictOutputs(x))

    companion object {
        /** The estimator's name in messages and model files. */
        const val NAME = "MlpRegressor"

        /** A regressor saved with [save]: its parameters, attributes and network, ready to predict or continue. */
        @JvmStatic
        fun load(path: Path): MlpRegressor {
            val model = Model.load(path)
            val record = EstimatorFiles.record(model, path, NAME)
            return MlpRegressor().also { it.restore(record, model) }
        }
    }
}
