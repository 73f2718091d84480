package mlpkit.dsl.model

import java.util.Locale

/**
 * What [Model.evaluate] measured on [rows] labelled rows, in inference mode: every metric the model's run reports for
 * a part of its data, by the metric's name (`loss`, `accuracy`, `auc`, `r2`, …, in the run's order), and for class
 * targets scikit-learn's classification report ([report], null for regression).
 */
class Evaluation(val rows: Int, val metrics: Map<String, Double>, val report: String?) {
    /** A metric by name, or an error listing the ones measured. */
    fun metric(name: String): Double = metrics[name]
        ?: throw IllegalArgumentException("this evaluation has no metric '$name'; it has ${metrics.keys.joinToString(", ")}")

    override fun toString(): String =
        "Evaluation($rows rows, ${metrics.entries.joinToString(", ") { (k, v) -> String.format(Locale.ROOT, "%s %.6f", k, v) }})"
}
