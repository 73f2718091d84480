package mlpkit.estimator

import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.booleanOrNull
import kotlinx.serialization.json.doubleOrNull
import kotlinx.serialization.json.int
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.longOrNull
import mlpkit.dsl.model.ModelFile

/**
 * What an estimator adds to its model file, under the key `estimator`: its [type] (`MlpClassifier`), its [params]
 * by scikit-learn name, its fitted attributes, and for a classifier its [classes] (as labels, with whether they
 * were ints). Everything else (network, weights, loss, class names, optimiser state) is the ordinary model file.
 */
internal class EstimatorRecord(
    val type: String,
    val params: Map<String, Any?>,
    val outActivation: String,
    val lossCurve: List<Double>,
    val validationScores: List<Double>?,
    val bestLoss: Double?,
    val bestValidationScore: Double?,
    val nIter: Int,
    val converged: Boolean,
    val convergenceWarning: String?,
    val classes: List<String>?,
    val intClasses: Boolean,
) {
    fun toJson(): JsonObject = JsonObject(
        linkedMapOf(
            "type" to JsonPrimitive(type),
            "params" to JsonObject(params.mapValues { (_, v) -> json(v) }),
            "outActivation" to JsonPrimitive(outActivation),
            "lossCurve" to JsonArray(lossCurve.map(::JsonPrimitive)),
            "validationScores" to (validationScores?.let { s -> JsonArray(s.map(::JsonPrimitive)) } ?: JsonNull),
            "bestLoss" to JsonPrimitive(bestLoss),
            "bestValidationScore" to JsonPrimitive(bestValidationScore),
            "nIter" to JsonPrimitive(nIter),
            "converged" to JsonPrimitive(converged),
            "convergenceWarning" to JsonPrimitive(convergenceWarning),
            "classes" to (classes?.let { c -> JsonArray(c.map(::JsonPrimitive)) } ?: JsonNull),
            "intClasses" to JsonPrimitive(intClasses),
        ),
    )

    /** [file] with this record under `estimator`. */
    fun attachTo(file: ModelFile): ModelFile = file.withEstimator(toJson())

    companion object {
        /** The record of [estimator], fitted as [fit]. */
        fun of(estimator: MlpEstimator<*>, fit: MlpEstimator.FittedNetwork): EstimatorRecord {
            val classifier = estimator as? MlpClassifier
            return EstimatorRecord(
                estimator.estimatorName, estimator.getParams(), fit.outActivationName, estimator.lossCurve, estimator.validationScores,
                estimator.bestLoss, estimator.bestValidationScore, estimator.nIter, estimator.converged, estimator.convergenceWarning,
                classifier?.classNames(), classifier?.hasIntClasses() ?: false,
            )
        }

        /** The record in [json] (the model file's `estimator` object); [source] names the file in errors. */
        fun read(json: JsonObject, source: String): EstimatorRecord = try {
            fun doubles(e: JsonElement?) = (e as? JsonArray)?.map { it.jsonPrimitive.doubleOrNull ?: Double.NaN }
            EstimatorRecord(
                type = json.getValue("type").jsonPrimitive.content,
                params = json.getValue("params").jsonObject.mapValues { (_, v) -> value(v) },
                outActivation = json.getValue("outActivation").jsonPrimitive.content,
                lossCurve = doubles(json["lossCurve"]) ?: emptyList(),
                validationScores = doubles(json["validationScores"]),
                bestLoss = (json["bestLoss"] as? JsonPrimitive)?.doubleOrNull,
                bestValidationScore = (json["bestValidationScore"] as? JsonPrimitive)?.doubleOrNull,
                nIter = json.getValue("nIter").jsonPrimitive.int,
                converged = json.getValue("converged").jsonPrimitive.booleanOrNull ?: false,
                convergenceWarning = (json["convergenceWarning"] as? JsonPrimitive)?.takeIf { it.isString }?.content,
                classes = (json["classes"] as? JsonArray)?.map { it.jsonPrimitive.content },
                intClasses = json["intClasses"]?.jsonPrimitive?.booleanOrNull ?: false,
            )
        } catch (e: RuntimeException) {
            throw IllegalArgumentException("$source: \$.estimator is not an estimator record as mlpkit writes it (${e.message}): the file is damaged", e)
        }

        private fun json(value: Any?): JsonElement = when (value) {
            null -> JsonNull
            is Boolean -> JsonPrimitive(value)
            is Double -> if (value == Double.POSITIVE_INFINITY) JsonPrimitive("inf") else JsonPrimitive(value)
            is Number -> JsonPrimitive(value)
            is IntArray -> JsonArray(value.map(::JsonPrimitive))
            is Map<*, *> -> JsonObject(value.entries.associate { (k, v) -> k.toString() to json(v) })
            else -> JsonPrimitive(value.toString())
        }

        private fun value(json: JsonElement): Any? = when {
            json is JsonNull -> null
            json is JsonObject -> json.mapValues { (_, v) -> v.jsonPrimitive.doubleOrNull }
            json is JsonArray -> json.jsonArray.map { it.jsonPrimitive.longOrNull }
            json is JsonPrimitive && json.isString -> if (json.content == "inf") Double.POSITIVE_INFINITY else json.content
            json is JsonPrimitive -> json.booleanOrNull ?: json.content.let { text ->
                if (text.any { it == '.' || it == 'e' || it == 'E' }) text.toDouble() else text.toLong()
            }
            else -> null
        }
    }
}
