package mlpkit.estimator

import java.nio.file.Path
import kotlin.math.ln
import mlpkit.core.activation.Sigmoid
import mlpkit.core.activation.Softmax
import mlpkit.core.loss.BinaryCrossEntropy
import mlpkit.core.loss.SoftmaxCrossEntropy
import mlpkit.data.ClassLabels
import mlpkit.data.table.RawTable
import mlpkit.dsl.model.Model
import mlpkit.dsl.train.MetricNames
import org.apache.commons.math3.linear.RealMatrix

/**
 * scikit-learn's `MLPClassifier` on mlpkit: the same parameters (names in camelCase here, scikit-learn's in [set]
 * and [getParams]) and defaults, fitted by mlpkit's training loop. Two classes get one logistic output unit with
 * log-loss (binary cross-entropy), more get a softmax layer with log-loss (softmax cross-entropy); classes are the
 * sorted distinct labels (ints or strings).
 *
 * Java: `new MlpClassifier().set("hidden_layer_sizes", new int[] {50}).set("random_state", 0).fit(x, y)`;
 * Kotlin: `MlpClassifier(hiddenLayerSizes = listOf(50), solver = Solver.sgd, randomState = 0).fit(x, y)`.
 */
class MlpClassifier(
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
) : MlpEstimator<MlpClassifier>(NAME) {
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

    private var classNames: List<String>? = null
    private var intClasses: IntArray? = null

    /** The class labels (`classes_`), sorted: Integers when fitted with `int[]`, Strings when fitted with `String[]`. */
    val classes: List<Any> get() = requireFitted().let { intClasses?.toList() ?: classNames!! }

    internal fun classNames(): List<String>? = classNames

    internal fun hasIntClasses(): Boolean = intClasses != null

    /** Fits on [x] (one row per sample) and integer labels [y]; returns this. */
    fun fit(x: Array<DoubleArray>, y: IntArray): MlpClassifier = fitInts(x, y, null, incremental = false)

    /** Fits on [x] and string labels [y]; returns this. */
    fun fit(x: Array<DoubleArray>, y: Array<String>): MlpClassifier = fitNames(x, y, null, incremental = false)

    /**
     * Fits with a weight per row ([sampleWeight], finite and ≥ 0): each row's loss counts w_i times, the batch's loss
     * divided by its sum of weights (scikit-learn ≥ 1.7's `fit(X, y, sample_weight)`; 1.2 has none). See docs/weights.md.
     */
    fun fit(x: Array<DoubleArray>, y: IntArray, sampleWeight: DoubleArray): MlpClassifier = fitInts(x, y, null, false, sampleWeight)

    /** [fit] with string labels and a weight per row. */
    fun fit(x: Array<DoubleArray>, y: Array<String>, sampleWeight: DoubleArray): MlpClassifier = fitNames(x, y, null, false, sampleWeight)

    /**
     * Fits on a [table] of text columns with the classes in column [label] (as strings, sorted): a column pipeline
     * ([columns]: imputation, scaling, one-hot) is fitted on these rows and makes the features of every other
     * column; then as [fit] with string labels. scikit-learn's `make_pipeline(ColumnTransformer(...), MLPClassifier())`.
     */
    fun fit(table: RawTable, label: String): MlpClassifier = fitTable(table, label, null)

    /** [fit] on a table with a weight per row ([sampleWeight]). */
    fun fit(table: RawTable, label: String, sampleWeight: DoubleArray): MlpClassifier = fitTable(table, label, sampleWeight)

    private fun fitTable(table: RawTable, label: String, sampleWeight: DoubleArray?): MlpClassifier {
        val y = columns.labels(table, label, NAME)
        fitOnTable(table, label) { x -> fitNames(x, y, null, false, sampleWeight) }
        return this
    }

    /** The predicted class names of [table]'s rows, through the pipeline fitted by [fit] on a table (an unseen category or a missing value follows its column's options). */
    fun predict(table: RawTable): Array<String> = predictNames(tableFeatures(table))

    /** Class probabilities of [table]'s rows (see [predict] of a table). */
    fun predictProba(table: RawTable): Array<DoubleArray> = predictProba(tableFeatures(table))

    /** Mean accuracy on [table] against its column [label]. */
    fun score(table: RawTable, label: String): Double = score(tableFeatures(table), columns.labels(table, label, NAME))

    /** Fits on a Commons Math matrix [x] and integer labels [y]. */
    fun fit(x: RealMatrix, y: IntArray): MlpClassifier = fit(Inputs.rows(x), y)

    /** Fits on a Commons Math matrix [x] and string labels [y]. */
    fun fit(x: RealMatrix, y: Array<String>): MlpClassifier = fit(Inputs.rows(x), y)

    /** Fits on Kotlin lists: rows of [x], integer labels [y]. */
    @JvmName("fitLists")
    fun fit(x: List<List<Double>>, y: List<Int>): MlpClassifier = fit(Inputs.rows(x), y.toIntArray())

    /**
     * scikit-learn's `partial_fit`: one epoch on [x] and [y], continuing the weights and the optimiser; the first call
     * must name every class in [classes].
     */
    @JvmOverloads
    fun partialFit(x: Array<DoubleArray>, y: IntArray, classes: IntArray? = null): MlpClassifier = fitInts(x, y, classes, incremental = true)

    /** [partialFit] with string labels. */
    @JvmOverloads
    fun partialFit(x: Array<DoubleArray>, y: Array<String>, classes: Array<String>? = null): MlpClassifier =
        fitNames(x, y, classes?.toList(), incremental = true)

    private fun fitInts(x: Array<DoubleArray>, y: IntArray, classes: IntArray?, incremental: Boolean, sampleWeight: DoubleArray? = null): MlpClassifier {
        val known = knownClasses(incremental, classes?.let { c -> c.distinct().sorted().map { it.toString() } }, y.size, x.size)
        val sorted = known ?: y.distinct().sorted().map { it.toString() }
        intClasses = sorted.map { it.toInt() }.toIntArray()
        return fitLabels(x, y.map { it.toString() }, sorted, incremental, sampleWeight)
    }

    private fun fitNames(x: Array<DoubleArray>, y: Array<String>, classes: List<String>?, incremental: Boolean, sampleWeight: DoubleArray? = null): MlpClassifier {
        val known = knownClasses(incremental, classes?.distinct()?.sorted(), y.size, x.size)
        intClasses = null
        return fitLabels(x, y.toList(), known ?: y.distinct().sorted(), incremental, sampleWeight)
    }

    /** The classes a partial fit continues with (or starts from [given]); null for a fit that takes them from y. */
    private fun knownClasses(incremental: Boolean, given: List<String>?, labels: Int, rows: Int): List<String>? {
        require(labels == rows) { "$NAME: y has $labels labels for $rows rows of X; expected one label per row" }
        if (!incremental) return null
        return classNames.takeIf { isFitted } ?: given
            ?: throw IllegalArgumentException("classes must be passed on the first call to partial_fit.")
    }

    private fun fitLabels(x: Array<DoubleArray>, y: List<String>, sorted: List<String>, incremental: Boolean, sampleWeight: DoubleArray?): MlpClassifier {
        val index = sorted.withIndex().associate { (i, name) -> name to i }
        val unknown = y.filter { it !in index }.distinct()
        require(unknown.isEmpty()) { "$NAME: y has labels $unknown that are not among the classes $sorted given on the first call to partial_fit" }
        require(sorted.size >= 2) { "$NAME: y has the single class $sorted; expected at least 2 classes to tell apart" }
        classNames = sorted
        val labels = ClassLabels(IntArray(y.size) { index.getValue(y[it]) }, sorted)
        val head = if (sorted.size == 2) {
            Head(1, Sigmoid(), OutputActivations.LOGISTIC, BinaryCrossEntropy(), mlpkit.core.metrics.Accuracy.CONCEPT.name(), 1.0)
        } else {
            Head(sorted.size, Softmax(), OutputActivations.SOFTMAX, SoftmaxCrossEntropy(), mlpkit.core.metrics.Accuracy.CONCEPT.name(), 1.0)
        }
        fitNetwork(x, labels, head, incremental, weighted(labels, sampleWeight))
        return this
    }

    /**
     * Each row's weight with [classWeight]: its class's weight (over [labels], the fit's y) times its [sampleWeight]
     * (1 when none); [sampleWeight] unchanged without class weights.
     */
    private fun weighted(labels: ClassLabels, sampleWeight: DoubleArray?): DoubleArray? {
        val perClass = classWeight?.perClass(labels) ?: return sampleWeight
        require(sampleWeight == null || sampleWeight.size == labels.labels.size) {
            "$NAME: sample_weight has ${sampleWeight?.size} entries for ${labels.labels.size} rows of X; expected one weight per row"
        }
        return DoubleArray(labels.labels.size) { i -> perClass[labels.labels[i]] * (sampleWeight?.get(i) ?: 1.0) }
    }

    /** Class probabilities, one row per sample and one column per class in [classes]' order (binary: [1 − p, p], as scikit-learn). */
    fun predictProba(x: Array<DoubleArray>): Array<DoubleArray> {
        val out = outputs(x)
        return Array(out.rowDimension) { i ->
            if (out.columnDimension == 1) {
                val p = out.getEntry(i, 0)
                doubleArrayOf(1 - p, p)
            } else {
                out.getRow(i)
            }
        }
    }

    /** [predictProba] of a Commons Math matrix. */
    fun predictProba(x: RealMatrix): Array<DoubleArray> = predictProba(Inputs.rows(x))

    /** The natural logarithm of [predictProba]. */
    fun predictLogProba(x: Array<DoubleArray>): Array<DoubleArray> = predictProba(x).map { row -> DoubleArray(row.size) { ln(row[it]) } }.toTypedArray()

    /** The index in [classes] of each row's predicted class (binary: p > 0.5; else the first largest probability). */
    private fun predictIndices(x: Array<DoubleArray>): IntArray {
        val out = outputs(x)
        return IntArray(out.rowDimension) { i ->
            if (out.columnDimension == 1) {
                if (out.getEntry(i, 0) > 0.5) 1 else 0
            } else {
                var best = 0
                for (j in 1 until out.columnDimension) if (out.getEntry(i, j) > out.getEntry(i, best)) best = j
                best
            }
        }
    }

    /** The predicted integer labels (for an estimator fitted with `int[]` labels; else use [predictNames]). */
    fun predict(x: Array<DoubleArray>): IntArray {
        requireFitted()
        val ints = intClasses ?: throw IllegalStateException(
            "$NAME was fitted with string labels $classNames, so predict cannot give ints: use predictNames(x)",
        )
        return predictIndices(x).map { ints[it] }.toIntArray()
    }

    /** [predict] of a Commons Math matrix. */
    fun predict(x: RealMatrix): IntArray = predict(Inputs.rows(x))

    /** The predicted labels as strings (any fitted classifier). */
    fun predictNames(x: Array<DoubleArray>): Array<String> = predictIndices(x).map { classNames!![it] }.toTypedArray()

    /** Mean accuracy of [predict] on [x] against [y] (scikit-learn's `score`). */
    fun score(x: Array<DoubleArray>, y: IntArray): Double = accuracy(predict(x).map { it.toString() }, y.map { it.toString() })

    /** Mean accuracy against string labels [y]. */
    fun score(x: Array<DoubleArray>, y: Array<String>): Double = accuracy(predictNames(x).toList(), y.toList())

    private fun accuracy(predicted: List<String>, y: List<String>): Double {
        require(predicted.size == y.size) { "$NAME: y has ${y.size} labels for ${predicted.size} rows of X; expected one label per row" }
        return predicted.indices.count { predicted[it] == y[it] }.toDouble() / y.size
    }

    companion object {
        /** The estimator's name in messages and model files. */
        const val NAME = "MlpClassifier"

        /** A classifier saved with [save]: its parameters, attributes and network, ready to predict or continue. */
        @JvmStatic
        fun load(path: Path): MlpClassifier {
            val model = Model.load(path)
            val record = EstimatorFiles.record(model, path, NAME)
            return MlpClassifier().also { c ->
                c.restore(record, model)
                c.classNames = record.classes
                c.intClasses = if (record.intClasses) record.classes!!.map { it.toInt() }.toIntArray() else null
            }
        }
    }
}
