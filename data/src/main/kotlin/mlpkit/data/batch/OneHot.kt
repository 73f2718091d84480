package mlpkit.data.batch

import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.ClassLabels

/** [labels] as a one-hot matrix: one row per label, one column per class, 1.0 in the label's column. */
fun oneHot(labels: ClassLabels): DenseMatrix = oneHot(labels.labels, labels.classCount)

/** [labels] (each in `0 until classCount`) as a `labels.size × classCount` one-hot matrix. */
fun oneHot(labels: IntArray, classCount: Int): DenseMatrix {
    require(classCount >= 1) { "one-hot encoding needs at least 1 class, got $classCount" }
    val out = DenseMatrix(labels.size, classCount)
    val data = out.data()
    labels.forEachIndexed { i, label ->
        require(label in 0 until classCount) {
            "label $label of sample $i is outside 0..${classCount - 1}: one-hot encoding of $classCount classes needs labels in that range"
        }
        data[i * classCount + label] = 1.0
    }
    return out
}
