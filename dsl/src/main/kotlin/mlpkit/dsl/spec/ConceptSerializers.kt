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
import mlpkit.core.concept.Conceptual
import mlpkit.core.concept.Kind
import mlpkit.core.concept.Registry
import mlpkit.core.loss.Reduction
import mlpkit.core.network.NetworkSpec

/** The serial names of the concept serializers start with this, then the kind's name and form: `mlpkit.concept.loss.STRING`. */
internal const val CONCEPT_SERIAL_NAME = "mlpkit.concept."
internal const val NETWORK_SERIAL_NAME = "mlpkit.network"

/** A problem of [ConceptJson] as kotlinx's exception, with the path in the message as kotlinx writes it. */
internal fun ConceptJson.Problem.toSerializationException(): SerializationException {
    val within = path.joinToString("") { if (it is Int) "[$it]" else ".$it" }
    return SerializationException((if (within.isEmpty()) "" else "at $within: ") + "$what (expected $expected, got $got)" + if (hint.isEmpty()) "" else "; $hint")
}

/** A value of [kind] read and written through [ConceptJson] with the concepts of [registry]. */
class ConceptSerializer<V : Any>(
    private val kind: Kind<V>,
    private val registry: Registry,
    private val form: ConceptJson.Form,
) : KSerializer<V> {
    override val descriptor: SerialDescriptor = PrimitiveSerialDescriptor(CONCEPT_SERIAL_NAME + kind.name() + "." + form, PrimitiveKind.STRING)

    override fun serialize(encoder: Encoder, value: V) {
        if (encoder is JsonEncoder) {
            encoder.encodeJsonElement(ConceptJson.encode(value as Conceptual, form, encoder.json.configuration.encodeDefaults))
        } else {
            encoder.encodeString((value as Conceptual).notation())
        }
    }

    override fun deserialize(decoder: Decoder): V {
        val element = (decoder as? JsonDecoder)?.decodeJsonElement() ?: JsonPrimitive(decoder.decodeString())
        val read = ConceptJson.read(element, kind, registry)
        return read.value ?: throw read.problems.first().toSerializationException()
    }
}

/** A network read from a notation string or a list of layers, written as its notation. */
class NetworkSpecSerializer(private val registry: Registry) : KSerializer<NetworkSpec> {
    override val descriptor: SerialDescriptor = PrimitiveSerialDescriptor(NETWORK_SERIAL_NAME, PrimitiveKind.STRING)

    override fun serialize(encoder: Encoder, value: NetworkSpec) = encoder.encodeString(value.notation())

    override fun deserialize(decoder: Decoder): NetworkSpec {
        val element = (decoder as? JsonDecoder)?.decodeJsonElement() ?: JsonPrimitive(decoder.decodeString())
        val read = ConceptJson.readNetwork(element, registry)
        return read.value ?: throw read.problems.first().toSerializationException()
    }
}

/** [Reduction] by its notation, `"mean"` or `"sum"` (core's names). */
object ReductionSerializer : KSerializer<Reduction> {
    /** The names, in core's order. */
    val names: List<String> = Reduction.values().map { it.notation() }

    override val descriptor: SerialDescriptor = PrimitiveSerialDescriptor("mlpkit.Reduction", PrimitiveKind.STRING)

    override fun serialize(encoder: Encoder, value: Reduction) = encoder.encodeString(value.notation())

    override fun deserialize(decoder: Decoder): Reduction {
        val name = decoder.decodeString()
        return Reduction.values().firstOrNull { it.notation() == name }
            ?: throw SerializationException("unknown reduction (expected one of ${names.joinToString(", ")}, got \"$name\")")
    }
}
