package mlpkit.dsl.config

import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive

/** How values are shown after "got" in problems: as the user would have written them in JSON. */
internal object JsonText {
    private const val LONGEST_SHOWN = 60

    /** A string as a JSON string literal: `"ten"`. */
    fun quoted(text: String): String = buildString {
        append('"')
        for (c in text) {
            when (c) {
                '"' -> append("\\\"")
                '\\' -> append("\\\\")
                '\n' -> append("\\n")
                '\r' -> append("\\r")
                '\t' -> append("\\t")
                else -> if (c < ' ') append("\\u%04x".format(c.code)) else append(c)
            }
        }
        append('"')
    }

    /** A value as written (shortened), or a word for the containers: `"ten"`, `2.5`, `null`, `an object`. */
    fun describe(element: JsonElement): String = when (element) {
        JsonNull -> "null"
        is JsonPrimitive -> shorten(if (element.isString) quoted(element.content) else element.content)
        is JsonObject -> if (element.isEmpty()) "an empty object" else "an object"
        is JsonArray -> if (element.isEmpty()) "an empty list" else "a list"
    }

    /** `a, b or c` for the allowed values of a problem. */
    fun oneOf(names: Collection<String>): String = when (names.size) {
        0 -> "nothing"
        1 -> names.first()
        else -> "one of " + names.joinToString(", ")
    }

    /** `; did you mean "epochs"?` when a known name is a small edit away from [given], else nothing. */
    fun suggestion(given: String, known: Collection<String>): String =
        mlpkit.core.concept.ClosestName.of(given, known)?.let { "; did you mean ${quoted(it)}?" } ?: ""

    private fun shorten(text: String): String =
        if (text.length <= LONGEST_SHOWN) text else text.take(LONGEST_SHOWN - 1) + "…"
}
