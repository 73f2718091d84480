package mlpkit.dsl.train

import mlpkit.core.concept.Registry
import mlpkit.core.metrics.Metric
import mlpkit.core.metrics.Monitor

/** The names metrics are reported under: `<part>_<metric>`, e.g. `train_loss`, `validation_accuracy`, `test_auc`. */
object MetricNames {
    val TRAIN: String = Metric.PARTS[0]
    val VALIDATION: String = Metric.PARTS[1]
    val TEST: String = Metric.PARTS[2]

    const val LOSS = "loss"

    /**
     * `train_objective`: `train_loss` plus the L2 penalty of a per-sample weight decay, (λ/2)·‖W‖² at the weights
     * before each batch's step, averaged over the epoch's rows as the loss is (scikit-learn's `loss_curve_` with
     * `alpha = λ`). Reported only by runs whose optimiser has `weightDecayPer=sample` and λ > 0.
     */
    const val OBJECTIVE: String = Monitor.OBJECTIVE

    fun of(part: String, metric: String): String = "${part}_$metric"

    /** A metric name as users write it, in the reported form: Keras' `val_loss` is `validation_loss`. */
    fun normalise(name: String): String = Monitor.normalise(name)

    /** Whether larger is better for the reported metric [name] (accuracy, AUC) rather than smaller (losses): the metric says. */
    @JvmOverloads
    fun isMaximised(name: String, registry: Registry = Registry.builtIns()): Boolean = Monitor.metricOf(name, registry).higherIsBetter()
}
