package mlpkit.dsl.spec

import kotlinx.serialization.EncodeDefault
import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.Serializable
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.intOrNull
import kotlinx.serialization.json.jsonPrimitive

/**
 * Variations of the experiment run side by side: each [Variation] is a JSON merge patch (RFC 7386) over
 * the experiment without its sweep, e.g. `{"network": "network < dense(7, sigmoid); dense(1, sigmoid) >"}`.
 * At most [parallelism] run at once; results do not depend on it.
 *
 * A [grid] adds a variation per combination of its values: keys are JSON paths into the experiment
 * (`"training.optimizer.lr"`, `"network"`), values the lists to try; the keys vary in the order written, the
 * last fastest, and each variation is named by its values (`lr=0.1, network=…`, see `SweepGrid`). [search] is
 * `"grid"` (every combination, the default) or `{"random": n}` (n combinations drawn with the experiment's seed).
 * [cv] asks for each variation to be cross-validated with that many folds (stored; see `SweepCrossValidation`).
 */
@OptIn(ExperimentalSerializationApi::class)
@Serializable
data class SweepSpec(
    val variations: List<Variation> = emptyList(),
    @ValidRange(min = 1.0, fix = "the variations trained at once, e.g. 2") val parallelism: Int = 2,
    @EncodeDefault(EncodeDefault.Mode.NEVER) val grid: Map<String, List<JsonElement>>? = null,
    @EncodeDefault(EncodeDefault.Mode.NEVER) val search: JsonElement? = null,
    @ValidRange(min = ValidationSpec.MIN_FOLDS.toDouble(), fix = "5 or 10 are usual")
    @EncodeDefault(EncodeDefault.Mode.NEVER) val cv: Int? = null,
) {
    /** How the grid is searched, or null when [search] is neither `"grid"` nor `{"random": n}` with n ≥ 1. */
    fun searchMode(): SweepSearch? = when (val s = search) {
        null -> SweepSearch.Grid
        is JsonPrimitive -> SweepSearch.Grid.takeIf { s.isString && s.content == SweepSearch.GRID }
        is JsonObject -> s.takeIf { it.keys == setOf(SweepSearch.RANDOM) }
            ?.let { (it.getValue(SweepSearch.RANDOM) as? JsonPrimitive)?.takeIf { p -> !p.isString }?.intOrNull }
            ?.takeIf { it >= 1 }?.let { SweepSearch.Random(it) }
        else -> null
    }
}

/** How a sweep's grid is searched: every combination, or [Random.draws] of them. */
sealed interface SweepSearch {
    /** Every combination of the grid. */
    data object Grid : SweepSearch

    /** [draws] combinations drawn without replacement with the experiment's seed. */
    data class Random(val draws: Int) : SweepSearch

    companion object {
        const val GRID = "grid"
        const val RANDOM = "random"

        /** What `"search"` accepts, for messages. */
        const val EXPECTATION = "\"grid\" or {\"random\": n} with n ≥ 1"
    }
}

/** One named variation: [patch] is merged into the base experiment. */
@Serializable
data class Variation(val name: String, val patch: JsonObject)
