package mlpkit.dsl.model

import kotlinx.serialization.KSerializer
import kotlinx.serialization.MissingFieldException
import kotlinx.serialization.SerializationException
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.intOrNull
import java.nio.charset.CharacterCodingException
import java.nio.file.Files
import java.nio.file.NoSuchFileException
import java.nio.file.Path

/**
 * Reads a versioned mlpkit JSON file (a model or a checkpoint, named [what] in messages) in three steps,
 * each with its own error: strict JSON parsing (a truncated or non-JSON file), the `formatVersion`
 * check (a file from a newer mlpkit), then decoding (missing or mistyped fields). The strict parse comes
 * first because decoding alone accepts some malformed JSON (a missing comma). [checkTree] looks at the
 * parsed object before decoding (with the file's name), to name the JSON path of a value that decoding
 * would refuse without saying where (a constructor's own check).
 */
internal class VersionedJsonReader<T>(
    private val what: String,
    private val currentVersion: Int,
    private val serializer: KSerializer<T>,
    private val json: Json = ModelJson.format,
    private val checkTree: (JsonObject, String) -> Unit = { _, _ -> },
) {
    fun read(path: Path): T {
        val text = try {
            Files.readString(path)
        } catch (e: NoSuchFileException) {
            throw ModelFileException("$path: no such file: check the path (a run writes its $what to runs/<name>-<time>/)", e)
        } catch (e: CharacterCodingException) {
            throw ModelFileException("$path: not a complete mlpkit $what file (not UTF-8 text)", e)
        }
        return decode(text, path.toString())
    }

    fun decode(text: String, source: String): T {
        val element = try {
            json.parseToJsonElement(text)
        } catch (e: SerializationException) {
            val reason = if (text.isBlank()) "the file is empty" else firstLine(e.message)
            throw ModelFileException("$source: not a complete mlpkit $what file ($reason)", e)
        }
        if (element !is JsonObject) {
            throw ModelFileException("$source: not an mlpkit $what file (expected a JSON object, got ${kind(element)})")
        }
        val version = (element["formatVersion"] as? JsonPrimitive)?.takeIf { !it.isString }?.intOrNull
            ?: throw ModelFileException("$source: not an mlpkit $what file (no numeric formatVersion at the top level)")
        if (version > currentVersion) {
            throw ModelFileException(
                "$source: written by a newer mlpkit (format $version; this version reads $currentVersion): upgrade mlpkit",
            )
        }
        if (version < 1) throw ModelFileException("$source: formatVersion $version is not a valid mlpkit $what format (expected 1..$currentVersion)")
        JsonNumberSyntax.firstInvalid(element)?.let { (path, found) ->
            throw ModelFileException("$source: not a valid mlpkit $what file: $path: expected a JSON number, got $found")
        }
        checkTree(element, source)
        return try {
            json.decodeFromString(serializer, text)
        } catch (e: SerializationException) {
            val said = firstLine(e.message)
            val userConcept = if (said.startsWith("unknown ")) {
                ": a model trained with a concept of your own (an activation or loss defined in a script or in code) " +
                    "reads only with that definition added to the registry, e.g. Model.load(path, Registry.builtIns().with(myLoss.concept()))"
            } else {
                ""
            }
            throw ModelFileException("$source: not a valid mlpkit $what file: ${reworded(e, said, text)}$userConcept", e)
        } catch (e: IllegalArgumentException) {
            // Checks in constructors (a scaler with a negative scale, an optimizer state with arrays of different lengths).
            throw ModelFileException("$source: not a valid mlpkit $what file: ${firstLine(e.message)}", e)
        }
    }

    /**
     * kotlinx.serialization's first line [said] in the file's own terms: the JSON path (and line and column)
     * first, then what was expected and what was found, never a Kotlin type (`Failed to parse type 'double'
     * for input 'abc'` becomes `expected a number, got "abc"`; a missing field names its key).
     */
    private fun reworded(e: SerializationException, said: String, text: String): String {
        val path = atPath.find(said)?.groupValues?.get(1)?.trimEnd('.', ',')
        val offset = atOffset.find(said)?.groupValues?.get(1)?.toIntOrNull()
        val where = listOfNotNull(path, offset?.let { lineAndColumn(text, it) }).joinToString(", ")
        val problem = when {
            e is MissingFieldException -> "missing required key${if (e.missingFields.size == 1) "" else "s"} " +
                e.missingFields.joinToString(", ") { "\"$it\"" } + " (expected a value, got nothing)"
            else -> {
                val rest = said.replace(atOffset, "").replace(atPath, "").trim()
                failedToParse.find(rest)?.let { "expected ${kindOf(it.groupValues[1])}, got \"${it.groupValues[2]}\"" } ?: rest
            }
        }
        return if (where.isEmpty()) problem else "$where: $problem"
    }

    private fun kindOf(type: String): String = when (type.lowercase()) {
        "double", "float" -> "a number"
        "int", "long", "short", "byte" -> "a whole number"
        "boolean" -> "true or false"
        else -> "a $type value"
    }

    private fun lineAndColumn(text: String, offset: Int): String {
        val before = text.substring(0, offset.coerceIn(0, text.length))
        return "line ${before.count { it == '\n' } + 1}, column ${before.length - (before.lastIndexOf('\n') + 1) + 1}"
    }

    private fun firstLine(message: String?): String = message?.lineSequence()?.firstOrNull()?.trim().orEmpty().ifEmpty { "unreadable" }

    private companion object {
        // The forms of kotlinx.serialization-json 1.x's messages (see mlpkit.dsl.config.KotlinxErrors for configs).
        val atPath = Regex("""\s+at path:? (\$\S*)""")
        val atOffset = Regex("""^Unexpected JSON token at offset (\d+): """)
        val failedToParse = Regex("""^Failed to parse type '(\w+)' for input '(.*)'""")
    }

    private fun kind(element: kotlinx.serialization.json.JsonElement): String = when (element) {
        is kotlinx.serialization.json.JsonArray -> "an array"
        is JsonPrimitive -> if (element.isString) "a string" else "a value"
        else -> "something else"
    }
}
