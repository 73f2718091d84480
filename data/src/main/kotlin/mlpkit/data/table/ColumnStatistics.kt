package mlpkit.data.table

/**
 * The statistics scikit-learn's `SimpleImputer` fills with, over the training rows' values that are not missing:
 * the mean (sum in row order / count), numpy's median (the middle value, or the mean of the two middle values),
 * and the most frequent value with ties going to the smallest (as `SimpleImputer(strategy="most_frequent")`).
 */
internal object ColumnStatistics {
    fun mean(values: DoubleArray): Double {
        var sum = 0.0
        for (v in values) sum += v
        return sum / values.size
    }

    fun median(values: DoubleArray): Double {
        val sorted = values.sortedArray()
        val middle = sorted.size / 2
        return if (sorted.size % 2 == 1) sorted[middle] else (sorted[middle - 1] + sorted[middle]) / 2.0
    }

    fun <T : Comparable<T>> mostFrequent(values: List<T>): T {
        val counts = values.groupingBy { it }.eachCount()
        val most = counts.values.max()
        return counts.filterValues { it == most }.keys.min()
    }
}
