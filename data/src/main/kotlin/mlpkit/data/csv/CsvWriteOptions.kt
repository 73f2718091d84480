package mlpkit.data.csv

/**
 * How to write a data set as CSV: with or without a [header] line, the field [delimiter], the header
 * names of the features (default `x0`, `x1`, …) and targets (default `label` for class labels, `y`
 * for one regression output, `y0`, `y1`, … for several), and whether class labels are written as
 * their numbers (default) or as their [classNamesAsLabels] names.
 */
data class CsvWriteOptions(
    val header: Boolean = true,
    val delimiter: Char = ',',
    val featureNames: List<String>? = null,
    val targetNames: List<String>? = null,
    val classNamesAsLabels: Boolean = false,
)
