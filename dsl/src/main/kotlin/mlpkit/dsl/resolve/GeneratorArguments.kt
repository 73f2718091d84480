package mlpkit.dsl.resolve

import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonPrimitive

/** The generator parameter that seeds scikit-learn's generators. */
internal const val RANDOM_STATE = "random_state"

/**
 * The raw string values the generator registry parses, from the JSON values of a spec: strings as
 * they are, numbers and booleans as written (`0.1`, `true`), JSON null as `none`.
 *
 * `random_state` missing or null becomes [defaultRandomState] (derived from the run's seed) instead of
 * scikit-learn's "a fresh random seed": otherwise the same spec would train on different data each
 * run, and a resumed run would not see the data its checkpoint was trained on.
 */
internal fun generatorArguments(params: Map<String, JsonPrimitive>, defaultRandomState: Long): Map<String, String> {
    val raw = LinkedHashMap<String, String>()
    for ((name, value) in params) raw[name] = if (value is JsonNull) "none" else value.content
    val seedKey = params.keys.firstOrNull { it.removePrefix("--").replace('-', '_') == RANDOM_STATE }
    if (seedKey == null) raw[RANDOM_STATE] = defaultRandomState.toString()
    else if (params[seedKey] is JsonNull) raw[seedKey] = defaultRandomState.toString()
    return raw
}
