package mlpkit.dsl.spec

import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.booleanOrNull
import mlpkit.core.concept.ClosestName
import mlpkit.core.concept.Concept
import mlpkit.core.concept.ConceptException
import mlpkit.core.concept.Conceptual
import mlpkit.core.concept.Kind
import mlpkit.core.concept.NotationException
import mlpkit.core.concept.NotationParser
import mlpkit.core.concept.Param
import mlpkit.core.concept.Registry
import mlpkit.core.layer.LayerSpec
import mlpkit.core.network.NetworkSpec

/**
 * Values of the registry's concepts in JSON, in either form: the notation as a string (`"relu"`,
 * `"huber(delta=1.5)"`, `"network < dense(10, relu); dense(2, softmax) >"`) or an object with `"type"`
 * and the parameters (`{"type": "sgd", "lr": 0.5}`). Reading reports every problem at its JSON path, in
 * terms taken from the concept's parameters (expected range, hint), so no rule is written twice.
 */
object ConceptJson {
    /** How a field writes its value (either form is read). */
    enum class Form { STRING, OBJECT }

    /** A problem at [path] (`$.training.optimizer.lr`): [what] is wrong, [expected], [got], and a [hint] (may be empty). */
    data class Problem(val path: List<Any>, val what: String, val expected: String, val got: String, val hint: String = "")

    /** The result of reading: the value, or null with the problems. */
    class Read<V>(val value: V?, val problems: List<Problem>)

    /**
     * [value] in [form]; an object lists `type` and the parameters that differ from their defaults, or every
     * parameter with [allParameters] (model files write everything, experiment files only what was chosen).
     */
    fun encode(value: Conceptual, form: Form, allParameters: Boolean = false): JsonElement = when (form) {
        Form.STRING -> JsonPrimitive(value.notation())
        Form.OBJECT -> {
            val concept = value.concept()
            val arguments = concept.argumentsOf(value)
            val members = LinkedHashMap<String, JsonElement>()
            members[TYPE] = JsonPrimitive(concept.name())
            for (param in concept.params()) {
                val v = arguments.get(param.name())
                if (allParameters || param.isRequired || !Concept.isDefault(param, v)) members[param.name()] = parameter(param, v)
            }
            JsonObject(members)
        }
    }

    /** A network as its notation. */
    fun encode(network: NetworkSpec): JsonElement = JsonPrimitive(network.notation())

    private fun parameter(param: Param, value: Any): JsonElement = when (param.type()) {
        Param.Type.REAL -> JsonPrimitive(value as Double)
        Param.Type.INTEGER -> JsonPrimitive(value as Int)
        Param.Type.BOOLEAN -> JsonPrimitive(value as Boolean)
        Param.Type.TEXT -> JsonPrimitive(value as String)
        Param.Type.CONCEPT -> JsonPrimitive((value as Conceptual).notation())
    }

    /** A value of [kind] from [element] at [path]. */
    fun <V> read(element: JsonElement, kind: Kind<V>, registry: Registry, path: List<Any> = emptyList()): Read<V> =
        Reader(registry).value(element, kind, path)

    /** A network from a notation string or a list of layers. */
    fun readNetwork(element: JsonElement, registry: Registry, path: List<Any> = emptyList()): Read<NetworkSpec> {
        val reader = Reader(registry)
        return when {
            element is JsonPrimitive && element.isString -> try {
                Read(NetworkSpec.parse(element.content, registry), emptyList())
            } catch (e: NotationException) {
                val unknown = e.unknownKind()
                val problem = if (unknown != null) {
                    Problem(path, "unknown ${unknown.name()} in the network notation at column ${e.column()}",
                        registry.of(unknown).expectation(), e.found(), e.hint())
                } else {
                    Problem(path, "network notation does not parse at column ${e.column()}", e.expected(), e.found(), e.hint())
                }
                Read(null, listOf(problem))
            }
            element is JsonArray -> {
                if (element.isEmpty()) return Read(null, listOf(Problem(path, "no layers", "at least one layer, e.g. dense(1, sigmoid)", "an empty list")))
                val layers = element.mapIndexed { i, item -> reader.value(item, LayerSpec.KIND, path + i) }
                val problems = layers.flatMap { it.problems }
                if (problems.isNotEmpty()) Read(null, problems) else Read(NetworkSpec(layers.map { it.value!! }), emptyList())
            }
            else -> Read(null, listOf(Problem(path, "wrong type", networkExpectation(), describe(element))))
        }
    }

    /** What a network looks like, for "expected …". */
    fun networkExpectation(): String =
        "a notation string such as \"network < dense(10, relu); dense(2, softmax) >\" or a list of layer objects"

    /** What a value of [kind] looks like, for "expected …". */
    fun expectation(kind: Kind<*>, registry: Registry, form: Form): String {
        val names = registry.of(kind).expectation()
        return when (form) {
            Form.STRING -> "${kind.withArticle()} written as in the notation ($names)"
            Form.OBJECT -> "an object with \"$TYPE\": $names"
        }
    }

    const val TYPE = "type"

    private class Reader(private val registry: Registry) {
        fun <V> value(element: JsonElement, kind: Kind<V>, path: List<Any>): Read<V> = when {
            element is JsonPrimitive && element.isString -> notation(element.content, kind, path)
            element is JsonObject -> members(element, kind, path)
            else -> Read(null, listOf(Problem(path, "wrong type", "${kind.withArticle()}: a name such as \"${example(kind)}\" or an object with \"$TYPE\"", describe(element))))
        }

        private fun <V> notation(text: String, kind: Kind<V>, path: List<Any>): Read<V> = try {
            Read(NotationParser(text, "notation", registry).value(kind), emptyList())
        } catch (e: NotationException) {
            val name = text.trim()
            val unknown = registry.of(kind).find(name.substringBefore('(').trim()).isEmpty && name.matches(Regex("[A-Za-z_][A-Za-z0-9_-]*"))
            if (unknown) {
                Read(null, listOf(Problem(path, "unknown ${kind.name()}", registry.of(kind).expectation(), quoted(text), e.hint())))
            } else {
                Read(null, listOf(Problem(path, "${kind.name()} does not parse at column ${e.column()} of ${quoted(text)}", e.expected(), e.found(), e.hint())))
            }
        }

        private fun <V> members(element: JsonObject, kind: Kind<V>, path: List<Any>): Read<V> {
            val type = element[TYPE]
            val concepts = registry.of(kind)
            val typePath = path + TYPE
            if (type == null) return Read(null, listOf(Problem(typePath, "missing ${kind.name()} type", concepts.expectation(), "nothing")))
            if (type !is JsonPrimitive || !type.isString) return Read(null, listOf(Problem(typePath, "wrong type", "a string, ${concepts.expectation()}", describe(type))))
            val concept = concepts.find(type.content).orElse(null)
                ?: return Read(null, listOf(Problem(typePath, "unknown ${kind.name()} type", concepts.expectation(), describe(type), suggestion(type.content, concepts.all().flatMap { it.names() }))))
            val problems = mutableListOf<Problem>()
            val given = LinkedHashMap<String, Any>()
            val allowed = listOf(TYPE) + concept.paramNames()
            for ((key, member) in element) {
                if (key == TYPE) continue
                val param = concept.param(key).orElse(null)
                if (param == null) {
                    problems += Problem(path + key, "unknown key", oneOf(allowed), quoted(key), suggestion(key, allowed))
                    continue
                }
                parameter(member, param, concept, path + key, problems)?.let { given[key] = it }
            }
            for (param in concept.params()) {
                if (param.isRequired && param.name() !in element) {
                    problems += Problem(path + param.name(), "missing required key", param.expectation(), "nothing", "write ${concept.signature()}")
                }
            }
            if (problems.isNotEmpty()) return Read(null, problems)
            return try {
                Read(concept.create(given), emptyList())
            } catch (e: ConceptException) {
                val at = e.parameter()?.let { path + it } ?: path
                val what = e.parameter()?.let { "$it out of range" } ?: "not a valid ${kind.name()}"
                Read(null, listOf(Problem(at, what, e.expected(), e.got(), e.hint())))
            }
        }

        private fun parameter(element: JsonElement, param: Param, concept: Concept<*>, path: List<Any>, problems: MutableList<Problem>): Any? {
            val primitive = element as? JsonPrimitive
            val value: Any? = when (param.type()) {
                Param.Type.REAL -> primitive?.takeIf { !it.isString && it !== JsonNull }?.content?.toDoubleOrNull()
                Param.Type.INTEGER -> primitive?.takeIf { !it.isString && it !== JsonNull }?.content?.let { text ->
                    text.toBigDecimalOrNull()?.takeIf { it.stripTrailingZeros().scale() <= 0 }?.toDouble()
                }
                Param.Type.BOOLEAN -> primitive?.takeIf { !it.isString }?.booleanOrNull
                Param.Type.TEXT -> primitive?.takeIf { it.isString }?.content
                Param.Type.CONCEPT -> {
                    val read = value(element, param.kind(), path)
                    if (read.value == null) {
                        problems += read.problems
                        return null
                    }
                    read.value
                }
            }
            if (value == null) {
                problems += Problem(path, "wrong type", param.expectation(), describe(element), "")
                return null
            }
            if (value is Double && !value.isFinite()) {
                problems += Problem(path, "number out of range", param.expectation(), primitive!!.content)
                return null
            }
            val problem = param.problem(value)
            if (problem != null) {
                problems += Problem(path, "${param.name()} out of range", problem, primitive?.content ?: describe(element), param.hint())
                return null
            }
            return value
        }

        private fun example(kind: Kind<*>): String = registry.of(kind).names().firstOrNull() ?: kind.name()
    }

    private fun oneOf(names: List<String>) = if (names.size == 1) names[0] else "one of " + names.joinToString(", ")

    private fun suggestion(given: String, known: List<String>): String = ClosestName.suggestion(given, known)

    private fun quoted(text: String) = "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\""

    /** A JSON value as written (shortened), or a word for the containers. */
    fun describe(element: JsonElement): String = when (element) {
        JsonNull -> "null"
        is JsonPrimitive -> (if (element.isString) quoted(element.content) else element.content).let { if (it.length > 60) it.take(59) + "…" else it }
        is JsonObject -> if (element.isEmpty()) "an empty object" else "an object"
        is JsonArray -> if (element.isEmpty()) "an empty list" else "a list"
    }
}
