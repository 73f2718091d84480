package mlpkit.data.table

/**
 * What the user chose for one column; every field left null (or at its default) is inferred or defaulted:
 * [role] null is inferred ([ColumnRole.infer]); [missing] how missing values are imputed ([Imputation.REFUSE]
 * by default); [fill] the value of [Imputation.CONSTANT] (a number for a numeric column, any text for a
 * categorical one); [scaling] a numeric column's scaling (null: the experiment's); [ignoreUnknown] a
 * categorical column's answer to a category not seen in training: all zeros (scikit-learn's
 * `handle_unknown='ignore'`) instead of an error.
 */
data class ColumnOptions @JvmOverloads constructor(
    val role: ColumnRole? = null,
    val missing: Imputation = Imputation.REFUSE,
    val fill: String? = null,
    val scaling: ColumnScaling? = null,
    val ignoreUnknown: Boolean = false,
) {
    /** Whether only the role is chosen (JSON writes such a column as `"categorical"` or `"numeric"`). */
    val roleOnly: Boolean get() = role != null && missing == Imputation.REFUSE && fill == null && scaling == null && !ignoreUnknown

    companion object {
        /** A categorical column, everything else by default. */
        @JvmField
        val CATEGORICAL = ColumnOptions(ColumnRole.CATEGORICAL)

        /** A numeric column, everything else by default. */
        @JvmField
        val NUMERIC = ColumnOptions(ColumnRole.NUMERIC)
    }
}
