package mlpkit.dsl.spec

import kotlinx.serialization.json.Json
import kotlinx.serialization.modules.SerializersModule
import mlpkit.core.concept.Registry
import mlpkit.core.loss.Loss
import mlpkit.core.network.NetworkSpec
import mlpkit.core.optim.OptimizerSpec
import mlpkit.core.optim.ScheduleSpec

/**
 * The JSON format of experiment files: `type` discriminates variants; unknown keys are errors; concept
 * values (the network, loss, optimiser, schedule) are read with the concepts of a registry: [format] knows
 * the built-in ones, [format]`(registry)` also a user's own.
 */
object SpecJson {
    /** How concept values are read and written with [registry]'s concepts. */
    fun module(registry: Registry): SerializersModule = SerializersModule {
        contextual(NetworkSpec::class, NetworkSpecSerializer(registry))
        contextual(Loss::class, ConceptSerializer(Loss.KIND, registry, ConceptJson.Form.STRING))
        contextual(OptimizerSpec::class, ConceptSerializer(OptimizerSpec.KIND, registry, ConceptJson.Form.OBJECT))
        contextual(ScheduleSpec::class, ConceptSerializer(ScheduleSpec.KIND, registry, ConceptJson.Form.OBJECT))
    }

    /** The experiment-file format with [registry]'s concepts. */
    fun format(registry: Registry): Json = Json {
        classDiscriminator = "type"
        ignoreUnknownKeys = false
        encodeDefaults = false
        prettyPrint = true
        prettyPrintIndent = "  "
        serializersModule = module(registry)
    }

    /** The experiment-file format with the built-in concepts. */
    val format: Json = format(Registry.builtIns())

    fun encode(spec: ExperimentSpec): String = format.encodeToString(ExperimentSpec.serializer(), spec)

    /** Decodes without the strict checks and error paths of the file loader; for trusted JSON. */
    @JvmOverloads
    fun decode(text: String, registry: Registry = Registry.builtIns()): ExperimentSpec =
        format(registry).decodeFromString(ExperimentSpec.serializer(), text)
}
