package mlpkit.data.split

import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.ClassLabels
import mlpkit.data.Dataset
import mlpkit.data.RegressionTargets
import mlpkit.data.Targets

/**
 * The rows [rows] of this data set, in that order, named `"<name>/<part>"`.
 *
 * The features are an [IndexedFeatures] view (not copied). The targets are copied: they are one int
 * (class labels) or a few doubles (regression) per row (sample weights, if any, are copied too), and `Targets` is a sealed type of the `data`
 * package that has no view variant. Class labels keep every class name of the whole set, so a part
 * that lacks a class still has the whole set's class count (and its one-hot width).
 */
fun Dataset.subset(rows: IntArray, part: String): Dataset =
    Dataset("$name/$part", IndexedFeatures(features, rows), targets.subset(rows), weights?.let { w -> DoubleArray(rows.size) { w[rows[it]] } })

/** The targets of [rows], in that order (copied; see [subset]). */
fun Targets.subset(rows: IntArray): Targets {
    rows.forEachIndexed { i, row ->
        require(row in 0 until size) {
            "row index $row at position $i is outside the $size rows of the targets: indices must be in 0..${size - 1}"
        }
    }
    return when (this) {
        is ClassLabels -> ClassLabels(IntArray(rows.size) { labels[rows[it]] }, classNames)
        is RegressionTargets -> {
            val outputs = outputs
            val source = values
            val copy = DenseMatrix(rows.size, outputs)
            for (r in rows.indices) {
                System.arraycopy(source.data(), source.offset() + rows[r] * outputs, copy.data(), r * outputs, outputs)
            }
            RegressionTargets(copy)
        }
    }
}
