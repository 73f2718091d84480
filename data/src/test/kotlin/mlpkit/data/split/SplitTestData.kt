package mlpkit.data.split

import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.ClassLabels
import mlpkit.data.Dataset
import mlpkit.data.DenseFeatures
import mlpkit.data.RegressionTargets

/** A set whose row i has features (i, 10·i), so a row's origin can be read off its values. */
internal fun numberedSet(labels: IntArray, name: String = "numbered"): Dataset =
    Dataset(name, DenseFeatures(DenseMatrix(labels.size, 2, DoubleArray(labels.size * 2) { if (it % 2 == 0) (it / 2).toDouble() else 10.0 * (it / 2) })), ClassLabels(labels))

/** [counts][c] rows of class c, classes interleaved as they come (0, 1, 2, 0, 1, 2, … until a class runs out). */
internal fun imbalancedLabels(vararg counts: Int): IntArray {
    val left = counts.copyOf()
    val labels = ArrayList<Int>()
    while (left.any { it > 0 }) for (c in counts.indices) if (left[c] > 0) { labels += c; left[c]-- }
    return labels.toIntArray()
}

internal fun regressionSet(rows: Int): Dataset =
    Dataset("prices", DenseFeatures(DenseMatrix(rows, 1, DoubleArray(rows) { it.toDouble() })), RegressionTargets(DenseMatrix(rows, 1, DoubleArray(rows) { it * 0.5 })))

internal fun IntArray.classCounts(labels: IntArray, classes: Int): List<Int> = IntArray(classes).also { c -> forEach { c[labels[it]]++ } }.toList()
