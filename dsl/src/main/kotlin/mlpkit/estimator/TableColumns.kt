package mlpkit.estimator

import mlpkit.data.table.ColumnOptions
import mlpkit.data.table.ColumnPipeline
import mlpkit.data.table.ColumnScaling
import mlpkit.data.table.MissingValues
import mlpkit.data.table.RawTable

/**
 * How an estimator fitted on a table ([MlpClassifier.fit] with a [RawTable] and a label column) turns the table's
 * text columns into features: scikit-learn's `make_pipeline(ColumnTransformer(...), MLPClassifier())`, in the
 * vocabulary of JSON's `data.source.columns`. [options] are per column name ([ColumnOptions]: role, missing-value
 * imputation and fill, scaling, ignoreUnknown; a column not named is inferred and refuses missing values); [scaling]
 * scales the numeric columns that choose none ([ColumnScaling.NONE] by default, as JSON's `data.scaling`); [missing]
 * lists the texts that mean "no value". Every feature column is every column but the label. The pipeline is fitted on
 * the fit's rows only ([ColumnPipeline.fit]), saved in the model file and reloaded with the estimator; [clone]
 * carries these options, so cross-validation and search refit the pipeline inside each fold.
 */
data class TableColumns @JvmOverloads constructor(
    val options: Map<String, ColumnOptions> = emptyMap(),
    val scaling: ColumnScaling = ColumnScaling.NONE,
    val missing: MissingValues = MissingValues(),
) {
    /** The feature columns of [table]: every column but [label], in the table's order. */
    fun features(table: RawTable, label: String): List<String> {
        table.column(label)
        return table.names.filter { it != label }
    }

    /** A pipeline fitted on every row of [table], for the features of [label]'s table. */
    internal fun fit(table: RawTable, label: String): ColumnPipeline =
        ColumnPipeline.fit(table, features(table, label), IntArray(table.rowCount) { it }, options, scaling, missing)

    /** The label column's texts, every row's checked to be present (not one of [missing]'s tokens). */
    internal fun labels(table: RawTable, label: String, estimator: String): Array<String> {
        val position = table.column(label)
        return Array(table.rowCount) { r ->
            table.field(r, position).also { text ->
                require(!missing.isMissing(text)) {
                    "$estimator: ${table.source}:${table.line(r)}: the label column '$label' has the missing value '$text'; expected a label in " +
                        "every row: leave such rows out first (table.rows(keep))"
                }
            }
        }
    }

    companion object {
        /** The default: every column inferred, no scaling, missing values refused. */
        @JvmField
        val DEFAULT = TableColumns()
    }
}
