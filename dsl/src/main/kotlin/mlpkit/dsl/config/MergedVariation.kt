package mlpkit.dsl.config

import mlpkit.core.concept.Registry
import kotlinx.serialization.SerializationException
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.SpecJson
import mlpkit.dsl.spec.Variation

/**
 * One sweep variation applied to its base experiment (the experiment without its sweep): the merged
 * [spec], or the [readProblems] that kept it from being read. Problems of the merged experiment are
 * reported at the patch ([relocate]), because the patch is what the user has to change.
 */
internal class MergedVariation(
    val index: Int,
    val variation: Variation,
    val spec: ExperimentSpec?,
    val readProblems: List<ConfigException>,
) {
    val patchPath: JsonPath = JsonPath.ROOT.key("sweep").key("variations").index(index).key("patch")

    /** Whether the patch touches the top-level member [key] (`data`, `network`, …). */
    fun patches(key: String): Boolean = key in variation.patch

    /**
     * [problem] of the merged experiment, moved to the deepest part of the patch on its path (the whole
     * patch when the patch does not reach it, e.g. a new softmax output meeting the base's bce loss).
     */
    fun relocate(problem: ConfigException): ConfigException {
        var at = patchPath
        var node: JsonElement? = variation.patch
        val segments = JsonPath.parse(problem.jsonPath)?.segments.orEmpty()
        var reached = 0
        for (segment in segments) {
            if (node !is JsonObject || segment !is String || segment !in node) break
            at = at.key(segment)
            node = node[segment]
            reached++
        }
        // A patch that changes a "type" keeps the base's other members (RFC 7386), which the new type may not have.
        val hint = if (problem.problem.startsWith("unknown key") && reached < segments.size) {
            "; the base experiment has it: set it to null in the patch to remove it"
        } else {
            ""
        }
        return ConfigException(problem.file, at.toString(), "variation ${JsonText.quoted(variation.name)}: ${problem.jsonPath}: ${problem.problem}$hint")
    }

    companion object {
        /** Every variation of [spec]'s sweep merged into the base; problems carry [file]. */
        fun allOf(spec: ExperimentSpec, file: String, registry: Registry = Registry.builtIns()): List<MergedVariation> {
            val variations = spec.sweep?.variations.orEmpty()
            if (variations.isEmpty()) return emptyList()
            val format = SpecJson.format(registry)
            val base = format.encodeToJsonElement(ExperimentSpec.serializer(), spec.copy(sweep = null))
            return variations.mapIndexed { i, variation ->
                val merged = JsonMergePatch.apply(base, variation.patch)
                val problems = StructureCheck.check(merged, ExperimentSpec.serializer().descriptor, file, registry)
                if (problems.isNotEmpty()) return@mapIndexed MergedVariation(i, variation, null, problems)
                try {
                    MergedVariation(i, variation, format.decodeFromJsonElement(ExperimentSpec.serializer(), merged), emptyList())
                } catch (e: SerializationException) {
                    // SerializationException is an IllegalArgumentException: it must be caught first.
                    MergedVariation(i, variation, null, listOf(KotlinxErrors.toConfigException(e, file, text = null)))
                } catch (e: IllegalArgumentException) {
                    MergedVariation(i, variation, null, listOf(ConfigException(file, "$", "cannot be read: ${e.message}")))
                }
            }
        }
    }
}
