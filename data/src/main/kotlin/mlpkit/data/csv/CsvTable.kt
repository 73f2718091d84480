package mlpkit.data.csv

import mlpkit.data.Dataset

/**
 * A data set read from a CSV file with the [featureNames] of its header, in feature order (the names of
 * the columns that became features, target columns left out), or null when the file had no header;
 * [targetNames] are the header's names of the target columns, in target order (null without a header).
 */
class CsvTable(val dataset: Dataset, val featureNames: List<String>?, val targetNames: List<String>? = null)
