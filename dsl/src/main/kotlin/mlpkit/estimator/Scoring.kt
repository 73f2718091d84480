package mlpkit.estimator

import mlpkit.core.concept.Registry
import mlpkit.core.matrix.DenseMatrix
import mlpkit.core.metrics.Metric
import mlpkit.data.batch.TargetEncoding
import mlpkit.dsl.model.positiveScore
import mlpkit.dsl.model.predictedClass

/**
 * What cross-validation and search score the held-out rows with: the estimator's own `score` (accuracy for a
 * classifier, R² for a regressor, scikit-learn's default `scoring=None`), or a metric of core's registry by name
 * (`accuracy`, `auc`, `r2`, `mae`, `rmse`, …). [higherIsBetter] says which way a search ranks: the metric's own
 * direction (scikit-learn negates error metrics instead, `neg_mean_absolute_error`; mlpkit keeps the value and ranks
 * the smallest first).
 */
class Scoring private constructor(
    /** The metric's name, or null for the estimator's own `score`. */
    val metric: String?,
    private val made: Metric?,
) {
    /** Whether larger scores are better. */
    val higherIsBetter: Boolean get() = made?.higherIsBetter() ?: true

    /** The name shown in results: `score` for the default, else the metric's name. */
    val name: String get() = metric ?: DEFAULT_NAME

    /** The metric over [outputs] (the fitted network's) against [targets] encoded as [encoding], with [labels] for classes. */
    internal fun ofOutputs(outputs: DenseMatrix, targets: DenseMatrix, labels: IntArray?, encoding: TargetEncoding): Double {
        val metric = checkNotNull(made) { "the default scoring uses the estimator's own score" }
        require(labels != null || (metric.needs() != Metric.Needs.CLASSES && metric.needs() != Metric.Needs.TWO_CLASSES)) {
            "scoring '$this' needs class labels, but the estimator is a regressor: use a regression metric (r2, mae, rmse, …)"
        }
        require(labels == null || (metric.needs() != Metric.Needs.VALUES && metric.needs() != Metric.Needs.ONE_VALUE)) {
            "scoring '$this' needs real-valued targets, but the estimator is a classifier: use a class metric (accuracy, auc, …)"
        }
        val chunk = object : Metric.Chunk {
            override fun rows() = outputs.rowDimension
            override fun lossSum(): Double = throw UnsupportedOperationException("no loss in scoring")
            override fun outputs() = outputs
            override fun targets() = targets
            override fun label(r: Int) = labels!![r]
            override fun predicted(r: Int) = predictedClass(outputs, r, encoding)
            override fun positiveScore(r: Int) = positiveScore(outputs, r, encoding)
        }
        val accumulator = metric.accumulator(outputs.rowDimension)
        accumulator.add(chunk)
        return accumulator.result()
    }

    override fun toString(): String = name

    companion object {
        private const val DEFAULT_NAME = "score"

        /** The estimator's own `score` (scikit-learn's `scoring=None`). */
        @JvmField
        val DEFAULT = Scoring(null, null)

        /**
         * The metric of [registry] named [name]; unknown names fail listing the metrics, and `loss` (which needs the
         * training loss, not predictions) is refused.
         */
        @JvmStatic
        @JvmOverloads
        fun metric(name: String, registry: Registry = Registry.builtIns()): Scoring {
            val metrics = registry.of(Metric.KIND)
            val concept = metrics.find(name).orElse(null)
                ?: throw IllegalArgumentException(
                    "unknown scoring '$name': expected one of ${usable(registry).joinToString(", ")} (metrics of the registry), " +
                        "or no scoring for the estimator's own score",
                )
            val metric = concept.create()
            require(metric.needs() != Metric.Needs.ANY) {
                "scoring '$name' needs the training loss, which a held-out fold does not have: " +
                    "use one of ${usable(registry).joinToString(", ")}"
            }
            return Scoring(concept.name(), metric)
        }

        private fun usable(registry: Registry): List<String> =
            registry.of(Metric.KIND).all().filter { it.create().needs() != Metric.Needs.ANY }.map { it.name() }.sorted()
    }
}
