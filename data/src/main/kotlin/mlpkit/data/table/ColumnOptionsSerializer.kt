package mlpkit.data.table

import kotlinx.serialization.KSerializer
import kotlinx.serialization.SerializationException
import kotlinx.serialization.descriptors.PrimitiveKind
import kotlinx.serialization.descriptors.PrimitiveSerialDescriptor
import kotlinx.serialization.descriptors.SerialDescriptor
import kotlinx.serialization.encoding.Decoder
import kotlinx.serialization.encoding.Encoder
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonDecoder
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonEncoder
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.booleanOrNull
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put

/**
 * A column of `data.source.columns` in JSON: `"categorical"` or `"numeric"`, or an object
 * `{"categorical": true, "missing": "mostFrequent", "fill": …, "scaling": "standard", "unknown": "ignore"}` whose keys
 * are all optional ([KEYS]). The dsl's config check (`ColumnChecks`) reports mistakes at their JSON path before this
 * decodes. [write] and [read] carry a table's options as text to an engine's workers (core's `TableColumns`).
 */
object ColumnOptionsSerializer : KSerializer<ColumnOptions> {
    /** The keys of the object form, in the order they are written. */
    val KEYS: List<String> = listOf("categorical", "missing", "fill", "scaling", "unknown")

    /** The words of `unknown`. */
    val UNKNOWN_WORDS: List<String> = listOf("error", "ignore")

    /** A column's role as a bare string. */
    val ROLE_WORDS: List<String> = ColumnRole.entries.map { it.word }

    override val descriptor: SerialDescriptor = PrimitiveSerialDescriptor("mlpkit.ColumnOptions", PrimitiveKind.STRING)

    override fun serialize(encoder: Encoder, value: ColumnOptions) {
        val element = toJson(value)
        if (encoder is JsonEncoder) encoder.encodeJsonElement(element) else encoder.encodeString(element.toString())
    }

    override fun deserialize(decoder: Decoder): ColumnOptions {
        val element = (decoder as? JsonDecoder)?.decodeJsonElement() ?: JsonPrimitive(decoder.decodeString())
        return fromJson(element)
    }

    /** The JSON of [value]: the bare role when only the role is chosen, the object form otherwise. */
    fun toJson(value: ColumnOptions): JsonElement {
        if (value.roleOnly) return JsonPrimitive(value.role!!.word)
        return buildJsonObject {
            value.role?.let { put("categorical", it == ColumnRole.CATEGORICAL) }
            if (value.missing != Imputation.REFUSE) put("missing", value.missing.word)
            value.fill?.let { fill ->
                val number = fill.toDoubleOrNull()
                if (value.role != ColumnRole.CATEGORICAL && number != null) put("fill", number) else put("fill", fill)
            }
            value.scaling?.let { put("scaling", it.word) }
            if (value.ignoreUnknown) put("unknown", "ignore")
        }
    }

    /** The options [element] writes; a [SerializationException] for what the config check would have reported. */
    fun fromJson(element: JsonElement): ColumnOptions = when {
        element is JsonPrimitive && element.isString ->
            ColumnRole.entries.firstOrNull { it.word == element.content }?.let { ColumnOptions(it) }
                ?: throw SerializationException("expected \"categorical\", \"numeric\" or an object, got $element")
        element is JsonObject -> {
            fun text(key: String): String? = (element[key] as? JsonPrimitive)?.content
            ColumnOptions(
                role = (element["categorical"] as? JsonPrimitive)?.booleanOrNull?.let { if (it) ColumnRole.CATEGORICAL else ColumnRole.NUMERIC },
                missing = text("missing")?.let { Imputation.of(it) ?: throw SerializationException("unknown missing '$it'") } ?: Imputation.REFUSE,
                fill = text("fill"),
                scaling = text("scaling")?.let { ColumnScaling.of(it) ?: throw SerializationException("unknown scaling '$it'") },
                ignoreUnknown = text("unknown") == "ignore",
            )
        }
        else -> throw SerializationException("expected \"categorical\", \"numeric\" or an object, got $element")
    }

    /** [options] as JSON text: an object of column name → what [toJson] writes, in the map's order. */
    @JvmStatic
    fun write(options: Map<String, ColumnOptions>): String = JsonObject(options.mapValues { toJson(it.value) }).toString()

    /** The options [write] wrote, in its order; a [SerializationException] for text it cannot have written. */
    @JvmStatic
    fun read(text: String): Map<String, ColumnOptions> {
        val element = Json.parseToJsonElement(text) as? JsonObject
            ?: throw SerializationException("table column options expected a JSON object of column name → options, got $text")
        return element.mapValues { fromJson(it.value) }
    }
}
