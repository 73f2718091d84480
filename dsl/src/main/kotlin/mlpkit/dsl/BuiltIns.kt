package mlpkit.dsl

import mlpkit.core.concept.Kind
import mlpkit.core.concept.Registry

/**
 * What the generated DSL vocabulary (`Vocabulary.kt`, written from the registry when mlpkit is built) calls:
 * the value of a built-in concept from named arguments, and a parameter's default, which is the concept's
 * own default object (so the DSL, JSON and Java share one set of defaults).
 */
object BuiltIns {
    /** The value of concept [name] of [kind] with [arguments] (the others at their defaults). */
    @JvmStatic
    fun <V> value(kind: Kind<V>, name: String, vararg arguments: Pair<String, Any>): V =
        Registry.builtIns().of(kind).require(name).create(arguments.toMap())

    /** The default of parameter [param] of concept [name] of [kind]. */
    @JvmStatic
    @Suppress("UNCHECKED_CAST")
    fun <T> default(kind: Kind<*>, name: String, param: String): T {
        val concept = Registry.builtIns().of(kind).require(name)
        return concept.param(param).orElseThrow().defaultValue() as T
    }
}
