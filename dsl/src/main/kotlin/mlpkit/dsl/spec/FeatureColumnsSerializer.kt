package mlpkit.dsl.spec

import kotlinx.serialization.KSerializer
import kotlinx.serialization.SerializationException
import kotlinx.serialization.descriptors.PrimitiveKind
import kotlinx.serialization.descriptors.PrimitiveSerialDescriptor
import kotlinx.serialization.descriptors.SerialDescriptor
import kotlinx.serialization.encoding.Decoder
import kotlinx.serialization.encoding.Encoder
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonDecoder
import kotlinx.serialization.json.JsonEncoder
import kotlinx.serialization.json.JsonPrimitive

/**
 * The feature columns of an engine-read source: `"features": "features"` (one column holding an array or vector per
 * row) or `"features": ["x1", "x2"]` (numeric columns, one feature each). One name is written as a string.
 */
object FeatureColumnsSerializer : KSerializer<List<String>> {
    /** What the JSON value looks like, for "expected …". */
    const val EXPECTATION = "a column name or a list of column names"

    override val descriptor: SerialDescriptor = PrimitiveSerialDescriptor("mlpkit.FeatureColumns", PrimitiveKind.STRING)

    override fun serialize(encoder: Encoder, value: List<String>) {
        val element = if (value.size == 1) JsonPrimitive(value[0]) else JsonArray(value.map(::JsonPrimitive))
        if (encoder is JsonEncoder) encoder.encodeJsonElement(element) else encoder.encodeString(value.joinToString(","))
    }

    override fun deserialize(decoder: Decoder): List<String> {
        val element = (decoder as? JsonDecoder)?.decodeJsonElement() ?: return decoder.decodeString().split(',')
        return when {
            element is JsonPrimitive && element.isString -> listOf(element.content)
            element is JsonArray && element.all { it is JsonPrimitive && it.isString } -> element.map { (it as JsonPrimitive).content }
            else -> throw SerializationException("expected $EXPECTATION, got $element")
        }
    }
}
