package mlpkit.data.generators

import mlpkit.data.random.RandomState

/**
 * The row order of sklearn's `utils.shuffle(X, y, random_state=rng)` (through
 * `resample(replace=False)`): `indices = arange(n); rng.shuffle(indices)`. Row i of the result is row
 * `order[i]` of the input; apply it with [reorderRows] and [reorderLabels].
 */
internal fun shuffledSampleOrder(rng: RandomState, rows: Int): IntArray = IntArray(rows) { it }.also { rng.shuffle(it) }

/** `values[order]` for a row-major matrix of [cols] columns: a new array. */
internal fun reorderRows(values: DoubleArray, cols: Int, order: IntArray): DoubleArray {
    val out = DoubleArray(values.size)
    for (r in order.indices) System.arraycopy(values, order[r] * cols, out, r * cols, cols)
    return out
}

/** `labels[order]`: a new array. */
internal fun reorderLabels(labels: IntArray, order: IntArray): IntArray = IntArray(order.size) { labels[order[it]] }

/**
 * The feature shuffle of make_classification / make_regression: `indices = arange(n_features);
 * rng.shuffle(indices); X[:, :] = X[:, indices]`, in place. Returns the column order it applied (the
 * regression coefficients follow it).
 */
internal fun shuffleFeatures(rng: RandomState, rows: Int, cols: Int, features: DoubleArray): IntArray {
    val order = IntArray(cols) { it }
    rng.shuffle(order)
    val row = DoubleArray(cols)
    for (r in 0 until rows) {
        val base = r * cols
        for (c in 0 until cols) row[c] = features[base + order[c]]
        System.arraycopy(row, 0, features, base, cols)
    }
    return order
}

/**
 * numpy's `linspace(start, stop, num, endpoint)`: `i · step + start` with `step = (stop − start) / div`
 * and, with the endpoint, the last value set to `stop` exactly. Reproduced operation for operation so
 * that the generators' circle points are the same doubles as numpy's.
 */
internal fun linspace(start: Double, stop: Double, num: Int, endpoint: Boolean = true): DoubleArray {
    val div = if (endpoint) num - 1 else num
    val delta = stop - start
    val y = DoubleArray(num) { it.toDouble() }
    if (div > 0) {
        val step = delta / div
        if (step == 0.0) {
            for (i in y.indices) y[i] = y[i] / div * delta
        } else {
            for (i in y.indices) y[i] *= step
        }
    } else {
        for (i in y.indices) y[i] *= delta
    }
    for (i in y.indices) y[i] += start
    if (endpoint && num > 1) y[num - 1] = stop
    return y
}
