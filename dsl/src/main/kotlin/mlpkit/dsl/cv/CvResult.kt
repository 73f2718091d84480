package mlpkit.dsl.cv

import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put
import kotlin.math.sqrt

/**
 * One fold's run: fold [number] (0-based, counted across repeats) of repeat [repeat], trained on the source rows
 * [trainRows] and evaluated on [heldOutRows] (its `validation` part), with the run's final [metrics], its [epochs] and
 * how it ended ([stopReason], as `metrics.json` says it).
 */
class FoldResult(
    val number: Int,
    val repeat: Int,
    val trainRows: IntArray,
    val heldOutRows: IntArray,
    val metrics: Map<String, Double>,
    val epochs: Int,
    val stopReason: String,
)

/**
 * A cross-validation's outcome: every fold's metrics and, per metric `m`, the folds' mean as `cv_m` and their
 * standard deviation as `cv_m_std` ([summary]). The standard deviation is the **population** one (divided by the
 * number of folds), as numpy's `scores.std()` that scikit-learn users print beside `scores.mean()`.
 * [randomState] is numpy's seed of the folds (given or drawn from the run's seed); [stratified] whether they keep
 * class proportions.
 */
class CvResult(
    val folds: List<FoldResult>,
    val cv: Int,
    val repeats: Int,
    val randomState: Long,
    val stratified: Boolean,
    val seed: Long,
) {
    /** Metric names every fold reported, in the first fold's order. */
    val metricNames: List<String> = folds.first().metrics.keys.filter { name -> folds.all { name in it.metrics } }

    /** The folds' values of [metric], in fold order. */
    fun values(metric: String): DoubleArray = DoubleArray(folds.size) { folds[it].metrics.getValue(metric) }

    /** The folds' mean of [metric]. */
    fun mean(metric: String): Double = values(metric).average()

    /** The folds' population standard deviation of [metric] (numpy's `std()`, ddof = 0). */
    fun std(metric: String): Double {
        val values = values(metric)
        val mean = values.average()
        return sqrt(values.sumOf { (it - mean) * (it - mean) } / values.size)
    }

    /** `cv_<metric>` → mean and `cv_<metric>_std` → standard deviation, for every metric: what `expect` can bound. */
    val summary: Map<String, Double> = LinkedHashMap<String, Double>().also { map ->
        for (name in metricNames) {
            map[summaryName(name)] = mean(name)
            map[summaryName(name) + STD_SUFFIX] = std(name)
        }
    }

    /** `cv.json`: the settings, the mean and std per metric, and every fold's metrics and rows. */
    fun toJson(): String {
        val json = buildJsonObject {
            put("cv", cv)
            put("repeats", repeats)
            put("randomState", randomState)
            put("stratified", stratified)
            put("seed", seed)
            put("std", "population (numpy's std(), ddof=0)")
            put("mean", buildJsonObject { metricNames.forEach { put(it, number(mean(it))) } })
            put("stdev", buildJsonObject { metricNames.forEach { put(it, number(std(it))) } })
            put("folds", JsonArray(folds.map { fold ->
                buildJsonObject {
                    put("fold", fold.number)
                    put("repeat", fold.repeat)
                    put("epochs", fold.epochs)
                    put("stopReason", fold.stopReason)
                    put("metrics", buildJsonObject { fold.metrics.forEach { (k, v) -> put(k, number(v)) } })
                    put("train", JsonArray(fold.trainRows.map { JsonPrimitive(it) }))
                    put("heldOut", JsonArray(fold.heldOutRows.map { JsonPrimitive(it) }))
                }
            }))
        }
        return PRETTY.encodeToString(kotlinx.serialization.json.JsonObject.serializer(), json) + "\n"
    }

    override fun toString(): String = "CvResult($cv folds × $repeats, randomState $randomState)"

    companion object {
        const val PREFIX = "cv_"
        const val STD_SUFFIX = "_std"

        /** The name of the folds' mean of [metric]: `cv_validation_accuracy`. */
        fun summaryName(metric: String): String = PREFIX + metric

        /** The fold metric a summary name stands for (`cv_validation_accuracy_std` → `validation_accuracy`), or null for another name. */
        fun foldMetric(name: String): String? = name.takeIf { it.startsWith(PREFIX) }?.removePrefix(PREFIX)?.removeSuffix(STD_SUFFIX)

        /** Non-finite values (a diverged fold) as strings, since JSON has no NaN. */
        private fun number(value: Double): JsonPrimitive = if (value.isFinite()) JsonPrimitive(value) else JsonPrimitive(value.toString())

        private val PRETTY = Json { prettyPrint = true; prettyPrintIndent = "  " }
    }
}
