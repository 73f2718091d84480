package mlpkit.data.table

import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import mlpkit.core.onnx.OnnxAttribute
import mlpkit.core.onnx.OnnxGraph
import mlpkit.data.csv.CsvFormatException
import mlpkit.data.scaling.Scaler

/**
 * One column of a fitted [ColumnPipeline]: how its text becomes [width] feature values. [inferred] says whether
 * its role was inferred from the file (true) or chosen by the user.
 */
@Serializable
sealed interface FittedColumn {
    val name: String
    val inferred: Boolean

    /** How a missing value is filled ([Imputation.REFUSE]: it is an error). */
    val imputation: Imputation

    /** The number of feature values the column becomes. */
    val width: Int

    /** The names of those feature values: the column's name, or `name=category` per category. */
    val featureNames: List<String>

    /** A line for people: role, how it was chosen, its imputation and encoding. */
    fun describe(): String

    /**
     * A numeric column: the field as a number ([fill] when it is missing; null refuses), then the [scaler] fitted on
     * the training rows (one column; null for none).
     */
    @Serializable
    @SerialName("numeric")
    data class Numeric(
        override val name: String,
        override val inferred: Boolean,
        override val imputation: Imputation,
        val fill: Double?,
        val scaling: ColumnScaling,
        val scaler: Scaler?,
    ) : FittedColumn {
        override val width: Int get() = 1
        override val featureNames: List<String> get() = listOf(name)

        override fun describe(): String = "$name: numeric (${if (inferred) "inferred" else "chosen"}), " +
            "missing ${if (fill == null) "refused" else "${imputation.word} → $fill"}, scaling ${scaling.word}"

        /** The field as a number, or [fill] for a missing one. */
        fun value(text: String, isMissing: Boolean, where: Where): Double {
            if (isMissing) return fill ?: where.refuse(name, text, ColumnRole.NUMERIC)
            return mlpkit.data.csv.parseDecimalOrNull(text) ?: throw CsvFormatException(
                "${where.at()}: column '$name': expected a number, got '$text' (the column is numeric${if (inferred) ", as inferred from the training rows" else ""}): " +
                    "correct the value, or make the column categorical in data.source.columns",
                where.source,
                where.line,
            )
        }

        /**
         * [value] then the [scaler] as ONNX nodes on [x], the column as a [batch, 1] number tensor in which a missing
         * value is NaN: `Where(IsNaN(x), fill, x)` when there is a [fill] (without one, NaN goes through: ONNX cannot
         * refuse a row), then the scaler's own form (Sub/Div or Mul/Add, [Scaler.affine]).
         */
        fun toOnnx(graph: OnnxGraph, x: String): String {
            var y = x
            fill?.let { y = graph.node("Where", listOf(graph.node("IsNaN", listOf(y)), graph.scalar("fill", it), y)) }
            scaler?.let { y = it.affine().toOnnx(graph, y) }
            return y
        }
    }

    /**
     * A categorical column: the field (or [fill] when it is missing; null refuses) one-hot over [categories], learnt
     * from the training rows in sorted order (scikit-learn's `OneHotEncoder`); a category not among them is an error,
     * or all zeros with [ignoreUnknown].
     */
    @Serializable
    @SerialName("categorical")
    data class Categorical(
        override val name: String,
        override val inferred: Boolean,
        override val imputation: Imputation,
        val fill: String?,
        val categories: List<String>,
        val ignoreUnknown: Boolean = false,
    ) : FittedColumn {
        override val width: Int get() = categories.size
        override val featureNames: List<String> get() = categories.map { "$name=$it" }

        override fun describe(): String = "$name: categorical (${if (inferred) "inferred: not every value is a number" else "chosen"}), " +
            "${categories.size} categories (${categories.joinToString(", ")}), missing ${if (fill == null) "refused" else "${imputation.word} → '$fill'"}, " +
            "unknown categories ${if (ignoreUnknown) "ignored (all zeros)" else "refused"}"

        /** The index of the field's category, or −1 for an unknown category that is ignored. */
        fun index(text: String, isMissing: Boolean, where: Where): Int {
            val value = if (isMissing) fill ?: where.refuse(name, text, ColumnRole.CATEGORICAL) else text
            val found = categories.binarySearch(value)
            if (found >= 0) return found
            if (ignoreUnknown) return -1
            throw CsvFormatException(
                "${where.at()}: column '$name': category '$value' was not seen in the training rows; expected one of " +
                    "${categories.joinToString(", ") { "'$it'" }}: correct the value, or set \"unknown\": \"ignore\" for this column in " +
                    "data.source.columns (it is then encoded as all zeros)",
                where.source,
                where.line,
            )
        }

        /**
         * [index] then one-hot as ONNX nodes on [x], the column as a [batch, 1] string tensor: an `ai.onnx.ml`
         * LabelEncoder gives each category its index and each of the [missing] texts the index of [fill] (opset 17's
         * Equal compares no strings); anything else (an unknown category, or a missing value without a fill) gets −1,
         * so `Equal(code, [0 … n−1])` cast to the graph's numbers is all zeros where mlpkit would refuse the row (or
         * ignore it, with [ignoreUnknown]).
         */
        fun toOnnx(graph: OnnxGraph, x: String, missing: MissingValues): String {
            val codes = LinkedHashMap<String, Long>()
            categories.forEachIndexed { k, category -> codes[category] = k.toLong() }
            val filled = fill?.let { categories.binarySearch(it) }?.takeIf { it >= 0 }
            if (filled != null) for (token in missing.tokens) codes.putIfAbsent(token, filled.toLong())
            val code = graph.mlNode(
                "LabelEncoder",
                listOf(x),
                OnnxAttribute.strings("keys_strings", codes.keys.toList()),
                OnnxAttribute.integers("values_int64s", codes.values.toList()),
                OnnxAttribute.integer("default_int64", -1),
            )
            val hot = graph.node("Equal", listOf(code, graph.int64Vector("categories", LongArray(categories.size) { it.toLong() })))
            return graph.node("Cast", listOf(hot), OnnxAttribute.integer("to", graph.elementType().toLong()))
        }
    }

    /** Where a field is, for messages: the table's [source] and the row's [line]. */
    class Where(val source: String, val line: Long) {
        fun at(): String = "$source:$line"

        /** The imputations a column of [role] takes, the usual one first: `"mean" (or median, mostFrequent, constant)`. */
        private fun fillers(role: ColumnRole): String {
            val first = if (role == ColumnRole.CATEGORICAL) Imputation.MOST_FREQUENT else Imputation.MEAN
            val others = Imputation.wordsFor(role).filter { it != first.word && it != Imputation.REFUSE.word }
            return "\"${first.word}\" (or ${others.joinToString(", ")})"
        }

        /** The error for a missing value in a column that refuses them. */
        fun refuse(column: String, text: String, role: ColumnRole): Nothing = throw CsvFormatException(
            "${at()}: column '$column': missing value '$text'; expected a value, or set \"missing\": " + fillers(role) +
                " for this column in data.source.columns",
            source,
            line,
        )
    }
}
