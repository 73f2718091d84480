package mlpkit.data.generators

import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.ClassLabels
import mlpkit.data.Dataset
import mlpkit.data.DenseFeatures

// Argument checks and result assembly shared by the generators. Messages name the sklearn function and
// parameter (snake_case, as in sklearn's documentation and the CLI), what was expected and what came.

internal fun requireNonNegative(fn: String, name: String, value: Int) {
    require(value >= 0) { "$fn: $name must be ≥ 0, got $value" }
}

internal fun requirePositive(fn: String, name: String, value: Int) {
    require(value >= 1) { "$fn: $name must be ≥ 1, got $value" }
}

/** A standard deviation: sklearn ≥ 1.3 (and numpy's `normal`) reject negative ones. */
internal fun requireNoise(fn: String, name: String, value: Double?) {
    require(value == null || value >= 0.0) {
        "$fn: $name is a standard deviation and must be ≥ 0 (or none), got $value"
    }
}

/** A data set of row-major [features] and [labels] whose classes are 0 until [classCount] (all named, even if absent). */
internal fun classificationDataset(
    fn: String,
    rows: Int,
    cols: Int,
    features: DoubleArray,
    labels: IntArray,
    classCount: Int,
): Dataset = Dataset(
    fn,
    DenseFeatures(DenseMatrix(rows, cols, features)),
    ClassLabels(labels, List(classCount) { it.toString() }),
)
