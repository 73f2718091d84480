package mlpkit.dsl.model

import kotlinx.serialization.json.Json

/**
 * The JSON format of model and checkpoint files. Sealed types are told apart by `type` (as in
 * experiment files, so the embedded spec reads back with its own serialisers); non-finite numbers are
 * allowed because a diverged run's weights are still written (as `NaN`, `Infinity`) for inspection.
 * Doubles are written by kotlinx.serialization in the shortest form that reads back to the same bits.
 */
object ModelJson {
    val format: Json = Json {
        classDiscriminator = "type"
        ignoreUnknownKeys = false
        encodeDefaults = true
        allowSpecialFloatingPointValues = true
        prettyPrint = true
        prettyPrintIndent = "  "
    }
}
