package mlpkit.dsl.spec

import kotlinx.serialization.KSerializer
import kotlinx.serialization.Serializable
import kotlinx.serialization.SerializationException
import kotlinx.serialization.descriptors.SerialDescriptor
import kotlinx.serialization.encoding.Decoder
import kotlinx.serialization.encoding.Encoder
import kotlinx.serialization.json.JsonDecoder
import kotlinx.serialization.json.JsonEncoder
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.doubleOrNull
import mlpkit.core.distributed.ClassWeights
import mlpkit.data.ClassLabels

/**
 * `training.classWeight`: how much each class's rows count in the training loss. [Balanced] is scikit-learn's
 * `class_weight="balanced"`, w_c = n_samples / (n_classes · count_c) over the training rows (`compute_class_weight`;
 * n_classes counts the classes present); [Given] names classes as the data names them (`{"Adelie": 2.0}`), and a class
 * it leaves out weighs 1. Each training row then weighs its class's weight (times its sample weight when the data
 * has them); the loss divides by the batch's sum of weights or its rows ([mlpkit.core.loss.WeightNormalization]).
 * scikit-learn 1.2's MLPClassifier has no `class_weight`; this follows its other classifiers' meaning.
 * JSON: `"balanced"` or an object of class names to numbers ≥ 0. The weights are computed by core's
 * [ClassWeights], the form an engine that reads the rows itself is given ([toCore]).
 */
@Serializable(with = ClassWeightSpecSerializer::class)
sealed interface ClassWeightSpec {
    /** The same weighting as core's plain data, which an engine applies to the rows it reads. */
    fun toCore(): ClassWeights

    /** One weight per class index of [labels] (the training rows). */
    fun perClass(labels: ClassLabels): DoubleArray = toCore().perClass(labels.classNames, labels.counts().let { c -> LongArray(c.size) { c[it].toLong() } })

    /** scikit-learn's `"balanced"`: n_samples / (n_classes · bincount(y)). */
    data object Balanced : ClassWeightSpec {
        const val NAME = "balanced"

        override fun toCore(): ClassWeights = ClassWeights.BALANCED

        override fun toString(): String = NAME
    }

    /** Weights by class name; classes not named weigh 1. */
    data class Given(val weights: Map<String, Double>) : ClassWeightSpec {
        private val core = ClassWeights.given(weights)

        override fun toCore(): ClassWeights = core

        override fun toString(): String = weights.entries.joinToString(", ", "{", "}") { "${it.key}: ${it.value}" }
    }

    companion object {
        /** `"balanced"` (for Java). */
        @JvmStatic
        fun balanced(): ClassWeightSpec = Balanced

        /** Weights by class name (for Java). */
        @JvmStatic
        fun of(weights: Map<String, Double>): ClassWeightSpec = Given(LinkedHashMap(weights))
    }
}

/**
 * `"balanced"` or `{"class name": weight, …}`. Its descriptor is of a kind the structure check leaves to this
 * serializer, whose messages say what was expected.
 */
@OptIn(kotlinx.serialization.InternalSerializationApi::class, kotlinx.serialization.ExperimentalSerializationApi::class)
object ClassWeightSpecSerializer : KSerializer<ClassWeightSpec> {
    override val descriptor: SerialDescriptor =
        kotlinx.serialization.descriptors.buildSerialDescriptor("mlpkit.ClassWeight", kotlinx.serialization.descriptors.PolymorphicKind.OPEN)

    override fun serialize(encoder: Encoder, value: ClassWeightSpec) {
        val element = when (value) {
            ClassWeightSpec.Balanced -> JsonPrimitive(ClassWeightSpec.Balanced.NAME)
            is ClassWeightSpec.Given -> JsonObject(value.weights.mapValues { JsonPrimitive(it.value) })
        }
        (encoder as JsonEncoder).encodeJsonElement(element)
    }

    override fun deserialize(decoder: Decoder): ClassWeightSpec {
        val element = (decoder as JsonDecoder).decodeJsonElement()
        if (element is JsonPrimitive && element.isString && element.content == ClassWeightSpec.Balanced.NAME) return ClassWeightSpec.Balanced
        if (element is JsonObject) {
            val weights = LinkedHashMap<String, Double>()
            for ((name, value) in element) {
                weights[name] = (value as? JsonPrimitive)?.takeIf { !it.isString }?.doubleOrNull
                    ?: throw SerializationException("training.classWeight of class '$name': expected a number >= 0, got $value")
            }
            try {
                return ClassWeightSpec.Given(weights)
            } catch (e: IllegalArgumentException) {
                throw SerializationException(e.message)
            }
        }
        throw SerializationException("training.classWeight: expected \"balanced\" or an object of class names to weights such as {\"Adelie\": 2.0}, got $element")
    }
}

/** `training.weightNormalization`: `"sumOfWeights"` (the default) or `"rows"`, see [mlpkit.core.loss.WeightNormalization]. */
object WeightNormalizationSerializer : KSerializer<mlpkit.core.loss.WeightNormalization> {
    override val descriptor: SerialDescriptor =
        kotlinx.serialization.descriptors.PrimitiveSerialDescriptor("mlpkit.WeightNormalization", kotlinx.serialization.descriptors.PrimitiveKind.STRING)

    override fun serialize(encoder: Encoder, value: mlpkit.core.loss.WeightNormalization) = encoder.encodeString(value.notation())

    override fun deserialize(decoder: Decoder): mlpkit.core.loss.WeightNormalization {
        val name = decoder.decodeString()
        try {
            return mlpkit.core.loss.WeightNormalization.of(name)
        } catch (e: IllegalArgumentException) {
            throw SerializationException(e.message)
        }
    }
}
