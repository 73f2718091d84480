package mlpkit.dsl.spec

import kotlinx.serialization.KSerializer
import kotlinx.serialization.SerializationException
import kotlinx.serialization.builtins.ListSerializer
import kotlinx.serialization.descriptors.PrimitiveKind
import kotlinx.serialization.descriptors.PrimitiveSerialDescriptor
import kotlinx.serialization.descriptors.SerialDescriptor
import kotlinx.serialization.encoding.Decoder
import kotlinx.serialization.encoding.Encoder
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonDecoder
import kotlinx.serialization.json.JsonPrimitive
import mlpkit.core.network.NotationException

/** Reads a network as a notation string or a list of layer objects; writes the notation string. */
object NetworkConfigSerializer : KSerializer<NetworkConfig> {
    override val descriptor: SerialDescriptor = PrimitiveSerialDescriptor("mlpkit.NetworkConfig", PrimitiveKind.STRING)

    override fun serialize(encoder: Encoder, value: NetworkConfig) = encoder.encodeString(value.notation())

    override fun deserialize(decoder: Decoder): NetworkConfig {
        val json = decoder as? JsonDecoder ?: return parse(decoder.decodeString())
        return when (val element = json.decodeJsonElement()) {
            is JsonPrimitive -> if (element.isString) parse(element.content) else throw SerializationException(
                "expected the network as a notation string or a list of layers, got $element",
            )
            is JsonArray -> NetworkConfig(json.json.decodeFromJsonElement(ListSerializer(LayerConfig.serializer()), element))
            else -> throw SerializationException(
                "expected the network as a notation string (\"network < dense(10, relu); dense(2, softmax) >\") " +
                    "or a list of layer objects, got an object",
            )
        }
    }

    private fun parse(notation: String): NetworkConfig = try {
        NetworkConfig.parse(notation)
    } catch (e: NotationException) {
        throw SerializationException(e.message)
    }
}
