package mlpkit.dsl.spec

import kotlinx.serialization.json.Json

/** The JSON format of experiment files: `type` discriminates variants; unknown keys are errors. */
object SpecJson {
    val format: Json = Json {
        classDiscriminator = "type"
        ignoreUnknownKeys = false
        encodeDefaults = false
        prettyPrint = true
        prettyPrintIndent = "  "
    }

    fun encode(spec: ExperimentSpec): String = format.encodeToString(ExperimentSpec.serializer(), spec)

    /** Decodes without the strict checks and error paths of the file loader; for trusted JSON. */
    fun decode(text: String): ExperimentSpec = format.decodeFromString(ExperimentSpec.serializer(), text)
}
