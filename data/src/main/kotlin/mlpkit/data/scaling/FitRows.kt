package mlpkit.data.scaling

import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.Features

/** Rows copied at a time while fitting: big enough to amortise the call, small enough for any width. */
private const val CHUNK_ROWS = 256

/** The rows a scaler is fitted on: [rows] (checked) or every row of [features]. */
internal fun fitRows(features: Features, rows: IntArray?): IntArray {
    if (rows == null) {
        require(features.rows > 0) { "cannot fit a scaler on features with no rows" }
        return IntArray(features.rows) { it }
    }
    require(rows.isNotEmpty()) { "cannot fit a scaler on 0 rows: pass the training rows (at least one)" }
    rows.forEachIndexed { i, row ->
        require(row in 0 until features.rows) {
            "row index $row at position $i is outside the ${features.rows} rows of the features: indices must be in 0..${features.rows - 1}"
        }
    }
    return rows
}

/**
 * Calls [action] with successive chunks of the rows [rows] of [features], in order, copied as doubles
 * into one reused matrix (so image features stored as bytes are fitted without a full copy). The
 * chunk's first `count` rows are valid.
 */
internal inline fun forEachChunk(features: Features, rows: IntArray, action: (chunk: DenseMatrix, count: Int) -> Unit) {
    val chunk = DenseMatrix(minOf(CHUNK_ROWS, rows.size), features.cols)
    var start = 0
    while (start < rows.size) {
        val count = minOf(chunk.rowDimension, rows.size - start)
        features.copyRows(rows, start, count, chunk)
        action(chunk, count)
        start += count
    }
}
