package mlpkit.dsl.model

import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive

/**
 * Every unquoted value of a model or checkpoint file must be a JSON number, `true`, `false`, `null`, or one
 * of the non-finite literals these files write (`NaN`, `Infinity`, `-Infinity`). The JSON reader alone takes
 * any unquoted word and leaves numbers to the JVM's parser, which also reads hexadecimal (`0x1p3`) and
 * suffixed (`1d`) forms: a file edited by hand would then load with values nobody wrote as JSON.
 */
internal object JsonNumberSyntax {
    private val number = Regex("""-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?""")
    private val words = setOf("true", "false", "NaN", "Infinity", "-Infinity")

    /** The JSON path and text of the first unquoted value that is not JSON, or null when there is none. */
    fun firstInvalid(element: JsonElement, path: String = "$"): Pair<String, String>? = when (element) {
        is JsonObject -> element.entries.firstNotNullOfOrNull { (key, value) -> firstInvalid(value, "$path.$key") }
        is JsonArray -> {
            // Arrays of parameters are long: the path of an entry is built only for the one that is wrong.
            var found: Pair<String, String>? = null
            for (i in element.indices) {
                found = firstInvalid(element[i], "") ?.let { (inner, text) -> "$path[$i]$inner" to text }
                if (found != null) break
            }
            found
        }
        is JsonNull -> null
        is JsonPrimitive -> if (element.isString || element.content in words || number.matches(element.content)) null else path to element.content
    }
}
