package mlpkit.dsl.model

import kotlinx.serialization.json.Json
import mlpkit.core.concept.Registry
import mlpkit.dsl.spec.SpecJson

/**
 * The JSON format of model and checkpoint files. Sealed types are told apart by `type` (as in experiment
 * files, so the embedded spec reads back with its own serialisers); concept values (the loss, the spec's
 * optimiser) are read with the concepts of a registry; non-finite numbers are allowed because a diverged
 * run's weights are still written (as `NaN`, `Infinity`) for inspection; loading refuses them, naming the tensor. Doubles are written by
 * kotlinx.serialization in the shortest form that reads back to the same bits.
 */
object ModelJson {
    /** The format with [registry]'s concepts. */
    fun format(registry: Registry): Json = Json {
        classDiscriminator = "type"
        ignoreUnknownKeys = false
        encodeDefaults = true
        allowSpecialFloatingPointValues = true
        prettyPrint = true
        prettyPrintIndent = "  "
        serializersModule = SpecJson.module(registry)
    }

    /** The format with the built-in concepts. */
    val format: Json = format(Registry.builtIns())
}
