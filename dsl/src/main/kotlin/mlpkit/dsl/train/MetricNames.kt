package mlpkit.dsl.train

/** The names metrics are reported under: `<part>_<metric>`, e.g. `train_loss`, `validation_accuracy`, `test_auc`. */
object MetricNames {
    const val TRAIN = "train"
    const val VALIDATION = "validation"
    const val TEST = "test"

    const val LOSS = "loss"
    const val ACCURACY = "accuracy"
    const val AUC = "auc"

    fun of(part: String, metric: String): String = "${part}_$metric"

    /** A metric name as users write it, in the reported form: Keras' `val_loss` is `validation_loss`. */
    fun normalise(name: String): String = if (name.startsWith("val_")) "validation_" + name.removePrefix("val_") else name

    /** Whether larger is better for [name] (accuracy, AUC) rather than smaller (losses). */
    fun isMaximised(name: String): Boolean = name.endsWith(ACCURACY) || name.endsWith(AUC)
}
