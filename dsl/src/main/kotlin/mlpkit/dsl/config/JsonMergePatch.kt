package mlpkit.dsl.config

import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject

/**
 * RFC 7386 JSON Merge Patch: members of an object patch replace or (when null) remove the target's
 * members, nested objects are patched recursively, and anything that is not an object (a list, a string)
 * replaces the target whole. The inverse of the DSL's `mergePatch(from, to)`.
 */
object JsonMergePatch {
    fun apply(target: JsonElement?, patch: JsonElement): JsonElement {
        if (patch !is JsonObject) return patch
        val merged = LinkedHashMap<String, JsonElement>((target as? JsonObject).orEmpty())
        for ((name, value) in patch) {
            if (value === JsonNull) merged.remove(name) else merged[name] = apply(merged[name], value)
        }
        return JsonObject(merged)
    }
}
