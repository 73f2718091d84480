package mlpkit.dsl.config

import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.descriptors.PolymorphicKind
import kotlinx.serialization.descriptors.PrimitiveKind
import kotlinx.serialization.descriptors.SerialDescriptor
import kotlinx.serialization.descriptors.SerialKind
import kotlinx.serialization.descriptors.StructureKind
import kotlinx.serialization.descriptors.elementNames
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.serializer
import mlpkit.core.concept.Conceptual
import mlpkit.core.concept.Registry
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.SpecJson

/**
 * Every key an experiment file may hold, read from the serial descriptors of the spec model (the ones
 * [StructureCheck] checks files against): its path, the variant it belongs to (`"type": "csv"`), what its value
 * must be ([StructureCheck.expectation]: the type, the allowed names, the concept kind), whether it is required,
 * and its default, read back from a spec decoded from a file that gives only the required keys. A key added to
 * a spec class is listed here as soon as it is declared; nothing names a key by hand.
 */
@OptIn(ExperimentalSerializationApi::class)
object ConfigKeys {
    /**
     * One key: [path] such as `$.training.epochs`, [variant] `"type": "csv"` or empty, [default] as JSON (or `required`),
     * [range] as its [mlpkit.dsl.spec.ValidRange] says it, in the words of the range check's messages (`a whole number ≥ 1`,
     * `a number in [0, 1)`), or empty.
     */
    data class Key(val path: String, val variant: String, val expected: String, val required: Boolean, val default: String, val range: String = "")

    internal const val DISCRIMINATOR = "type"

    /** Only for decoding the sample files whose defaults are read: a network must be given to decode one. */
    private const val SAMPLE_NETWORK = "network < dense(1, sigmoid) >"

    /** Serial names whose values have their own syntax (checked by their serializers): keys below them are not descriptor keys. */
    private val LEAVES = setOf(
        mlpkit.dsl.spec.BatchSizeSpec.serializer().descriptor.serialName,
        mlpkit.dsl.spec.FeatureColumnsSerializer.descriptor.serialName,
        mlpkit.dsl.spec.DivergenceSpec.serializer().descriptor.serialName,
        mlpkit.data.table.ColumnOptionsSerializer.descriptor.serialName,
        JsonObject.serializer().descriptor.serialName,
        JsonPrimitive.serializer().descriptor.serialName,
        JsonElement.serializer().descriptor.serialName,
    )

    /** Whether [descriptor]'s values have their own syntax, so nothing below it is a key of the file. */
    internal fun isLeaf(descriptor: SerialDescriptor): Boolean = descriptor.serialName.removeSuffix("?") in LEAVES

    /** Every key of [ExperimentSpec], depth first in declaration order, variants in the order of their sealed class. */
    fun all(registry: Registry = Registry.builtIns()): List<Key> {
        val walk = Walk(registry)
        walk.members(ExperimentSpec.serializer().descriptor, emptyList(), emptyMap())
        return walk.keys
    }

    /** A place in a file: object keys (String), the first element of a list ([ITEM]) or map ([ENTRY]), and the variants chosen on the way. */
    private data class Place(val segments: List<Any>, val choices: Map<List<Any>, String>)

    private object ITEM

    private object ENTRY

    private class Walk(private val registry: Registry) {
        val keys = ArrayList<Key>()
        private val format: Json = SpecJson.format(registry)
        private val withDefaults = Json(from = format) { encodeDefaults = true }
        private val samples = HashMap<Pair<Map<List<Any>, String>, List<Any>?>, Pair<Any?, JsonElement?>>()
        private val open = HashSet<String>()

        fun members(descriptor: SerialDescriptor, at: List<Any>, choices: Map<List<Any>, String>, skip: String? = null) {
            if (!open.add(descriptor.serialName)) return
            for (i in 0 until descriptor.elementsCount) {
                val name = descriptor.getElementName(i)
                if (name == skip) continue
                val element = descriptor.getElementDescriptor(i)
                val path = at + name
                val required = !descriptor.isElementOptional(i)
                keys += Key(
                    text(path), choices.entries.lastOrNull()?.let { "\"$DISCRIMINATOR\": \"${it.value}\"" } ?: "",
                    StructureCheck.expectation(element, registry), required,
                    if (required) "required" else default(Place(path, choices), element),
                    RangeChecks.rangeOf(descriptor, i)?.let { RangeChecks.param(it, name, element).expectation() } ?: "",
                )
                below(element, path, choices)
            }
            open.remove(descriptor.serialName)
        }

        private fun below(element: SerialDescriptor, path: List<Any>, choices: Map<List<Any>, String>) {
            if (isLeaf(element)) return
            when (element.kind) {
                StructureKind.CLASS -> members(element, path, choices)
                PolymorphicKind.SEALED -> {
                    val variants = element.getElementDescriptor(1)
                    for (v in 0 until variants.elementsCount) {
                        members(variants.getElementDescriptor(v), path, choices + (path to variants.getElementName(v)), skip = DISCRIMINATOR)
                    }
                }
                StructureKind.LIST -> below(element.getElementDescriptor(0), path + ITEM, choices)
                StructureKind.MAP -> below(element.getElementDescriptor(1), path + ENTRY, choices)
                else -> {}
            }
        }

        /**
         * The key's value in a spec decoded from a file of required keys only (and the objects that lead to it, but
         * not the key itself), as JSON.
         */
        private fun default(place: Place, descriptor: SerialDescriptor): String {
            val omit = place.segments.takeIf { descriptor.kind is StructureKind || descriptor.kind is PolymorphicKind }
            val (spec, encoded) = samples.getOrPut(place.choices to omit) { decodeSample(place.choices, omit) }
            if (spec == null) return "(not read)"
            var json: JsonElement? = encoded
            for (segment in place.segments) {
                json = when {
                    json is JsonObject && segment is String -> json[segment]
                    json is JsonArray && segment === ITEM -> json.firstOrNull()
                    json is JsonObject && segment === ENTRY -> json.values.firstOrNull()
                    else -> null
                }
            }
            if (json != null) return json.toString()
            // A key left out of files where it is the default (@EncodeDefault(NEVER)): read the property itself.
            var value: Any? = spec
            var declared: java.lang.reflect.Type? = null
            for (segment in place.segments) {
                value = when {
                    value == null -> return "null"
                    segment === ITEM && value is List<*> -> value.firstOrNull()
                    segment === ENTRY && value is Map<*, *> -> value.values.firstOrNull()
                    else -> field(value, segment as String)?.let { declared = it.genericType; it.get(value) }
                }
            }
            return show(value, declared, descriptor)
        }

        private fun field(owner: Any, name: String): java.lang.reflect.Field? {
            var type: Class<*>? = owner.javaClass
            while (type != null) {
                val field = type.declaredFields.firstOrNull { it.name == name }
                if (field != null) {
                    field.isAccessible = true
                    return field
                }
                type = type.superclass
            }
            return null
        }

        /** A value read from its property, as JSON: through its declared type's serializer when it has one. */
        private fun show(value: Any?, declared: java.lang.reflect.Type?, descriptor: SerialDescriptor): String = when {
            value == null -> "null"
            value is Conceptual -> JsonPrimitive(value.notation()).toString()
            value is Enum<*> && descriptor.kind == SerialKind.ENUM -> JsonPrimitive(descriptor.getElementName(value.ordinal)).toString()
            value is Enum<*> -> JsonPrimitive(value.toString()).toString()
            value is String -> JsonPrimitive(value).toString()
            value is Number -> JsonPrimitive(value).toString()
            value is Boolean -> JsonPrimitive(value).toString()
            else -> try {
                format.encodeToJsonElement(serializer(declared ?: value.javaClass), value).toString()
            } catch (e: Exception) {
                value.toString()
            }
        }

        /** Decodes a file with the required keys of every object, one element in every list of objects, and the given variants. */
        private fun decodeSample(choices: Map<List<Any>, String>, omit: List<Any>?): Pair<Any?, JsonElement?> = try {
            val file = Sample(choices, omit).of(ExperimentSpec.serializer().descriptor, emptyList(), emptySet(), top = true)!!
            val spec = format.decodeFromJsonElement(ExperimentSpec.serializer(), file)
            spec to withDefaults.encodeToJsonElement(ExperimentSpec.serializer(), spec)
        } catch (e: Exception) {
            null to null
        }

        /** A file with the variants [choices], without the optional value at [omit]. */
        private inner class Sample(private val choices: Map<List<Any>, String>, private val omit: List<Any>?) {
            fun of(descriptor: SerialDescriptor, at: List<Any>, seen: Set<String>, top: Boolean = false): JsonElement? {
                if (isLeaf(descriptor) || descriptor.serialName in seen) return null
                val inside = seen + descriptor.serialName
                return when (descriptor.kind) {
                    StructureKind.CLASS -> JsonObject(fields(descriptor, at, inside))
                    PolymorphicKind.SEALED -> {
                        val variants = descriptor.getElementDescriptor(1)
                        val chosen = choices[at] ?: variants.getElementName(0)
                        val variant = variants.getElementDescriptor(variants.elementNames.indexOf(chosen))
                        JsonObject(mapOf(DISCRIMINATOR to JsonPrimitive(chosen)) + fields(variant, at, inside, skip = DISCRIMINATOR))
                    }
                    StructureKind.LIST -> of(descriptor.getElementDescriptor(0), at + ITEM, inside)?.let { JsonArray(listOf(it)) }
                    StructureKind.MAP -> of(descriptor.getElementDescriptor(1), at + ENTRY, inside)?.let { JsonObject(mapOf("x" to it)) }
                    else -> null
                }.takeIf { top || it != null }
            }

            /** The members given: required ones (a value of their type) and optional objects, which lead to more defaults. */
            private fun fields(descriptor: SerialDescriptor, at: List<Any>, seen: Set<String>, skip: String? = null): Map<String, JsonElement> {
                val result = LinkedHashMap<String, JsonElement>()
                for (i in 0 until descriptor.elementsCount) {
                    val name = descriptor.getElementName(i)
                    if (name == skip) continue
                    val optional = descriptor.isElementOptional(i)
                    if (optional && at + name == omit) continue
                    val element = descriptor.getElementDescriptor(i)
                    val value = of(element, at + name, seen) ?: if (optional) null else placeholder(element)
                    if (value != null) result[name] = value
                }
                return result
            }
        }

        /** Some valid value of a required key of [descriptor]'s type (the sample file's, never documented). */
        private fun placeholder(descriptor: SerialDescriptor): JsonElement = when (descriptor.kind) {
            PrimitiveKind.INT, PrimitiveKind.LONG, PrimitiveKind.SHORT, PrimitiveKind.BYTE -> JsonPrimitive(1)
            PrimitiveKind.DOUBLE, PrimitiveKind.FLOAT -> JsonPrimitive(1.0)
            PrimitiveKind.BOOLEAN -> JsonPrimitive(false)
            SerialKind.ENUM -> JsonPrimitive(descriptor.getElementName(0))
            StructureKind.LIST -> JsonArray(emptyList())
            StructureKind.MAP -> JsonObject(emptyMap())
            SerialKind.CONTEXTUAL -> JsonPrimitive(SAMPLE_NETWORK)
            else -> JsonPrimitive("x")
        }
    }

    /** `$.training.callbacks[i].monitor`, `$.data.source.columns.<name>`. */
    private fun text(path: List<Any>): String = "$" + path.joinToString("") { segment ->
        when {
            segment === ITEM -> "[i]"
            segment === ENTRY -> ".<name>"
            else -> ".$segment"
        }
    }
}
