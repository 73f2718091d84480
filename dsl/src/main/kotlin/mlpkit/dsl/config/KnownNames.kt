package mlpkit.dsl.config

import mlpkit.dsl.spec.DataSource

/** Names a configuration may use that no enum or registry lists elsewhere. */
internal object KnownNames {
    /** The sets of [DataSource.BuiltIn]; the image sets (one 28×28 image per row) bring their own test files. */
    val builtInSets = listOf("digits", "mnist", "fashion-mnist")
    val builtInImageSets = setOf("mnist", "fashion-mnist")
    val builtInSetsWithTestFiles = builtInImageSets

    /** Metrics an expectation can bound: a part of the data and a measure, `test_accuracy`. */
    val metrics = listOf("train", "validation", "test").flatMap { part -> listOf("accuracy", "loss", "auc").map { "${part}_$it" } }

    /**
     * Metrics early stopping can watch: as Keras names them (`val_loss`) or as runs report them
     * (`validation_loss`); the training loop treats both alike (MetricNames.normalise). `train_auc` is
     * left out: it is measured only in the final evaluation, not after every epoch.
     */
    val monitors = listOf("train", "val", "validation").flatMap { part -> listOf("loss", "accuracy", "auc").map { "${part}_$it" } } -
        "train_auc"

    /** Whether [metric] (a metric or monitor name) is measured on the validation part. */
    fun onValidation(metric: String): Boolean = metric.startsWith("validation_") || metric.startsWith("val_")

    fun onTest(metric: String): Boolean = metric.startsWith("test_")

    /** Whether [metric] needs class labels (accuracy and AUC do; losses do not). */
    fun needsClasses(metric: String): Boolean = metric.endsWith("_accuracy") || metric.endsWith("_auc")
}
