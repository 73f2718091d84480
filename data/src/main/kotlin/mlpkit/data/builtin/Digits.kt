package mlpkit.data.builtin

import mlpkit.data.Dataset
import mlpkit.data.csv.CsvColumn
import mlpkit.data.csv.CsvLoader
import mlpkit.data.csv.CsvReadOptions
import mlpkit.data.csv.CsvTarget
import java.util.zip.GZIPInputStream

/** Where the digits file sits inside the jar. */
private const val DIGITS_RESOURCE = "/mlpkit/data/digits.csv.gz"

private const val DIGITS_ROWS = 1797
private const val DIGITS_PIXELS = 64

/**
 * scikit-learn's 8×8 handwritten digits (`sklearn.datasets.load_digits`), shipped inside the jar:
 * 1797 samples × 64 pixels with values 0–16 as in scikit-learn (not scaled: scale them with a fitted
 * scaler, or divide by 16), labels 0–9 named "0".."9". Row i equals `load_digits().data[i]`,
 * `load_digits().target[i]`. Read afresh on every call (about 60 KB), so callers never share state.
 */
fun digits(): Dataset {
    val stream = Dataset::class.java.getResourceAsStream(DIGITS_RESOURCE)
        ?: throw IllegalStateException("the built-in digits file $DIGITS_RESOURCE is missing from the class path: the mlpkit-data jar is incomplete, rebuild it")
    val dataset = GZIPInputStream(stream).bufferedReader(Charsets.UTF_8).use { reader ->
        CsvLoader.load(
            reader,
            "digits.csv.gz (built in)",
            CsvReadOptions(
                header = false,
                target = CsvTarget.ClassLabel(CsvColumn.Last, classNames = List(10) { it.toString() }),
                name = "digits",
            ),
        )
    }
    check(dataset.size == DIGITS_ROWS && dataset.features.cols == DIGITS_PIXELS) {
        "the built-in digits file holds ${dataset.size} × ${dataset.features.cols} values instead of $DIGITS_ROWS × $DIGITS_PIXELS: the jar is damaged, rebuild it"
    }
    return dataset
}
