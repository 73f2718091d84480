package mlpkit.dsl.sweep

import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import mlpkit.data.random.RandomState
import mlpkit.dsl.spec.SweepSearch
import mlpkit.dsl.spec.SweepSpec
import mlpkit.dsl.spec.Variation

/**
 * A sweep's grid as named variations. Each grid key is a JSON path into the experiment, its segments separated by
 * dots (`training.optimizer.lr`); a combination becomes one merge patch setting every key to its value
 * (`{"training": {"optimizer": {"lr": 0.1}}}`). Combinations run in the order of the keys as written, the last key
 * varying fastest (scikit-learn's `ParameterGrid` order with the keys unsorted); `{"random": n}` keeps n of them, drawn
 * without replacement by numpy's `RandomState(seed).shuffle` of their indices and run in grid order.
 * A variation is named by its values, `lr=0.1, network=…`: each key by its last segment (the whole path when two
 * keys share it), each string value as written without quotes.
 */
object SweepGrid {
    /** Every variation of [sweep]: its own [SweepSpec.variations], then the grid's (drawn with [seed] for a random search). */
    fun variations(sweep: SweepSpec, seed: Long): List<Variation> {
        val grid = sweep.grid ?: return sweep.variations
        val all = combinations(grid)
        val chosen = when (val mode = requireNotNull(sweep.searchMode()) { "sweep.search must be ${SweepSearch.EXPECTATION}, got ${sweep.search}" }) {
            SweepSearch.Grid -> all
            is SweepSearch.Random -> drawn(all.size, mode.draws, seed).map { all[it] }
        }
        val labels = labels(grid.keys.toList())
        return sweep.variations + chosen.map { point ->
            Variation(point.joinToString(", ") { (path, value) -> "${labels.getValue(path)}=${text(value)}" }, patch(point))
        }
    }

    /** Every combination of [grid]'s values as (path, value) pairs, keys in the order written, the last fastest. */
    fun combinations(grid: Map<String, List<JsonElement>>): List<List<Pair<String, JsonElement>>> =
        grid.entries.fold(listOf(emptyList())) { partial, (path, values) ->
            partial.flatMap { prefix -> values.map { prefix + (path to it) } }
        }

    /** The merge patch setting each dotted path of [point] to its value. */
    fun patch(point: List<Pair<String, JsonElement>>): JsonObject =
        point.fold(JsonObject(emptyMap())) { merged, (path, value) -> deepMerge(merged, single(segments(path), value)) }

    /** A dotted path's segments: `training.optimizer.lr` → [training, optimizer, lr]. */
    fun segments(path: String): List<String> = path.split('.')

    /** [n] of the indices 0 until [size] without replacement from `RandomState(seed).shuffle(arange(size))`, ascending. */
    internal fun drawn(size: Int, n: Int, seed: Long): List<Int> {
        val order = IntArray(size) { it }
        RandomState(seed).shuffle(order)
        return order.take(minOf(n, size)).sorted()
    }

    private fun single(segments: List<String>, value: JsonElement): JsonObject =
        segments.dropLast(1).foldRight(JsonObject(mapOf(segments.last() to value))) { key, inner -> JsonObject(mapOf(key to inner)) }

    private fun deepMerge(a: JsonObject, b: JsonObject): JsonObject {
        val out = LinkedHashMap<String, JsonElement>(a)
        for ((key, value) in b) {
            val old = out[key]
            out[key] = if (old is JsonObject && value is JsonObject) deepMerge(old, value) else value
        }
        return JsonObject(out)
    }

    /** Each path's short label: its last segment, or the whole path when another path ends the same. */
    private fun labels(paths: List<String>): Map<String, String> {
        val last = paths.associateWith { segments(it).last() }
        return last.mapValues { (path, tail) -> if (last.values.count { it == tail } > 1) path else tail }
    }

    private fun text(value: JsonElement): String = if (value is JsonPrimitive && value.isString) value.content else value.toString()
}
