package mlpkit.dsl

import mlpkit.data.table.ColumnOptions
import mlpkit.data.table.ColumnRole
import mlpkit.data.table.ColumnScaling
import mlpkit.data.table.Imputation
import mlpkit.dsl.spec.MissingTarget

/**
 * The columns of a table CSV source: `csv("penguins.csv", label = "species") { categorical("island");
 * column("sex", categorical = true, missing = mostFrequent) }`, the DSL form of JSON's `data.source.columns`,
 * `missing` and `missingTarget` (see docs/tabular.md). Columns not named are inferred.
 */
@MlpDsl
class TableBuilder internal constructor() {
    private val columns = LinkedHashMap<String, ColumnOptions>()

    /** The texts that mean a missing value; null keeps the default (empty, `NA`, `NaN`, `?`). */
    var missing: List<String>? = null

    /** What a row without a target does: [drop] (left out, with a note; the default) or [refuse]. */
    var missingTarget: MissingTarget = MissingTarget.DROP

    val drop: MissingTarget get() = MissingTarget.DROP
    val refuse: Imputation get() = Imputation.REFUSE
    val mean: Imputation get() = Imputation.MEAN
    val median: Imputation get() = Imputation.MEDIAN
    val mostFrequent: Imputation get() = Imputation.MOST_FREQUENT
    val constant: Imputation get() = Imputation.CONSTANT
    val standard: ColumnScaling get() = ColumnScaling.STANDARD
    val minMax: ColumnScaling get() = ColumnScaling.MIN_MAX
    val none: ColumnScaling get() = ColumnScaling.NONE

    /** Refuse rows without a target (`missingTarget = refuseRows`). */
    val refuseRows: MissingTarget get() = MissingTarget.REFUSE

    /** Column [name] is categorical (one-hot), everything else by default. */
    fun categorical(name: String) = column(name, categorical = true)

    /** Column [name] is numeric, everything else by default. */
    fun numeric(name: String) = column(name, categorical = false)

    /**
     * Column [name]: [categorical] true, false or null (inferred); [missing] how missing values are filled
     * ([refuse], [mean], [median], [mostFrequent], [constant] with [fill]); [scaling] of a numeric column (null: the
     * experiment's); [ignoreUnknown] encodes a category not seen in training as all zeros instead of refusing it.
     */
    fun column(
        name: String,
        categorical: Boolean? = null,
        missing: Imputation = Imputation.REFUSE,
        fill: Any? = null,
        scaling: ColumnScaling? = null,
        ignoreUnknown: Boolean = false,
    ) {
        val role = categorical?.let { if (it) ColumnRole.CATEGORICAL else ColumnRole.NUMERIC }
        require(role != ColumnRole.CATEGORICAL || missing.forCategorical) {
            "column(\"$name\", categorical = true, missing = ${missing.word}): a categorical column is filled with mostFrequent or constant (or refuse), not ${missing.word}"
        }
        require((fill != null) == (missing == Imputation.CONSTANT)) {
            if (fill == null) "column(\"$name\", missing = constant) needs fill = the value to fill with, e.g. fill = 0 or fill = \"unknown\""
            else "column(\"$name\", fill = $fill) fills only with missing = constant, got missing = ${missing.word}"
        }
        columns[name] = ColumnOptions(role, missing, fill?.toString(), scaling, ignoreUnknown)
    }

    internal fun columns(): Map<String, ColumnOptions> = LinkedHashMap(columns)
}
