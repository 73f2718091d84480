package mlpkit.data.table

/** What a column is to the pipeline: [NUMERIC] (imputed, then scaled) or [CATEGORICAL] (imputed, then one-hot). */
enum class ColumnRole(val word: String) {
    NUMERIC("numeric"),
    CATEGORICAL("categorical");

    companion object {
        /**
         * The inferred role of column [column] of [table] over [rows]: categorical when any field that is not
         * missing ([missing]) is not a decimal number, numeric otherwise.
         */
        @JvmStatic
        fun infer(table: RawTable, column: Int, rows: IntArray, missing: MissingValues): ColumnRole =
            if (rows.any { r -> table.field(r, column).let { !missing.isMissing(it) && !isNumber(it) } }) CATEGORICAL else NUMERIC

        /** Whether [text] is a number by the CSV readers' rule (a finite decimal number). */
        internal fun isNumber(text: String): Boolean = mlpkit.data.csv.parseDecimalOrNull(text) != null
    }
}
