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
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.booleanOrNull
import kotlinx.serialization.json.doubleOrNull
import kotlinx.serialization.json.intOrNull
import mlpkit.core.concept.Param

/**
 * The divergence guard of `training.divergence`: a run stops with `StopReason.Diverged` when its epoch's
 * training loss is above [Guard.factor] × the lowest training loss so far (the untrained network's included), or not finite, for
 * [Guard.patience] epochs in a row. On by default ([DEFAULT]); [Off] (`false` or `"off"` in JSON) turns it
 * off, and the run then stops only when a batch's loss is NaN or infinite (`StopReason.NonFinite`).
 *
 * JSON: `"divergence": { "factor": 100, "patience": 2 }` (either key may be left out), `true` for the
 * defaults, `false` or `"off"`. The names, defaults and ranges are [FACTOR] and [PATIENCE]'s, and every
 * message about them is derived from those.
 *
 * Why 100 × and 2 epochs (measured on the shipped examples, trained in full): no healthy run has an epoch
 * whose training loss is above 4 × the best before it. The largest ratios are e3-logreg's 3.9 (full-batch
 * lr = 1 oscillating in its first epochs), e1-bce's 1.18 and moons' 1.19 (mini-batch noise); e0, e1, e3
 * and the 30 variations of e3-sweep stay at or below 1.07. A run that diverges does so by orders of
 * magnitude: make_moons with lr = 10⁶ has a mean loss of 1.8·10⁶ in its first epoch, against 0.7 for the
 * untrained network (the guard's first yardstick, see `DivergenceGuard`), and without the guard runs all its
 * epochs to exit 0 with a loss of 1.6·10⁶. So 100 × leaves a healthy, noisy run a margin of 25 and still
 * stops a diverging one at its second epoch; two epochs in a row keep one spike (an unlucky batch order,
 * a restart of a cyclic schedule) from ending a run that recovers.
 */
@kotlinx.serialization.Serializable(with = DivergenceSpecSerializer::class)
sealed class DivergenceSpec {
    /** The guard, on: [factor] × the best training loss so far, for [patience] consecutive epochs. */
    data class Guard(val factor: Double = FACTOR.defaultValue() as Double, val patience: Int = PATIENCE.defaultValue() as Int) : DivergenceSpec()

    /** No guard: only a non-finite batch loss stops the run. */
    data object Off : DivergenceSpec()

    companion object {
        /** How many times its best so far the epoch's training loss may be before the epoch counts as divergent. */
        @JvmField
        val FACTOR: Param = Param.real("factor", 100.0).greaterThan(1.0)
            .doc("an epoch whose training loss is above factor × the best so far counts as divergent")
            .hint("e.g. 100, or turn the guard off")

        /** How many divergent epochs in a row stop the run. */
        @JvmField
        val PATIENCE: Param = Param.integer("patience", 2).atLeast(1.0)
            .doc("the run stops after this many divergent epochs in a row")
            .hint("e.g. 2")

        /** The text that turns the guard off (as does `false`). */
        const val OFF: String = "off"

        /** The guard at its defaults: on. */
        @JvmField
        val DEFAULT: DivergenceSpec = Guard()

        /** What `training.divergence` may be, for "expected …". */
        @JvmField
        val EXPECTATION: String =
            "an object with ${FACTOR.name()} (${FACTOR.expectation()}) and ${PATIENCE.name()} (${PATIENCE.expectation()}), true, false or \"$OFF\""

        /** The guard with [factor] and [patience]. */
        @JvmStatic
        fun guard(factor: Double, patience: Int): DivergenceSpec = Guard(factor, patience)

        /** No guard. */
        @JvmStatic
        fun off(): DivergenceSpec = Off
    }
}

/** `"divergence": { "factor": 100, "patience": 2 }`, `true`, `false` or `"off"` (see [DivergenceSpec]). */
object DivergenceSpecSerializer : KSerializer<DivergenceSpec> {
    override val descriptor: SerialDescriptor = PrimitiveSerialDescriptor("mlpkit.Divergence", PrimitiveKind.STRING)

    override fun serialize(encoder: Encoder, value: DivergenceSpec) {
        val element = when (value) {
            is DivergenceSpec.Guard -> JsonObject(
                mapOf(DivergenceSpec.FACTOR.name() to JsonPrimitive(value.factor), DivergenceSpec.PATIENCE.name() to JsonPrimitive(value.patience)),
            )
            DivergenceSpec.Off -> JsonPrimitive(false)
        }
        if (encoder is JsonEncoder) encoder.encodeJsonElement(element) else encoder.encodeString(element.toString())
    }

    override fun deserialize(decoder: Decoder): DivergenceSpec {
        val element = (decoder as? JsonDecoder)?.decodeJsonElement() ?: JsonPrimitive(decoder.decodeString())
        val bad = { SerializationException("expected ${DivergenceSpec.EXPECTATION}, got $element") }
        return when {
            element is JsonPrimitive && element.isString -> if (element.content == DivergenceSpec.OFF) DivergenceSpec.Off else throw bad()
            element is JsonPrimitive -> when (element.booleanOrNull) {
                true -> DivergenceSpec.DEFAULT
                false -> DivergenceSpec.Off
                null -> throw bad()
            }
            element is JsonObject -> {
                if (element.keys.any { it != DivergenceSpec.FACTOR.name() && it != DivergenceSpec.PATIENCE.name() }) throw bad()
                val defaults = DivergenceSpec.Guard()
                val factor = element[DivergenceSpec.FACTOR.name()]?.let { (it as? JsonPrimitive)?.takeUnless { p -> p.isString }?.doubleOrNull ?: throw bad() }
                val patience = element[DivergenceSpec.PATIENCE.name()]?.let { (it as? JsonPrimitive)?.takeUnless { p -> p.isString }?.intOrNull ?: throw bad() }
                DivergenceSpec.Guard(factor ?: defaults.factor, patience ?: defaults.patience)
            }
            else -> throw bad()
        }
    }
}
