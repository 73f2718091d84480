package mlpkit.dsl.spec

import kotlinx.serialization.KSerializer
import kotlinx.serialization.SerializationException
import kotlinx.serialization.descriptors.PrimitiveKind
import kotlinx.serialization.descriptors.PrimitiveSerialDescriptor
import kotlinx.serialization.descriptors.SerialDescriptor
import kotlinx.serialization.encoding.Decoder
import kotlinx.serialization.encoding.Encoder
import kotlinx.serialization.json.JsonDecoder
import kotlinx.serialization.json.JsonEncoder
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.intOrNull

/** `"batchSize": 64` or `"batchSize": "full"`. */
object BatchSizeSpecSerializer : KSerializer<BatchSizeSpec> {
    override val descriptor: SerialDescriptor = PrimitiveSerialDescriptor("mlpkit.BatchSize", PrimitiveKind.STRING)

    override fun serialize(encoder: Encoder, value: BatchSizeSpec) {
        val element = when (value) {
            is BatchSizeSpec.Rows -> JsonPrimitive(value.rows)
            BatchSizeSpec.Full -> JsonPrimitive("full")
        }
        if (encoder is JsonEncoder) encoder.encodeJsonElement(element) else encoder.encodeString(element.content)
    }

    override fun deserialize(decoder: Decoder): BatchSizeSpec {
        val element = (decoder as? JsonDecoder)?.decodeJsonElement() as? JsonPrimitive
            ?: JsonPrimitive(decoder.decodeString())
        if (element.isString && element.content == "full") return BatchSizeSpec.Full
        val rows = if (element.isString) null else element.intOrNull
        return rows?.let { BatchSizeSpec.Rows(it) }
            ?: throw SerializationException("expected a number of rows or \"full\", got $element")
    }
}
