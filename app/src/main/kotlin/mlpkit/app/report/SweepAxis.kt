package mlpkit.app.report

import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.booleanOrNull
import kotlinx.serialization.json.doubleOrNull
import mlpkit.dsl.spec.Variation

/**
 * What a sweep varies, as the x axis of its curve: a [title] and one value per variation ([values], in
 * sweep order). [numeric] is false when no number could be found, and the axis is then the variation's
 * position (1, 2, …) with its name as [labels].
 *
 * The value is found, in this order:
 * 1. the one number that differs between the variations' patches, a JSON number (`"lr": 0.1`) or a number
 *    inside a string (`dense(12, sigmoid)` in a notation): the title names where it is;
 * 2. the last number in each variation's name (`h12`, `hidden-12`), when every name has one and they differ;
 * 3. the position.
 */
internal class SweepAxis(val title: String, val values: DoubleArray, val labels: List<String>, val numeric: Boolean) {
    companion object {
        /** A number in JSON text: not a digit glued to a word, which would be part of a name. */
        private val NUMBER = Regex("""(?<![A-Za-z_])-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?""")

        /** A number in a variation's name: names glue them to words (`h12`, `lr0.1`). */
        private val NAME_NUMBER = Regex("""\d+(?:\.\d+)?""")
        private const val TITLE_LENGTH = 64

        fun of(variations: List<Variation>): SweepAxis {
            val names = variations.map { it.name }
            fromPatches(variations)?.let { return it }
            val inNames = names.map { name -> NAME_NUMBER.findAll(name).lastOrNull()?.value?.toDoubleOrNull() }
            if (inNames.all { it != null } && inNames.distinct().size == inNames.size && names.size > 1) {
                return SweepAxis("number in the variation's name", inNames.map { it!! }.toDoubleArray(), names, true)
            }
            return SweepAxis("variation", DoubleArray(names.size) { it + 1.0 }, names, false)
        }

        /** A number somewhere in a patch: its value and a description of its place for the axis title. */
        private class Leaf(val value: Double, val title: String)

        private fun fromPatches(variations: List<Variation>): SweepAxis? {
            if (variations.size < 2) return null
            val leaves = variations.map { variation -> LinkedHashMap<String, Leaf>().also { collect(variation.patch, "$", it) } }
            val common = leaves.first().keys.filter { key -> leaves.all { key in it } }
            val varying = common.filter { key -> leaves.map { it.getValue(key).value }.distinct().size > 1 }
            val key = varying.singleOrNull() ?: return null
            val values = leaves.map { it.getValue(key).value }.toDoubleArray()
            return SweepAxis(leaves.first().getValue(key).title, values, variations.map { it.name }, true)
        }

        private fun collect(element: JsonElement, path: String, into: MutableMap<String, Leaf>) {
            when (element) {
                is JsonObject -> for ((name, child) in element) collect(child, "$path.$name", into)
                is JsonArray -> element.forEachIndexed { i, child -> collect(child, "$path[$i]", into) }
                JsonNull -> Unit
                is JsonPrimitive -> when {
                    element.isString -> NUMBER.findAll(element.content).forEachIndexed { k, match ->
                        val value = match.value.toDoubleOrNull() ?: return@forEachIndexed
                        into["$path#$k"] = Leaf(value, "k in $path = ${template(element.content, match.range)}")
                    }
                    element.booleanOrNull != null -> Unit
                    else -> element.doubleOrNull?.let { into[path] = Leaf(it, path) }
                }
            }
        }

        /** [text] with the number at [range] replaced by `k`, shortened around it to fit an axis title. */
        private fun template(text: String, range: IntRange): String {
            val replaced = text.replaceRange(range, "k")
            if (replaced.length <= TITLE_LENGTH) return replaced
            val from = (range.first - TITLE_LENGTH / 2).coerceAtLeast(0)
            val to = (from + TITLE_LENGTH).coerceAtMost(replaced.length)
            return (if (from > 0) "…" else "") + replaced.substring(from, to) + (if (to < replaced.length) "…" else "")
        }
    }
}
