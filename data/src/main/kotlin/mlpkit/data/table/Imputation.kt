package mlpkit.data.table

import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable

/**
 * What to do with a missing value in a column ([word] is how JSON and the DSL write it). [REFUSE] (the default)
 * stops with the line and column; the others fill it with a statistic of the training rows, as scikit-learn's
 * `SimpleImputer(strategy=…)`: [MEAN], [MEDIAN] (numpy's) and [MOST_FREQUENT] (ties to the smallest value), or
 * [CONSTANT] (the column's `fill`). Categorical columns take [MOST_FREQUENT], [CONSTANT] and [REFUSE] only.
 */
@Serializable
enum class Imputation(val word: String, val forCategorical: Boolean) {
    @SerialName("refuse") REFUSE("refuse", true),
    @SerialName("mean") MEAN("mean", false),
    @SerialName("median") MEDIAN("median", false),
    @SerialName("mostFrequent") MOST_FREQUENT("mostFrequent", true),
    @SerialName("constant") CONSTANT("constant", true);

    companion object {
        /** The imputation written [word], or null. */
        @JvmStatic
        fun of(word: String): Imputation? = entries.firstOrNull { it.word == word }

        /** The words a column of [role] accepts, for "expected one of …". */
        @JvmStatic
        fun wordsFor(role: ColumnRole?): List<String> =
            entries.filter { role != ColumnRole.CATEGORICAL || it.forCategorical }.map { it.word }
    }
}
