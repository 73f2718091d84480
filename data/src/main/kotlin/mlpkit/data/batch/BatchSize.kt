package mlpkit.data.batch

/** How many rows a mini-batch holds: a fixed number, or the whole set as one batch. */
sealed interface BatchSize {
    /** Batches of [rows] rows (the last one may be smaller). */
    data class Rows(val rows: Int) : BatchSize {
        init {
            require(rows >= 1) { "a batch needs at least 1 row, got a batch size of $rows" }
        }
    }

    /** The whole set as one batch (full-batch gradient descent). */
    data object Full : BatchSize

    companion object {
        /** Batches of [rows] rows. */
        fun of(rows: Int): BatchSize = Rows(rows)
    }
}
