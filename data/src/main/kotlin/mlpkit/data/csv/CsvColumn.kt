package mlpkit.data.csv

/** A column of a CSV file: by its header name, or by its position. */
sealed interface CsvColumn {
    /** The column whose header is [name] (the file needs a header line). */
    data class Named(val name: String) : CsvColumn

    /**
     * The column at [index], counted from 0 at the left, or from the right when negative (−1 is the
     * last column), as Python indexes. Error messages count columns from 1, as editors do.
     */
    data class At(val index: Int) : CsvColumn

    companion object {
        /** The last column (the usual place of the label). */
        val Last: CsvColumn = At(-1)

        fun named(name: String): CsvColumn = Named(name)

        fun at(index: Int): CsvColumn = At(index)
    }
}
