package mlpkit.data.csv

/**
 * How to read a CSV file of features only (the input of a trained model, no target column): the
 * number of [features] per row, the [names] of the feature columns when they are known (a model
 * trained on a CSV file with a header records them), whether the first line is a [header] and the
 * field [delimiter].
 *
 * [header]: `true` — the first line holds column names (refused when every field of it is a number);
 * `false` — every line is data; `null` (the default) — the first line is a header only when it holds
 * every one of [names] (see [CsvHeaderRule]). With a header and [names], the features are taken by
 * name, so extra columns (the label column of a training file) are left out and the column order
 * does not matter. [headerSwitch] names the setting in the caller's words for the advice in messages.
 */
data class CsvFeatureOptions @JvmOverloads constructor(
    val features: Int,
    val names: List<String>? = null,
    val header: Boolean? = null,
    val delimiter: Char = ',',
    val headerSwitch: CsvHeaderSwitch = CsvHeaderSwitch.PARAMETER,
) {
    init {
        require(features >= 1) { "a row needs at least one feature, got $features" }
        require(names == null || names.size == features) { "${names!!.size} feature names for $features features: give one name per feature" }
    }
}
