package mlpkit.data.scaling

import kotlinx.serialization.Serializable
import mlpkit.core.distributed.ColumnAffine
import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.Dataset
import mlpkit.data.Features
import mlpkit.data.split.IndexedFeatures

/**
 * A fitted per-column affine map of features (standardisation, min-max scaling), fitted on training
 * rows only and stored with the model so that predictions see inputs scaled exactly as in training.
 *
 * Implementations are immutable `@Serializable` data classes: `Json.encodeToString<Scaler>(scaler)`
 * writes `{"type": "standard", …}` or `{"type": "minmax", …}` and decoding gives back an equal scaler
 * (doubles are written round-trip exact).
 */
@Serializable
sealed interface Scaler {
    /** Number of feature columns the scaler was fitted on (and applies to). */
    val columns: Int

    /** Scales the first [rows] rows of [matrix] in place. No allocation: the batch loop calls it. */
    fun transformInPlace(matrix: DenseMatrix, rows: Int = matrix.rowDimension)

    /** Undoes [transformInPlace] on the first [rows] rows of [matrix], in place. */
    fun inverseTransformInPlace(matrix: DenseMatrix, rows: Int = matrix.rowDimension)

    /** [transformInPlace] as core's [ColumnAffine] (the same roundings), for JVMs that have the core alone. */
    fun affine(): ColumnAffine

    /** [inverseTransformInPlace] as core's [ColumnAffine] (the same roundings). */
    fun inverseAffine(): ColumnAffine

    /**
     * [features] scaled, as a view ([ScaledFeatures]) that scales rows as they are copied into a batch:
     * nothing is copied now. A row-index view ([IndexedFeatures], a split part) stays the outer view,
     * `IndexedFeatures(ScaledFeatures(base), rows)`, so the batch loop can still read its base without
     * translating indices per batch.
     */
    fun transform(features: Features): Features = when (features) {
        is IndexedFeatures -> IndexedFeatures(ScaledFeatures(features.base, this), features.indices())
        else -> ScaledFeatures(features, this)
    }

    /** [dataset] with its features scaled (a view, see [transform]); targets, weights and name unchanged. */
    fun transform(dataset: Dataset): Dataset = Dataset(dataset.name, transform(dataset.features), dataset.targets, dataset.weights)

    /** A new matrix holding [matrix] scaled. */
    fun transform(matrix: DenseMatrix): DenseMatrix = matrix.copy().also { transformInPlace(it) }

    /** A new matrix holding [matrix] mapped back to the original units (e.g. to show scaled inputs as they were). */
    fun inverseTransform(matrix: DenseMatrix): DenseMatrix = matrix.copy().also { inverseTransformInPlace(it) }
}

/** Checks that a matrix given to a scaler has its columns and at least [rows] rows. */
internal fun Scaler.checkShape(matrix: DenseMatrix, rows: Int) {
    require(matrix.columnDimension == columns) {
        "this scaler was fitted on $columns feature columns but the matrix has ${matrix.columnDimension}: " +
            "apply a scaler to the same features it was fitted on"
    }
    require(rows in 0..matrix.rowDimension) {
        "cannot scale $rows rows of a matrix that has ${matrix.rowDimension}"
    }
}
