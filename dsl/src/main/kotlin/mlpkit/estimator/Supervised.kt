package mlpkit.estimator

import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.batch.TargetEncoding
import mlpkit.data.table.RawTable

/**
 * Rows [x] and their targets as cross-validation and search use them: fit an estimator on some rows, score it on
 * others, and the labels to stratify folds by (classifiers). One subclass per kind of `y` the estimators take.
 */
internal sealed class Supervised(val rows: Int, targets: Int) {
    init {
        require(rows > 0) { "cross-validation needs rows of X, got none" }
        require(targets == rows) { "y has $targets targets for $rows rows of X: expected one per row" }
    }

    /** The class of each row (numbered by sorted label) for stratified folds, or null for regression. */
    abstract val stratifyBy: IntArray?

    /** Fits [estimator] on [rows] of the data. */
    abstract fun fit(estimator: MlpEstimator<*>, rows: IntArray)

    /** [scoring] of the fitted [estimator] on [rows]. */
    abstract fun score(estimator: MlpEstimator<*>, rows: IntArray, scoring: Scoring): Double

    /** Class labels as strings (ints are written in decimal; the classifier is fitted with its own type). */
    class Labels(private val x: Array<DoubleArray>, private val ints: IntArray?, private val names: Array<String>?) :
        Supervised(x.size, ints?.size ?: names!!.size) {
        private fun xOf(rows: IntArray): Array<DoubleArray> = Array(rows.size) { x[rows[it]] }

        private val asText: List<String> = ints?.map { it.toString() } ?: names!!.toList()
        override val stratifyBy: IntArray = asText.distinct().sorted().let { sorted ->
            val code = sorted.withIndex().associate { (i, v) -> v to i }
            IntArray(asText.size) { code.getValue(asText[it]) }
        }

        override fun fit(estimator: MlpEstimator<*>, rows: IntArray) {
            val c = classifier(estimator)
            if (ints != null) c.fit(xOf(rows), IntArray(rows.size) { ints[rows[it]] }) else c.fit(xOf(rows), Array(rows.size) { names!![rows[it]] })
        }

        override fun score(estimator: MlpEstimator<*>, rows: IntArray, scoring: Scoring): Double {
            val c = classifier(estimator)
            val part = xOf(rows)
            if (scoring.metric == null) {
                return if (ints != null) c.score(part, IntArray(rows.size) { ints[rows[it]] }) else c.score(part, Array(rows.size) { names!![rows[it]] })
            }
            val classes = c.classNames()!!
            val index = classes.withIndex().associate { (i, v) -> v to i }
            val labels = IntArray(rows.size) { r ->
                val label = asText[rows[r]]
                index[label] ?: throw IllegalArgumentException(
                    "held-out row ${rows[r]} has class '$label', which the fold's training rows do not have (classes $classes): use fewer folds",
                )
            }
            val encoding = c.model.file.targetEncoding
            val targets = DenseMatrix(rows.size, if (encoding == TargetEncoding.ONE_HOT) classes.size else 1)
            labels.forEachIndexed { r, l -> if (encoding == TargetEncoding.ONE_HOT) targets.setEntry(r, l, 1.0) else targets.setEntry(r, 0, l.toDouble()) }
            return scoring.ofOutputs(c.model.predict(part), targets, labels, encoding)
        }

        private fun classifier(estimator: MlpEstimator<*>): MlpClassifier = estimator as? MlpClassifier
            ?: throw IllegalArgumentException("class labels need an MlpClassifier, got ${estimator.estimatorName}: pass real-valued targets to a regressor")
    }

    /** Real-valued targets, one row of outputs per row of X. */
    class Values(private val x: Array<DoubleArray>, private val ys: Array<DoubleArray>) : Supervised(x.size, ys.size) {
        private fun xOf(rows: IntArray): Array<DoubleArray> = Array(rows.size) { x[rows[it]] }

        override val stratifyBy: IntArray? = null

        override fun fit(estimator: MlpEstimator<*>, rows: IntArray) {
            regressor(estimator).fit(xOf(rows), Array(rows.size) { ys[rows[it]] })
        }

        override fun score(estimator: MlpEstimator<*>, rows: IntArray, scoring: Scoring): Double {
            val r = regressor(estimator)
            val part = xOf(rows)
            val truth = Array(rows.size) { ys[rows[it]] }
            if (scoring.metric == null) return r.score(part, truth)
            return scoring.ofOutputs(DenseMatrix.of(r.predictOutputs(part)), DenseMatrix.of(truth), null, TargetEncoding.VALUES)
        }

        private fun regressor(estimator: MlpEstimator<*>): MlpRegressor = estimator as? MlpRegressor
            ?: throw IllegalArgumentException("real-valued targets need an MlpRegressor, got ${estimator.estimatorName}: pass class labels to a classifier")
    }

    /**
     * The rows of a [table] with the targets in column [label] (class names, or numbers when [regression]): a fit on
     * some rows fits the estimator's own column pipeline on those rows only; a score reads the held-out rows through it.
     */
    class Table(private val table: RawTable, private val label: String, private val regression: Boolean, columns: TableColumns) :
        Supervised(table.rowCount, table.rowCount) {
        private val labels: Array<String> = columns.labels(table, label, "cross-validation")

        override val stratifyBy: IntArray? = if (regression) null else Labels(Array(labels.size) { DoubleArray(0) }, null, labels).stratifyBy

        override fun fit(estimator: MlpEstimator<*>, rows: IntArray) {
            when (estimator) {
                is MlpClassifier -> estimator.fit(table.rows(rows), label)
                is MlpRegressor -> estimator.fit(table.rows(rows), label)
            }
        }

        override fun score(estimator: MlpEstimator<*>, rows: IntArray, scoring: Scoring): Double {
            val x = estimator.tableFeatures(table.rows(rows))
            val all = IntArray(rows.size) { it }
            if (!regression) return Labels(x, null, Array(rows.size) { labels[rows[it]] }).score(estimator, all, scoring)
            val ys = Array(rows.size) { doubleArrayOf(labels[rows[it]].toDouble()) }
            return Values(x, ys).score(estimator, all, scoring)
        }
    }

    companion object {
        fun of(table: RawTable, label: String, estimator: MlpEstimator<*>): Supervised =
            Table(table, label, estimator is MlpRegressor, estimator.columns)
        fun of(x: Array<DoubleArray>, y: IntArray): Supervised = Labels(x, y, null)
        fun of(x: Array<DoubleArray>, y: Array<String>): Supervised = Labels(x, null, y)
        fun of(x: Array<DoubleArray>, y: DoubleArray): Supervised = Values(x, Array(y.size) { doubleArrayOf(y[it]) })
        fun of(x: Array<DoubleArray>, ys: Array<DoubleArray>): Supervised = Values(x, ys)
    }
}
