package mlpkit.dsl.config

import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.descriptors.PolymorphicKind
import kotlinx.serialization.descriptors.PrimitiveKind
import kotlinx.serialization.descriptors.SerialDescriptor
import kotlinx.serialization.descriptors.StructureKind
import kotlinx.serialization.descriptors.elementNames
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import mlpkit.core.concept.Param
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.SpecJson
import mlpkit.dsl.spec.ValidRange

/**
 * The one check of every numeric key's range, as its [ValidRange] declares it: [spec] is written as JSON (with its
 * defaults, so a DSL experiment is checked as its file would be) and walked beside the spec's descriptors; a number
 * outside its key's range is reported at its JSON path as `epochs out of range (expected a whole number ≥ 1, got 0);
 * <fix>`, in the words of a concept's parameter (the range is turned into a [Param]). Checks that relate several
 * keys (validation + test < 1) stay with their section's checks.
 *
 * [check] reports one top-level section (so [SpecValidation] keeps the file's order of sections), [remaining] the
 * sections not checked yet.
 */
@OptIn(ExperimentalSerializationApi::class)
internal class RangeChecks(spec: ExperimentSpec) {
    private val tree = WRITER.encodeToJsonElement(ExperimentSpec.serializer(), spec) as JsonObject
    private val checked = HashSet<String>()

    /** Adds the problems of the top-level key [section] (`"training"`), once. */
    fun check(section: String, problems: Problems) {
        if (!checked.add(section)) return
        val index = ROOT.getElementIndex(section)
        require(index >= 0) { "no key $section in an experiment" }
        val value = tree[section] ?: return
        element(ROOT, index, value, JsonPath.ROOT.key(section), problems)
    }

    /** Adds the problems of every section [check] has not reported yet, in the file's order. */
    fun remaining(problems: Problems) {
        for (section in ROOT.elementNames) check(section, problems)
    }

    private fun element(owner: SerialDescriptor, index: Int, value: JsonElement, path: JsonPath, problems: Problems) {
        val descriptor = owner.getElementDescriptor(index)
        val range = rangeOf(owner, index)
        if (range != null && value is JsonPrimitive && value !is JsonNull && !value.isString) {
            val param = param(range, owner.getElementName(index), descriptor)
            val number = value.content.toDoubleOrNull()
            if (number != null && param.problem(number) != null) {
                problems.add(path, "${param.name()} out of range", param.expectation(), shown(value.content), "; ${range.fix}")
            }
        }
        walk(descriptor, value, path, problems)
    }

    private fun walk(descriptor: SerialDescriptor, value: JsonElement, path: JsonPath, problems: Problems) {
        if (ConfigKeys.isLeaf(descriptor)) return
        when (descriptor.kind) {
            StructureKind.CLASS -> if (value is JsonObject) members(descriptor, value, path, problems)
            PolymorphicKind.SEALED -> {
                val type = ((value as? JsonObject)?.get(ConfigKeys.DISCRIMINATOR) as? JsonPrimitive)?.content ?: return
                val variants = descriptor.getElementDescriptor(1)
                val variant = variants.getElementIndex(type)
                if (variant >= 0) members(variants.getElementDescriptor(variant), value as JsonObject, path, problems)
            }
            StructureKind.LIST -> (value as? JsonArray)?.forEachIndexed { i, item -> walk(descriptor.getElementDescriptor(0), item, path.index(i), problems) }
            StructureKind.MAP -> (value as? JsonObject)?.forEach { (key, item) -> walk(descriptor.getElementDescriptor(1), item, path.key(key), problems) }
            else -> {}
        }
    }

    private fun members(descriptor: SerialDescriptor, value: JsonObject, path: JsonPath, problems: Problems) {
        for (i in 0 until descriptor.elementsCount) {
            val name = descriptor.getElementName(i)
            element(descriptor, i, value[name] ?: continue, path.key(name), problems)
        }
    }

    companion object {
        private val ROOT: SerialDescriptor = ExperimentSpec.serializer().descriptor

        /** The spec as its file would say it, defaults included; NaN and infinities written out so they can be refused. */
        private val WRITER = Json(from = SpecJson.format) {
            encodeDefaults = true
            allowSpecialFloatingPointValues = true
        }

        private val WHOLE = setOf(PrimitiveKind.INT, PrimitiveKind.LONG, PrimitiveKind.SHORT, PrimitiveKind.BYTE)

        /** The range declared on [owner]'s element [index], or null. */
        fun rangeOf(owner: SerialDescriptor, index: Int): ValidRange? =
            owner.getElementAnnotations(index).filterIsInstance<ValidRange>().firstOrNull()

        /** [range] as a concept parameter named [name]: a whole number when [descriptor] (or the range) says so. */
        fun param(range: ValidRange, name: String, descriptor: SerialDescriptor): Param {
            var param = if (range.whole || descriptor.kind in WHOLE) Param.integer(name) else Param.real(name)
            if (range.min != Double.NEGATIVE_INFINITY) param = if (range.minExclusive) param.greaterThan(range.min) else param.atLeast(range.min)
            if (range.max != Double.POSITIVE_INFINITY) param = if (range.maxExclusive) param.lessThan(range.max) else param.atMost(range.max)
            return param
        }

        /** A number as the file wrote it: whole numbers as they are, others as [Problems.number] shows them (`0`, `-0.2`). */
        private fun shown(content: String): String =
            content.toLongOrNull()?.toString() ?: content.toDoubleOrNull()?.let(Problems::number) ?: content
    }
}
