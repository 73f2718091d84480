package mlpkit.dsl.config

import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import mlpkit.data.table.ColumnRole
import mlpkit.data.table.ColumnScaling
import mlpkit.data.table.Imputation
import mlpkit.data.table.ColumnOptionsSerializer

/**
 * One entry of `data.source.columns` against [ColumnOptionsSerializer]'s forms, each problem at its JSON path:
 * the bare role, or an object of known keys with values of the right type and words, a `fill` with
 * `"missing": "constant"`, and no mean or median for a categorical column. Names are checked against the file's
 * header when the data is read.
 */
internal object ColumnChecks {
    fun check(element: JsonElement, path: JsonPath, problems: Problems) {
        val roles = ColumnOptionsSerializer.ROLE_WORDS
        if (element is JsonPrimitive && element.isString) {
            if (element.content !in roles) {
                problems.add(path, "unknown column role", JsonText.oneOf(roles) + " or an object", JsonText.describe(element), JsonText.suggestion(element.content, roles))
            }
            return
        }
        if (element !is JsonObject) {
            problems.add(path, "wrong type", "\"categorical\", \"numeric\" or an object with ${JsonText.oneOf(ColumnOptionsSerializer.KEYS)}", JsonText.describe(element))
            return
        }
        val keys = ColumnOptionsSerializer.KEYS
        for (key in element.keys) {
            if (key !in keys) problems.add(path.key(key), "unknown key", JsonText.oneOf(keys), JsonText.quoted(key), JsonText.suggestion(key, keys))
        }
        val categorical = element["categorical"]
        if (categorical != null && (categorical !is JsonPrimitive || categorical.isString || categorical === JsonNull || categorical.content !in setOf("true", "false"))) {
            problems.add(path.key("categorical"), "wrong type", "true or false", JsonText.describe(categorical))
        }
        val role = (categorical as? JsonPrimitive)?.content?.let { if (it == "true") ColumnRole.CATEGORICAL else if (it == "false") ColumnRole.NUMERIC else null }
        val written = (element["missing"] as? JsonPrimitive)?.takeIf { it.isString }?.content
        val missing = if (role == ColumnRole.CATEGORICAL && written != null && Imputation.of(written)?.forCategorical == false) {
            problems.add(
                path.key("missing"), "no $written for a categorical column", JsonText.oneOf(Imputation.wordsFor(role)), JsonText.describe(element["missing"]!!),
                "; $written needs numbers: use mostFrequent or constant (with fill)",
            )
            null
        } else {
            words(element, "missing", Imputation.wordsFor(role), path, problems)
        }
        words(element, "scaling", ColumnScaling.entries.map { it.word }, path, problems)
        words(element, "unknown", ColumnOptionsSerializer.UNKNOWN_WORDS, path, problems)
        val fill = element["fill"]
        if (fill != null && (fill !is JsonPrimitive || fill === JsonNull)) {
            problems.add(path.key("fill"), "wrong type", "a number or a string", JsonText.describe(fill))
        }
        if (fill != null && missing != null && missing != Imputation.CONSTANT.word) {
            problems.add(path.key("fill"), "a fill value without \"missing\": \"constant\"", "\"missing\": \"constant\" with it", "\"missing\": \"$missing\"", "; remove fill or set missing to constant")
        }
        if (missing == Imputation.CONSTANT.word && fill == null) {
            problems.add(path.key("fill"), "missing required key", "the value to fill with, e.g. \"fill\": 0 or \"fill\": \"unknown\"", "nothing")
        }
        if (role == ColumnRole.NUMERIC && element["unknown"] != null) {
            problems.add(path.key("unknown"), "unknown categories in a numeric column", "no \"unknown\" for \"categorical\": false", JsonText.describe(element["unknown"]!!))
        }
        if (role == ColumnRole.CATEGORICAL && element["scaling"] != null) {
            problems.add(path.key("scaling"), "scaling of a categorical column", "no \"scaling\" for \"categorical\": true (its one-hot columns are 0 or 1)", JsonText.describe(element["scaling"]!!))
        }
    }

    /** The string at [key] when it is one of [words] (null when absent or reported). */
    private fun words(element: JsonObject, key: String, words: List<String>, path: JsonPath, problems: Problems): String? {
        val value = element[key] ?: return null
        if (value !is JsonPrimitive || !value.isString) {
            problems.add(path.key(key), "wrong type", "a string, " + JsonText.oneOf(words), JsonText.describe(value))
            return null
        }
        if (value.content !in words) {
            problems.add(path.key(key), "unknown value", JsonText.oneOf(words), JsonText.describe(value), JsonText.suggestion(value.content, words))
            return null
        }
        return value.content
    }
}
