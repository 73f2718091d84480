package mlpkit.dsl

import mlpkit.core.distributed.RowSource
import mlpkit.data.table.ColumnOptions
import mlpkit.dsl.spec.DataSource
import mlpkit.dsl.spec.MissingTarget

/**
 * The columns of rows an engine reads (`data { spark("parquet", "rows/") { features("x1", "x2"); label("y") } }`, and
 * `fitDistributed`'s data frame): see [DataSource.Spark] for each setting and its default.
 */
@MlpDsl
class EngineRowsBuilder internal constructor() {
    private var features: List<String> = listOf(RowSource.FEATURES)
    private var label: String = RowSource.LABEL
    private var sampleWeight: String? = null
    private var labels: String? = null
    private val options = LinkedHashMap<String, String>()
    private var columns: Map<String, ColumnOptions>? = null

    /** One column holding an array or vector per row, or numeric columns, one feature each, in this order. */
    fun features(vararg columns: String) {
        require(columns.isNotEmpty()) { "features() expected at least one column name, got none: name the features column" }
        features = columns.toList()
    }

    /** The label column: class labels (numbers or text), or the numeric target(s) when the loss is for real values. */
    fun label(column: String) {
        label = column
    }

    /** A column of per-row sample weights (numbers ≥ 0). */
    fun sampleWeight(column: String) {
        sampleWeight = column
    }

    /** An option of the engine's reader, e.g. `option("sep", ";")` for csv. */
    fun option(key: String, value: String) {
        options[key] = value
    }

    /** The IDX label file of IDX images. */
    fun labels(file: String) {
        labels = file
    }

    /**
     * The table form (JSON `columns`): [block] chooses options for some columns as for a CSV table (`categorical("island");
     * column("sex", categorical = true, missing = mostFrequent)`); every column but the label and the sample weight is a
     * feature column, the others inferred. The missing-value texts and `missingTarget` of a CSV table do not apply here.
     */
    fun columns(block: TableBuilder.() -> Unit) {
        val table = TableBuilder().apply(block)
        require(table.missing == null && table.missingTarget == MissingTarget.DROP) {
            "spark(…) { columns { … } } chooses column options only: missing and missingTarget apply to csv(…) { … } tables"
        }
        columns = table.columns()
    }

    internal fun build(format: String, path: String): DataSource.Spark =
        DataSource.Spark(format, path, features, label, sampleWeight, options.toMap(), labels, columns)
}
