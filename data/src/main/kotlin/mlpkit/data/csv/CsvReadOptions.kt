package mlpkit.data.csv

/**
 * How to read a CSV file into a data set: whether its first line is a [header], the field
 * [delimiter], which columns are the [target] (every other column is a feature, in file order), and
 * the data set's [name] (default: the file name without `.gz` and its extension).
 *
 * [header]: `true` — the first line holds the column names (refused when every field of it is a
 * number: that line is data); `false` — every line is data; `null` (the default) — decided by
 * [CsvHeaderRule]: the first line is a header only when none of its fields is a number, so a data row
 * with a typo or a missing value is reported instead of being dropped as a header. [headerSwitch]
 * names the setting in the caller's words for the advice in messages.
 */
data class CsvReadOptions @JvmOverloads constructor(
    val header: Boolean? = null,
    val delimiter: Char = ',',
    val target: CsvTarget = CsvTarget.ClassLabel(),
    val name: String? = null,
    val headerSwitch: CsvHeaderSwitch = CsvHeaderSwitch.PARAMETER,
)
