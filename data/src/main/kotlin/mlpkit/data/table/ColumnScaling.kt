package mlpkit.data.table

import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable

/**
 * How a numeric column is scaled after imputation, fitted on the training rows: [STANDARD] (scikit-learn's
 * `StandardScaler`: population standard deviation, 1 for a constant column), [MIN_MAX] (`MinMaxScaler` to
 * [0, 1]) or [NONE]. [word] is how JSON and the DSL write it.
 */
@Serializable
enum class ColumnScaling(val word: String) {
    @SerialName("standard") STANDARD("standard"),
    @SerialName("minmax") MIN_MAX("minmax"),
    @SerialName("none") NONE("none");

    companion object {
        /** The scaling written [word], or null. */
        @JvmStatic
        fun of(word: String): ColumnScaling? = entries.firstOrNull { it.word == word }
    }
}
