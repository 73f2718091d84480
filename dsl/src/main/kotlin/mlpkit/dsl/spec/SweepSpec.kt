package mlpkit.dsl.spec

import kotlinx.serialization.Serializable
import kotlinx.serialization.json.JsonObject

/**
 * Variations of the experiment run side by side: each [Variation] is a JSON merge patch (RFC 7386) over
 * the experiment without its sweep, e.g. `{"network": "network < dense(7, sigmoid); dense(1, sigmoid) >"}`.
 * At most [parallelism] run at once; results do not depend on it.
 */
@Serializable
data class SweepSpec(val variations: List<Variation>, val parallelism: Int = 2)

/** One named variation: [patch] is merged into the base experiment. */
@Serializable
data class Variation(val name: String, val patch: JsonObject)
