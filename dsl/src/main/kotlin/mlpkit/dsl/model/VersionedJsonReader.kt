package mlpkit.dsl.model

import kotlinx.serialization.KSerializer
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
 * first because decoding alone accepts some malformed JSON (a missing comma).
 */
internal class VersionedJsonReader<T>(
    private val what: String,
    private val currentVersion: Int,
    private val serializer: KSerializer<T>,
    private val json: Json = ModelJson.format,
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
            throw ModelFileException("$source: not a valid mlpkit $what file: $said$userConcept", e)
        } catch (e: IllegalArgumentException) {
            // Checks in constructors (a scaler with a negative scale, an optimizer state with arrays of different lengths).
            throw ModelFileException("$source: not a valid mlpkit $what file: ${firstLine(e.message)}", e)
        }
    }

    private fun firstLine(message: String?): String = message?.lineSequence()?.firstOrNull()?.trim().orEmpty().ifEmpty { "unreadable" }

    private fun kind(element: kotlinx.serialization.json.JsonElement): String = when (element) {
        is kotlinx.serialization.json.JsonArray -> "an array"
        is JsonPrimitive -> if (element.isString) "a string" else "a value"
        else -> "something else"
    }
}
