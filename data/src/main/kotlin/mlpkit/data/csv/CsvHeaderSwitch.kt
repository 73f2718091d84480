package mlpkit.data.csv

/**
 * How the reader's user says "the first line is a header" ([on]) and "every line is data" ([off]),
 * so that advice in a [CsvFormatException] is in the words the user wrote: `header = true` in Kotlin,
 * Java and the DSL, `"header": true` in a JSON config, `--header` on the command line.
 */
data class CsvHeaderSwitch(val on: String, val off: String) {
    companion object {
        /** The `header` parameter of [CsvReadOptions], the DSL's `csv(…, header = …)` and the Java API. */
        @JvmField
        val PARAMETER = CsvHeaderSwitch("header = true", "header = false")
    }
}
