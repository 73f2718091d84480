package mlpkit.dsl.config

import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.builtins.ListSerializer
import kotlinx.serialization.descriptors.PolymorphicKind
import kotlinx.serialization.descriptors.PrimitiveKind
import kotlinx.serialization.descriptors.SerialDescriptor
import kotlinx.serialization.descriptors.SerialKind
import kotlinx.serialization.descriptors.StructureKind
import kotlinx.serialization.descriptors.elementNames
import kotlinx.serialization.encoding.CompositeDecoder
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.modules.SerializersModule
import kotlinx.serialization.descriptors.getContextualDescriptor
import mlpkit.core.concept.Kind
import mlpkit.core.concept.Registry
import mlpkit.dsl.spec.BatchSizeSpec
import mlpkit.dsl.spec.DivergenceSpec
import mlpkit.dsl.spec.CONCEPT_SERIAL_NAME
import mlpkit.dsl.spec.ConceptJson
import mlpkit.dsl.spec.NETWORK_SERIAL_NAME
import mlpkit.dsl.spec.SpecJson

/**
 * Checks a parsed JSON tree against the serial descriptors of the spec model before kotlinx decodes it:
 * unknown keys (with the keys allowed there), missing required keys, wrong types, unknown enum values
 * and `type` discriminators (with the allowed ones), and the values of the registry's concepts (network,
 * layers, loss, optimiser, schedule), which [ConceptJson] checks against each concept's own parameters.
 * Reports every problem at its exact path.
 *
 * kotlinx's own errors are not enough on their own: the spec's custom serializers (network, batch size)
 * lose the path, layers decoded inside the network serializer report `$.units` instead of
 * `$.network[1].units`, a missing discriminator has no path at all, and kotlinx stops at the first problem.
 * Driving the check from the descriptors keeps it in step with the model: a new field is known here
 * as soon as it is declared.
 */
@OptIn(ExperimentalSerializationApi::class)
internal class StructureCheck private constructor(private val problems: Problems, private val registry: Registry) {
    private val module: SerializersModule = SpecJson.module(registry)

    companion object {
        private val discriminator = SpecJson.format.configuration.classDiscriminator
        private val batchSizeName = BatchSizeSpec.serializer().descriptor.serialName
        private val featureColumnsName = mlpkit.dsl.spec.FeatureColumnsSerializer.descriptor.serialName
        private val divergenceName = DivergenceSpec.serializer().descriptor.serialName
        private val jsonObjectName = JsonObject.serializer().descriptor.serialName
        private val columnOptionsName = mlpkit.data.table.ColumnOptionsSerializer.descriptor.serialName
        private val jsonPrimitiveName = JsonPrimitive.serializer().descriptor.serialName
        private val jsonElementName = JsonElement.serializer().descriptor.serialName
        private val INT_RANGE = Int.MIN_VALUE.toLong()..Int.MAX_VALUE.toLong()
        private val WHOLE_NUMBER = Regex("-?[0-9]+")

        /** The structural problems of [element] read as [descriptor] at [path]; empty when kotlinx can decode it. */
        fun check(
            element: JsonElement,
            descriptor: SerialDescriptor,
            file: String,
            registry: Registry = Registry.builtIns(),
            path: JsonPath = JsonPath.ROOT,
        ): List<ConfigException> {
            val problems = Problems(file)
            StructureCheck(problems, registry).value(element, descriptor, path)
            return problems.all
        }

        /** What a value of [descriptor] looks like, for "expected …". */
        fun expectation(descriptor: SerialDescriptor, registry: Registry = Registry.builtIns()): String {
            val actual = if (descriptor.kind == SerialKind.CONTEXTUAL) SpecJson.module(registry).getContextualDescriptor(descriptor) ?: descriptor else descriptor
            val concept = conceptOf(actual.serialName, registry)
            val base = when {
                actual.serialName.removeSuffix("?") == NETWORK_SERIAL_NAME -> ConceptJson.networkExpectation()
                concept != null -> ConceptJson.expectation(concept.first, registry, concept.second)
                else -> when (descriptor.serialName.removeSuffix("?")) {
                batchSizeName -> "a number of rows or \"full\""
                featureColumnsName -> mlpkit.dsl.spec.FeatureColumnsSerializer.EXPECTATION
                divergenceName -> DivergenceSpec.EXPECTATION
                jsonObjectName -> "an object"
                jsonPrimitiveName -> "a number, a string, true, false or null"
                jsonElementName -> "any JSON value"
                else -> when (descriptor.kind) {
                    PrimitiveKind.INT, PrimitiveKind.LONG, PrimitiveKind.SHORT, PrimitiveKind.BYTE -> "a whole number"
                    PrimitiveKind.DOUBLE, PrimitiveKind.FLOAT -> "a number"
                    PrimitiveKind.BOOLEAN -> "true or false"
                    PrimitiveKind.STRING, PrimitiveKind.CHAR -> "a string"
                    SerialKind.ENUM -> "a string, " + JsonText.oneOf(descriptor.elementNames.toList())
                    StructureKind.LIST -> "a list"
                    PolymorphicKind.SEALED -> "an object with \"$discriminator\": " + JsonText.oneOf(subclassNames(descriptor))
                    else -> "an object"
                }
                }
            }
            return if (descriptor.isNullable) "$base or null" else base
        }

        /** The kind and form of a concept serializer's serial name (`mlpkit.concept.loss.STRING`), else null. */
        private fun conceptOf(serialName: String, registry: Registry): Pair<Kind<*>, ConceptJson.Form>? {
            if (!serialName.startsWith(CONCEPT_SERIAL_NAME)) return null
            val (kindName, form) = serialName.removePrefix(CONCEPT_SERIAL_NAME).removeSuffix("?").split('.')
            val kind = registry.kinds().firstOrNull { it.name() == kindName } ?: return null
            return kind to ConceptJson.Form.valueOf(form)
        }

        private fun subclasses(sealed: SerialDescriptor): SerialDescriptor = sealed.getElementDescriptor(1)

        private fun subclassNames(sealed: SerialDescriptor): List<String> = subclasses(sealed).elementNames.toList()

        /** `OptimizerSpec` → "optimizer", `DataSource` → "data source", `LayerConfig` → "layer". */
        private fun noun(sealed: SerialDescriptor): String =
            sealed.serialName.substringAfterLast('.').removeSuffix("Spec").removeSuffix("Config")
                .replace(Regex("(?<=[a-z])(?=[A-Z])"), " ").lowercase()
    }

    private fun value(element: JsonElement, descriptor: SerialDescriptor, path: JsonPath) {
        // JsonNull is itself a JsonPrimitive, so a JsonPrimitive member (a generator parameter) may be null.
        if (element === JsonNull && descriptor.serialName != jsonPrimitiveName) {
            if (!descriptor.isNullable) wrongType(path, descriptor, element)
            return
        }
        if (descriptor.kind == SerialKind.CONTEXTUAL) {
            val actual = module.getContextualDescriptor(descriptor) ?: return
            val concept = conceptOf(actual.serialName, registry)
            when {
                actual.serialName == NETWORK_SERIAL_NAME -> report(ConceptJson.readNetwork(element, registry).problems, path)
                concept != null -> report(ConceptJson.read(element, concept.first, registry).problems, path)
            }
            return
        }
        when (descriptor.serialName.removeSuffix("?")) {
            batchSizeName -> batchSize(element, descriptor, path)
            featureColumnsName -> featureColumns(element, descriptor, path)
            columnOptionsName -> ColumnChecks.check(element, path, problems)
            divergenceName -> divergence(element, descriptor, path)
            jsonObjectName -> if (element !is JsonObject) wrongType(path, descriptor, element)
            jsonPrimitiveName -> if (element !is JsonPrimitive) wrongType(path, descriptor, element)
            jsonElementName -> {} // any JSON value (a sweep grid's values, checked where they are used)
            else -> when (descriptor.kind) {
                StructureKind.CLASS, StructureKind.OBJECT -> members(element, descriptor, path, discriminated = false)
                PolymorphicKind.SEALED -> sealed(element, descriptor, path)
                StructureKind.LIST -> list(element, descriptor, path)
                StructureKind.MAP -> map(element, descriptor, path)
                SerialKind.ENUM -> enumValue(element, descriptor, path)
                is PrimitiveKind -> primitive(element, descriptor, path)
                // Kinds the spec model does not use are left to kotlinx (its errors are translated).
                else -> {}
            }
        }
    }

    private fun members(element: JsonElement, descriptor: SerialDescriptor, path: JsonPath, discriminated: Boolean) {
        if (element !is JsonObject) return wrongType(path, descriptor, element)
        val allowed = (if (discriminated) listOf(discriminator) else emptyList()) + descriptor.elementNames
        val expected = if (allowed.size == 1) "only ${allowed[0]}" else JsonText.oneOf(allowed)
        for ((key, member) in element) {
            if (discriminated && key == discriminator) continue
            val index = descriptor.getElementIndex(key)
            if (index == CompositeDecoder.UNKNOWN_NAME) {
                problems.add(path.key(key), "unknown key", expected, JsonText.quoted(key), JsonText.suggestion(key, allowed))
            } else {
                value(member, descriptor.getElementDescriptor(index), path.key(key))
            }
        }
        for (index in 0 until descriptor.elementsCount) {
            val name = descriptor.getElementName(index)
            if (!descriptor.isElementOptional(index) && name !in element) {
                problems.add(path.key(name), "missing required key", expectation(descriptor.getElementDescriptor(index), registry), "nothing")
            }
        }
    }

    private fun sealed(element: JsonElement, descriptor: SerialDescriptor, path: JsonPath) {
        if (element !is JsonObject) return wrongType(path, descriptor, element)
        val names = subclassNames(descriptor)
        val typePath = path.key(discriminator)
        val type = element[discriminator]
        when {
            type == null -> problems.add(typePath, "missing ${noun(descriptor)} type", JsonText.oneOf(names), "nothing")
            type !is JsonPrimitive || !type.isString ->
                problems.add(typePath, "wrong type", "a string, " + JsonText.oneOf(names), JsonText.describe(type))
            type.content !in names -> problems.add(
                typePath, "unknown ${noun(descriptor)} type", JsonText.oneOf(names), JsonText.describe(type),
                JsonText.suggestion(type.content, names),
            )
            else -> members(element, subclasses(descriptor).getElementDescriptor(names.indexOf(type.content)), path, discriminated = true)
        }
    }

    private fun list(element: JsonElement, descriptor: SerialDescriptor, path: JsonPath) {
        if (element !is JsonArray) return wrongType(path, descriptor, element)
        element.forEachIndexed { i, item -> value(item, descriptor.getElementDescriptor(0), path.index(i)) }
    }

    private fun map(element: JsonElement, descriptor: SerialDescriptor, path: JsonPath) {
        if (element !is JsonObject) return wrongType(path, descriptor, element)
        for ((key, item) in element) value(item, descriptor.getElementDescriptor(1), path.key(key))
    }

    private fun enumValue(element: JsonElement, descriptor: SerialDescriptor, path: JsonPath) {
        val names = descriptor.elementNames.toList()
        if (element !is JsonPrimitive || !element.isString) return wrongType(path, descriptor, element)
        if (element.content !in names) {
            problems.add(path, "unknown value", JsonText.oneOf(names), JsonText.describe(element), JsonText.suggestion(element.content, names))
        }
    }

    private fun primitive(element: JsonElement, descriptor: SerialDescriptor, path: JsonPath) {
        if (element !is JsonPrimitive) return wrongType(path, descriptor, element)
        val text = element.content
        val fits = when (descriptor.kind) {
            PrimitiveKind.STRING, PrimitiveKind.CHAR -> element.isString
            PrimitiveKind.BOOLEAN -> !element.isString && (text == "true" || text == "false")
            PrimitiveKind.INT -> !element.isString && wholeNumber(text, path, INT_RANGE)
            PrimitiveKind.LONG -> !element.isString && wholeNumber(text, path, Long.MIN_VALUE..Long.MAX_VALUE)
            PrimitiveKind.DOUBLE, PrimitiveKind.FLOAT -> !element.isString && finiteNumber(text, path)
            else -> true
        }
        if (!fits) wrongType(path, descriptor, element)
    }

    /** Whether [text] is a whole number; one out of [range] is reported here (and counts as fitting). */
    private fun wholeNumber(text: String, path: JsonPath, range: LongRange): Boolean {
        if (!WHOLE_NUMBER.matches(text)) return false
        val value = text.toBigInteger()
        if (value < range.first.toBigInteger() || value > range.last.toBigInteger()) {
            problems.add(path, "number out of range", "a whole number from ${range.first} to ${range.last}", text)
        }
        return true
    }

    /** Whether [text] is a number; one too large for a double is reported here (and counts as fitting). */
    private fun finiteNumber(text: String, path: JsonPath): Boolean {
        val value = text.toDoubleOrNull() ?: return false
        if (!value.isFinite()) problems.add(path, "number out of range", "a finite number", text)
        return true
    }

    /** [ConceptJson]'s problems, their paths under [at]. */
    private fun report(found: List<ConceptJson.Problem>, at: JsonPath) {
        for (problem in found) {
            val path = problem.path.fold(at) { p, segment -> if (segment is Int) p.index(segment) else p.key(segment as String) }
            problems.add(path, problem.what, problem.expected, problem.got, if (problem.hint.isEmpty()) "" else "; ${problem.hint}")
        }
    }

    private fun batchSize(element: JsonElement, descriptor: SerialDescriptor, path: JsonPath) {
        val fits = element is JsonPrimitive && if (element.isString) {
            element.content == "full"
        } else {
            wholeNumber(element.content, path, INT_RANGE)
        }
        if (!fits) wrongType(path, descriptor, element)
    }

    /** A string, or a non-empty list of strings. */
    private fun featureColumns(element: JsonElement, descriptor: SerialDescriptor, path: JsonPath) {
        val fits = when (element) {
            is JsonPrimitive -> element.isString
            is JsonArray -> element.isNotEmpty() && element.all { it is JsonPrimitive && it.isString }
            else -> false
        }
        if (!fits) wrongType(path, descriptor, element)
    }

    /** `true`, `false`, `"off"`, or an object with a number `factor` and a whole number `patience` (ranges: [TrainingChecks]). */
    private fun divergence(element: JsonElement, descriptor: SerialDescriptor, path: JsonPath) {
        if (element is JsonPrimitive) {
            val fits = if (element.isString) element.content == DivergenceSpec.OFF else element.content == "true" || element.content == "false"
            if (!fits) wrongType(path, descriptor, element)
            return
        }
        if (element !is JsonObject) return wrongType(path, descriptor, element)
        val params = listOf(DivergenceSpec.FACTOR, DivergenceSpec.PATIENCE)
        val names = params.map { it.name() }
        for ((key, member) in element) {
            val param = params.firstOrNull { it.name() == key }
            if (param == null) {
                problems.add(path.key(key), "unknown key", JsonText.oneOf(names), JsonText.quoted(key), JsonText.suggestion(key, names))
                continue
            }
            val fits = member is JsonPrimitive && !member.isString && member !== JsonNull && when (param.type()) {
                mlpkit.core.concept.Param.Type.INTEGER -> wholeNumber(member.content, path.key(key), INT_RANGE)
                else -> finiteNumber(member.content, path.key(key))
            }
            if (!fits) problems.add(path.key(key), "wrong type", param.expectation(), JsonText.describe(member))
        }
    }

    private fun wrongType(path: JsonPath, descriptor: SerialDescriptor, element: JsonElement) =
        problems.add(path, "wrong type", expectation(descriptor, registry), JsonText.describe(element))
}
