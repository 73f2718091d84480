package mlpkit.dsl.config

import kotlinx.serialization.SerializationException
import kotlinx.serialization.json.JsonObject
import mlpkit.core.concept.Registry
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.SpecJson
import mlpkit.dsl.spec.SweepSearch
import mlpkit.dsl.spec.SweepSpec
import mlpkit.dsl.sweep.SweepGrid

/**
 * What can be wrong with a sweep's grid, search and cv: an empty grid or list of values, a search that is neither
 * `"grid"` nor `{"random": n}`, fewer than 2 folds, and each value of each grid key set alone into the base
 * experiment (a path that does not exist, a value its field refuses). Problems are reported at the grid key or
 * value (`$.sweep.grid["training.optimizer.lr"][1]`) and say what the merged experiment has at which path, with
 * the keys that exist there.
 */
internal object SweepGridChecks {
    private val sweepPath = JsonPath.ROOT.key("sweep")

    /**
     * A sweep with `cv` gives every variation its own `validation` block: neither the experiment, nor a variation's
     * patch, nor a grid key may set one.
     */
    private fun checkNoValidation(spec: ExperimentSpec, sweep: SweepSpec, problems: Problems) {
        val why = "the sweep's \"cv\": ${sweep.cv} cross-validates every variation itself"
        if (spec.validation != null) {
            problems.add(JsonPath.ROOT.key(VALIDATION), "$why: remove this validation block, or remove \"cv\" from the sweep")
        }
        sweep.variations.forEachIndexed { i, variation ->
            if (VALIDATION in variation.patch) {
                problems.add(sweepPath.key("variations").index(i).key("patch").key(VALIDATION), "$why: remove \"validation\" from this patch, or remove \"cv\" from the sweep")
            }
        }
        sweep.grid?.keys?.filter { SweepGrid.segments(it).firstOrNull() == VALIDATION }?.forEach { key ->
            problems.add(sweepPath.key("grid").key(key), "$why: vary the folds with the sweep's \"cv\", not with a grid key into \"validation\"")
        }
    }

    private const val VALIDATION = "validation"

    fun check(
        spec: ExperimentSpec,
        sweep: SweepSpec,
        problems: Problems,
        baseProblems: List<ConfigException>,
        registry: Registry,
        checkMerged: (ExperimentSpec) -> List<ConfigException>,
    ) {
        if (sweep.search != null && sweep.searchMode() == null) {
            problems.add(sweepPath.key("search"), "unknown search", SweepSearch.EXPECTATION, JsonText.describe(sweep.search))
        }
        if (sweep.cv != null) checkNoValidation(spec, sweep, problems)
        val grid = sweep.grid ?: return
        val gridPath = sweepPath.key("grid")
        if (grid.isEmpty()) problems.add(gridPath, "an empty grid", "at least one \"path.into.the.experiment\": [values…]", "{}")
        val format = SpecJson.format(registry)
        val base = format.encodeToJsonElement(ExperimentSpec.serializer(), spec.copy(sweep = null))
        for ((key, values) in grid) {
            val keyPath = gridPath.key(key)
            if (values.isEmpty()) problems.add(keyPath, "no values", "a list of at least one value to try", "[]")
            if (key.isBlank() || SweepGrid.segments(key).any { it.isEmpty() }) {
                problems.add(keyPath, "not a path", "a JSON path into the experiment with its keys joined by dots (training.optimizer.lr)", JsonText.quoted(key))
                continue
            }
            for ((i, value) in values.withIndex()) {
                val merged = JsonMergePatch.apply(base, SweepGrid.patch(listOf(key to value)))
                val found = problemsOf(merged, format, problems.file, registry, checkMerged)
                val new = SweepChecks.newProblems(found, baseProblems)
                val unknownPath = new.firstOrNull { it.problem.startsWith("unknown key") }
                if (unknownPath != null) {
                    // The path itself is wrong: once for the key, not once per value.
                    problems.add(keyPath, "unknown path into the experiment: ${unknownPath.jsonPath}: ${unknownPath.problem}")
                    break
                }
                new.forEach { problems.add(keyPath.index(i), "${JsonText.describe(value)} at ${it.jsonPath}: ${it.problem}") }
            }
        }
    }

    private fun problemsOf(
        merged: kotlinx.serialization.json.JsonElement,
        format: kotlinx.serialization.json.Json,
        file: String,
        registry: Registry,
        checkMerged: (ExperimentSpec) -> List<ConfigException>,
    ): List<ConfigException> {
        val structural = StructureCheck.check(merged, ExperimentSpec.serializer().descriptor, file, registry)
        if (structural.isNotEmpty()) return structural
        return try {
            checkMerged(format.decodeFromJsonElement(ExperimentSpec.serializer(), merged as JsonObject))
        } catch (e: SerializationException) {
            listOf(KotlinxErrors.toConfigException(e, file, text = null))
        } catch (e: IllegalArgumentException) {
            listOf(ConfigException(file, "$", "cannot be read: ${e.message}"))
        }
    }
}
