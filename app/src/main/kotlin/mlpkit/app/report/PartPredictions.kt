package mlpkit.app.report

import mlpkit.core.matrix.DenseMatrix
import mlpkit.core.network.Network
import mlpkit.data.ClassLabels
import mlpkit.data.Dataset
import mlpkit.data.batch.TargetEncoding

/**
 * What the trained network says about one part of the data (`train`, `validation` or `test`): the true
 * [labels], the [predicted] classes, and for two classes the [scores] of class 1 that the ROC curve
 * ranks. The rules are the training loop's: the largest output for one output per class, class 1 when a
 * single output reaches 0.5.
 *
 * The rows are the part as the run resolved it (already scaled), so they go through the bare network,
 * not through `Model.predict` (which would scale them a second time).
 */
internal class PartPredictions(
    val part: String,
    val labels: IntArray,
    val classNames: List<String>,
    val predicted: IntArray,
    val scores: DoubleArray?,
) {
    val size: Int get() = labels.size
    val accuracy: Double get() = labels.indices.count { labels[it] == predicted[it] }.toDouble() / size

    /** Whether a ROC curve can be drawn: two classes, both present, every score finite. */
    val hasRoc: Boolean
        get() = scores != null && scores.all { it.isFinite() } && labels.any { it == 0 } && labels.any { it == 1 }

    companion object {
        /** Rows per forward pass: bounds the memory of a 60 000-image part to one small matrix. */
        private const val CHUNK = 2048

        /** The predictions of [network] on [dataset], or null for a regression set. */
        fun of(part: String, dataset: Dataset, network: Network, encoding: TargetEncoding): PartPredictions? {
            val labels = dataset.targets as? ClassLabels ?: return null
            val n = dataset.size
            val predicted = IntArray(n)
            val binary = labels.classCount == 2
            val scores = if (binary) DoubleArray(n) else null
            val indices = IntArray(n) { it }
            var start = 0
            while (start < n) {
                val count = minOf(CHUNK, n - start)
                val x = DenseMatrix(count, dataset.features.cols)
                dataset.features.copyRows(indices, start, count, x)
                val out = network.predict(x)
                for (r in 0 until count) {
                    predicted[start + r] = predictedClass(out, r, encoding)
                    if (scores != null) scores[start + r] = out.getEntry(r, if (encoding == TargetEncoding.ONE_HOT) 1 else 0)
                }
                start += count
            }
            return PartPredictions(part, labels.labels.copyOf(), labels.classNames, predicted, scores)
        }

        private fun predictedClass(out: DenseMatrix, row: Int, encoding: TargetEncoding): Int {
            if (encoding != TargetEncoding.ONE_HOT) return if (out.getEntry(row, 0) >= 0.5) 1 else 0
            var best = 0
            for (j in 1 until out.columnDimension) if (out.getEntry(row, j) > out.getEntry(row, best)) best = j
            return best
        }
    }
}
