package mlpkit.data

/**
 * A data set: [features] (one row per sample) and [targets] (one entry per sample), with a [name]
 * for messages and reports. Splits and batches refer to rows of it by index; nothing is copied until
 * a batch is filled.
 */
class Dataset(
    val name: String,
    val features: Features,
    val targets: Targets,
) {
    init {
        require(features.rows == targets.size) {
            "data set '$name' has ${features.rows} feature rows but ${targets.size} targets: each sample needs exactly one target"
        }
    }

    val size: Int get() = features.rows

    /** The class labels, or an error that says this set is a regression set. */
    val classLabels: ClassLabels
        get() = targets as? ClassLabels
            ?: throw IllegalStateException("data set '$name' has real-valued targets, not class labels")

    override fun toString(): String = "$name: $size samples × ${features.cols} features, " + when (val t = targets) {
        is ClassLabels -> "${t.classCount} classes"
        is RegressionTargets -> "${t.outputs} regression target${if (t.outputs == 1) "" else "s"}"
    }
}
