package mlpkit.dsl.config

import kotlinx.serialization.MissingFieldException
import kotlinx.serialization.SerializationException

/**
 * Turns kotlinx.serialization's exceptions into [ConfigException]s. [StructureCheck] and [StrictJsonSyntax]
 * normally catch every problem first; this is the safety net for whatever they miss (a model change, a
 * custom serializer's own error), so it must never lose the problem, only reword it.
 *
 * Messages of kotlinx.serialization-json 1.11.0 look like
 * `Unexpected JSON token at offset 173: Encountered an unknown key 'epoch' at path: $.training` followed
 * by hint lines and `JSON input: …`; enum errors say `… at path $.training.loss` (no colon); a missing
 * discriminator has no path. Only the first line is used; the path is lifted out of it and the offset
 * becomes a line and column.
 */
internal object KotlinxErrors {
    private val atPath = Regex("""\s+at path:? (\$\S*)""")
    private val atOffset = Regex("""^Unexpected JSON token at offset (\d+): """)
    private val unknownKey = Regex("""^Encountered an unknown key '(.*)'""")
    private val unknownEnumValue = Regex("""^\S+ does not contain element with name '(.*)'""")
    private val unknownSubclass = Regex("""^Serializer for subclass '(.*)' is not found in the polymorphic scope of '(.*)'""")
    private val missingDiscriminator = Regex("""^Class discriminator was missing""")

    fun toConfigException(e: SerializationException, file: String, text: String?): ConfigException {
        val firstLine = e.message.orEmpty().lineSequence().first().trim()
        // Kept as text when it is not a path this package writes, so an unfamiliar form is still shown.
        val path = atPath.find(firstLine)?.groupValues?.get(1)?.trimEnd('.', ',') ?: "$"
        val offset = atOffset.find(firstLine)?.groupValues?.get(1)?.toIntOrNull()
        val said = firstLine.replace(atOffset, "").replace(atPath, "").trim()
        val where = if (offset != null && text != null) " at ${lineAndColumn(text, offset)}" else ""

        fun problem(at: String, what: String) = ConfigException(file, at, what)
        fun child(key: String) = JsonPath.parse(path)?.key(key)?.toString() ?: "$path.$key"

        if (e is MissingFieldException) {
            val field = e.missingFields.firstOrNull()
            val others = e.missingFields.drop(1)
            val also = if (others.isEmpty()) "" else "; also missing: ${others.joinToString(", ")}"
            return problem(if (field != null) child(field) else path, "missing required key (expected a value, got nothing)$also")
        }
        unknownKey.find(said)?.let { match ->
            val key = match.groupValues[1]
            return problem(child(key), "unknown key (expected a key of this object, got ${JsonText.quoted(key)})")
        }
        unknownEnumValue.find(said)?.let { match ->
            return problem(path, "unknown value (expected a known name, got ${JsonText.quoted(match.groupValues[1])})")
        }
        unknownSubclass.find(said)?.let { match ->
            val (type, base) = match.destructured
            return problem(child("type"), "unknown type (expected a known type of $base, got ${JsonText.quoted(type)})")
        }
        if (missingDiscriminator.containsMatchIn(said)) {
            return problem(child("type"), "missing type (expected a \"type\" key, got nothing)")
        }
        return problem(path, "cannot be read$where: $said")
    }

    private fun lineAndColumn(text: String, offset: Int): String {
        val before = text.substring(0, offset.coerceIn(0, text.length))
        val line = before.count { it == '\n' } + 1
        val column = before.length - (before.lastIndexOf('\n') + 1) + 1
        return "line $line, column $column"
    }
}
