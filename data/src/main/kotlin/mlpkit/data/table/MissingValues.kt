package mlpkit.data.table

import kotlinx.serialization.Serializable

/**
 * The texts that mean "no value" in a table's field, compared exactly (spaces around fields are already
 * dropped by the CSV reader). The default is [DEFAULT_TOKENS]: an empty field, `NA`, `NaN` and `?`.
 */
@Serializable
data class MissingValues(val tokens: List<String> = DEFAULT_TOKENS) {
    private val set: Set<String> get() = tokens.toSet()

    /** Whether [text] is one of the [tokens]. */
    fun isMissing(text: String): Boolean = text in set

    companion object {
        /** An empty field, `NA`, `NaN`, `?`. */
        @JvmField
        val DEFAULT_TOKENS: List<String> = listOf("", "NA", "NaN", "?")
    }
}
