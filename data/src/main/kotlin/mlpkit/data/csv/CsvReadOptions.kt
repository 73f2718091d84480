package mlpkit.data.csv

/**
 * How to read a CSV file into a data set: whether its first line is a [header], the field
 * [delimiter], which columns are the [target] (every other column is a feature, in file order), and
 * the data set's [name] (default: the file name without `.gz` and its extension).
 */
data class CsvReadOptions(
    val header: Boolean = true,
    val delimiter: Char = ',',
    val target: CsvTarget = CsvTarget.ClassLabel(),
    val name: String? = null,
)
