package mlpkit.dsl.config

import mlpkit.core.concept.ConceptException
import mlpkit.core.concept.Registry
import mlpkit.core.metrics.Metric
import mlpkit.core.metrics.Monitor
import mlpkit.data.builtin.BuiltInSets
import mlpkit.dsl.spec.DataSource

/** Names a configuration may use: the built-in data sets, and the metric names derived from the metric registry. */
internal object KnownNames {
    /** The sets of [DataSource.BuiltIn] ([BuiltInSets]); the image sets (one 28×28 image per row, in the store) bring their own test files. */
    val builtInSets = BuiltInSets.names
    val builtInImageSets = BuiltInSets.all.filter { it.inStore }.flatMap { listOf(it.name) + it.aliases }.toSet()
    val builtInSetsWithTestFiles = builtInImageSets

    /** Metrics an expectation can bound: a part of the data and a registered metric, `test_accuracy`. */
    fun metrics(registry: Registry): List<String> =
        Metric.PARTS.flatMap { part -> registry.of(Metric.KIND).names().map { "${part}_$it" } }

    /**
     * Metrics a run reports after every epoch, which early stopping and schedules can watch: as Keras names
     * them (`val_loss`) or as runs report them (`validation_loss`). Training-part metrics measured only in
     * the final evaluation (`train_auc`) are left out.
     */
    fun monitors(registry: Registry): List<String> = Monitor.names(registry).filter { name ->
        !name.startsWith("train_") || Monitor.metricOf(name, registry).onTrainingBatches()
    }

    /** Whether [metric] (a metric or monitor name) is measured on the validation part. */
    fun onValidation(metric: String): Boolean = Monitor.normalise(metric).startsWith("validation_")

    fun onTest(metric: String): Boolean = metric.startsWith("test_")

    /** Whether [metric] needs class labels (accuracy and AUC do; losses and regression metrics do not); false for an unknown name. */
    fun needsClasses(metric: String, registry: Registry): Boolean = try {
        Monitor.metricOf(metric, registry).needs() in CLASS_NEEDS
    } catch (e: ConceptException) {
        false
    }

    /** Whether [metric] needs real-valued targets (R², MAE and the other regression metrics); false for an unknown name. */
    fun needsValues(metric: String, registry: Registry): Boolean = try {
        Monitor.metricOf(metric, registry).needs() in VALUE_NEEDS
    } catch (e: ConceptException) {
        false
    }

    private val CLASS_NEEDS = setOf(Metric.Needs.CLASSES, Metric.Needs.TWO_CLASSES)
    private val VALUE_NEEDS = setOf(Metric.Needs.VALUES, Metric.Needs.ONE_VALUE)
}
