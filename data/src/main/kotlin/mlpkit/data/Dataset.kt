package mlpkit.data

/**
 * A data set: [features] (one row per sample) and [targets] (one entry per sample), with a [name]
 * for messages and reports, and optionally a weight per sample ([weights]: how much each row counts in the
 * loss; null when every row counts once). Splits and batches refer to rows of it by index; nothing is copied
 * until a batch is filled.
 */
class Dataset(
    val name: String,
    val features: Features,
    val targets: Targets,
    /** One weight ≥ 0 per row (finite), or null for none; not copied. */
    val weights: DoubleArray? = null,
) {
    init {
        require(features.rows == targets.size) {
            "data set '$name' has ${features.rows} feature rows but ${targets.size} targets: each sample needs exactly one target"
        }
        if (weights != null) {
            require(weights.size == features.rows) {
                "data set '$name' has ${features.rows} rows but ${weights.size} sample weights: give one weight per row"
            }
            weights.forEachIndexed { i, w ->
                require(w >= 0 && w.isFinite()) {
                    "data set '$name': the sample weight of row $i is $w, expected a finite weight >= 0: fix or drop that row"
                }
            }
        }
    }

    /** This data set with [weights] as its sample weights (null removes them); features and targets shared. */
    fun withWeights(weights: DoubleArray?): Dataset = Dataset(name, features, targets, weights)

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
