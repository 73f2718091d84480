package mlpkit.app

import java.util.Locale
import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.ClassLabels
import mlpkit.data.Dataset
import mlpkit.data.Features
import mlpkit.data.RegressionTargets

/**
 * What `mlp data inspect` prints about a data set: its shape, how its values are stored, their range,
 * and the label counts (or the range of regression targets).
 */
fun describeDataset(dataset: Dataset, storage: String): String = buildString {
    appendLine("${dataset.name}: ${dataset.size} samples × ${dataset.features.cols} features")
    appendLine("  stored as: $storage")
    val (min, max) = featureRange(dataset.features)
    appendLine("  feature values: min ${number(min)}, max ${number(max)}")
    when (val targets = dataset.targets) {
        is ClassLabels -> {
            appendLine("  classes: ${targets.classCount}")
            val counts = targets.counts()
            val width = targets.classNames.maxOf { it.length }.coerceAtLeast(5)
            appendLine(String.format(Locale.ROOT, "    %-${width}s  %5s  %s", "class", "label", "count"))
            targets.classNames.forEachIndexed { label, name ->
                appendLine(String.format(Locale.ROOT, "    %-${width}s  %5d  %d", name, label, counts[label]))
            }
        }
        is RegressionTargets -> {
            val values = targets.values
            appendLine("  regression targets: ${targets.outputs}")
            for (j in 0 until targets.outputs) {
                var lo = Double.POSITIVE_INFINITY
                var hi = Double.NEGATIVE_INFINITY
                for (i in 0 until values.rowDimension) {
                    val v = values.getEntry(i, j)
                    lo = minOf(lo, v)
                    hi = maxOf(hi, v)
                }
                appendLine("    target $j: min ${number(lo)}, max ${number(hi)}")
            }
        }
    }
}.trimEnd()

/** min and max over all feature values, read in chunks through [Features.copyRows] (no full copy). */
private fun featureRange(features: Features): Pair<Double, Double> {
    val chunk = 1024
    val buffer = DenseMatrix(minOf(chunk, features.rows.coerceAtLeast(1)), features.cols)
    val indices = IntArray(features.rows) { it }
    var min = Double.POSITIVE_INFINITY
    var max = Double.NEGATIVE_INFINITY
    var start = 0
    while (start < features.rows) {
        val count = minOf(chunk, features.rows - start)
        features.copyRows(indices, start, count, buffer)
        val data = buffer.data()
        for (k in 0 until count * features.cols) {
            min = minOf(min, data[k])
            max = maxOf(max, data[k])
        }
        start += count
    }
    return min to max
}

internal fun number(value: Double): String =
    if (value == Math.rint(value) && Math.abs(value) < 1e15) value.toLong().toString() else value.toString()
