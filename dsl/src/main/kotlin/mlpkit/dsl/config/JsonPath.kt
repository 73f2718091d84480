package mlpkit.dsl.config

import kotlinx.serialization.json.Json
import kotlinx.serialization.json.jsonPrimitive

/**
 * A position in a JSON document as JSONPath-like text: `$`, `$.training.loss`, `$.network[1].units`,
 * `$.data.source.params["odd key"]`. Kept as segments so sweep problems can be traced back into a patch.
 */
class JsonPath private constructor(val segments: List<Any>) {
    fun key(name: String): JsonPath = JsonPath(segments + name)

    fun index(i: Int): JsonPath = JsonPath(segments + i)

    /** This path followed by the segments of [other] (whose own `$` is dropped). */
    fun append(other: JsonPath): JsonPath = JsonPath(segments + other.segments)

    /** Whether this path starts with the segments of [prefix]. */
    fun startsWith(prefix: JsonPath): Boolean =
        segments.size >= prefix.segments.size && segments.subList(0, prefix.segments.size) == prefix.segments

    override fun toString(): String = buildString {
        append('$')
        for (segment in segments) {
            when {
                segment is Int -> append('[').append(segment).append(']')
                IDENTIFIER.matches(segment as String) -> append('.').append(segment)
                else -> append("[").append(JsonText.quoted(segment)).append(']')
            }
        }
    }

    override fun equals(other: Any?): Boolean = other is JsonPath && other.segments == segments

    override fun hashCode(): Int = segments.hashCode()

    companion object {
        val ROOT = JsonPath(emptyList())

        // Keys that read unambiguously after a dot; anything else is written as ["…"].
        private val IDENTIFIER = Regex("[A-Za-z_][A-Za-z0-9_-]*")
        private val SEGMENT = Regex("""\.([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)]|\["((?:[^"\\]|\\.)*)"]""")

        /** Reads what [toString] writes (also kotlinx.serialization's `$.a.b[0]`); null when it is not a path. */
        fun parse(text: String): JsonPath? {
            if (!text.startsWith("$")) return null
            val segments = mutableListOf<Any>()
            var at = 1
            while (at < text.length) {
                val match = SEGMENT.matchAt(text, at) ?: return null
                val (key, index, quotedKey) = match.destructured
                segments += when {
                    key.isNotEmpty() -> key
                    index.isNotEmpty() -> index.toInt()
                    else -> unescape(quotedKey)
                }
                at = match.range.last + 1
            }
            return JsonPath(segments)
        }

        private fun unescape(text: String): String = Json.parseToJsonElement("\"$text\"").jsonPrimitive.content
    }
}
