package mlpkit.dsl.config

import mlpkit.core.concept.Registry
import java.io.IOException
import java.nio.charset.CharacterCodingException
import java.nio.file.Files
import java.nio.file.NoSuchFileException
import java.nio.file.Path
import kotlinx.serialization.SerializationException
import kotlinx.serialization.json.JsonElement
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.SpecJson

/**
 * Reads experiment files strictly. In order: a strict syntax pass (rejects the missing comma that
 * kotlinx's decoder lets through, comments, trailing commas, duplicate keys), kotlinx's own
 * `parseToJsonElement`, a structural check against the spec model (unknown keys, missing keys, wrong
 * types, bad enum values and `type`s, network notation), `decodeFromString`, and [SpecValidation.validate].
 *
 * Errors are [ConfigException]s, `FILE: $.json.path: what is wrong (expected …, got …)`. The first
 * problem is thrown with the others of the same stage suppressed into it; a stage runs only when the
 * one before found nothing (a file that does not parse has no structure to check), so fixing the
 * reported problems may reveal more.
 */
object ExperimentFiles {
    /** The experiment in the JSON file at [path]; the file name in messages is [path] as given. */
    fun loadJson(path: Path): ExperimentSpec {
        val file = path.toString()
        val text = try {
            Files.readString(path)
        } catch (e: NoSuchFileException) {
            throw ConfigException(file, "$", "cannot read the file (expected an existing JSON file, got no such file)")
        } catch (e: CharacterCodingException) {
            throw ConfigException(file, "$", "cannot read the file (expected UTF-8 text, got bytes that are not UTF-8)")
        } catch (e: IOException) {
            throw ConfigException(file, "$", "cannot read the file (expected a readable JSON file, got ${e.javaClass.simpleName}: ${e.message})")
        }
        return parseJson(text, file)
    }

    /** The experiment in [text], read from [fileName] (which heads every message). */
    fun parseJson(text: String, fileName: String): ExperimentSpec {
        val (spec, problems) = read(text, fileName)
        ConfigException.throwFirstOf(problems)
        return spec!!
    }

    /** Every problem [parseJson] would find at the first stage that finds any; empty for a valid file. */
    fun checkJson(text: String, fileName: String): List<ConfigException> = read(text, fileName).second

    private fun read(text: String, file: String): Pair<ExperimentSpec?, List<ConfigException>> {
        // RFC 8259 lets a parser ignore a byte order mark; editors on Windows write one.
        val json = text.removePrefix("\uFEFF")
        try {
            StrictJsonSyntax.check(json, file)
        } catch (e: ConfigException) {
            return null to listOf(e)
        }
        val tree: JsonElement = try {
            SpecJson.format.parseToJsonElement(json)
        } catch (e: SerializationException) {
            return null to listOf(KotlinxErrors.toConfigException(e, file, json))
        }
        val structural = StructureCheck.check(tree, ExperimentSpec.serializer().descriptor, file, Registry.builtIns())
        if (structural.isNotEmpty()) return null to structural
        val spec = try {
            // From the text, not the tree: kotlinx's paths are exact only when it decodes a string.
            SpecJson.format.decodeFromString(ExperimentSpec.serializer(), json)
        } catch (e: SerializationException) {
            // SerializationException is an IllegalArgumentException: it must be caught first.
            return null to listOf(KotlinxErrors.toConfigException(e, file, json))
        } catch (e: IllegalArgumentException) {
            return null to listOf(ConfigException(file, "$", "cannot be read: ${e.message}"))
        }
        return spec to SpecValidation.validate(spec, file)
    }
}
