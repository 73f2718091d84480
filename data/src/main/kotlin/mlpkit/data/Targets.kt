package mlpkit.data

import mlpkit.core.matrix.DenseMatrix

/** What a data set predicts: class labels or real-valued targets, one entry per sample. */
sealed interface Targets {
    /** Number of samples. */
    val size: Int
}

/**
 * Class labels 0 until [classCount], with names where they are known (digits "0".."9", Fashion-MNIST's
 * "T-shirt/top"…); otherwise the names are the labels themselves.
 */
class ClassLabels(
    val labels: IntArray,
    classNames: List<String>? = null,
) : Targets {
    val classNames: List<String> = classNames ?: List((labels.maxOrNull() ?: -1) + 1) { it.toString() }
    val classCount: Int get() = classNames.size
    override val size: Int get() = labels.size

    init {
        labels.forEachIndexed { i, label ->
            require(label in 0 until this.classNames.size) {
                "label $label of sample $i is outside 0..${this.classNames.size - 1} (there are ${this.classNames.size} classes)"
            }
        }
    }

    /** How many samples each class has, indexed by label. */
    fun counts(): IntArray = IntArray(classCount).also { c -> labels.forEach { c[it]++ } }
}

/** Real-valued targets, one row per sample and one column per output. */
class RegressionTargets(val values: DenseMatrix) : Targets {
    override val size: Int get() = values.rowDimension
    val outputs: Int get() = values.columnDimension
}
