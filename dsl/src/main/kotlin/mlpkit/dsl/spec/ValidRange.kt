package mlpkit.dsl.spec

import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.SerialInfo

/**
 * The values a numeric key of an experiment file may take, written once on the spec property:
 * `@ValidRange(min = 1.0, fix = "e.g. 100") val epochs: Int`, `@ValidRange(min = 0.0, max = 1.0, maxExclusive = true, …)`.
 * Bounds are inclusive unless marked exclusive; a bound left out is unbounded. [fix] tells a user who wrote a value
 * outside what to write instead.
 *
 * It is a serial annotation, so it travels in the spec's descriptors: the one generic range check
 * (`mlpkit.dsl.config.RangeChecks`, for files and the DSL alike) and the reference's table of keys
 * (`mlpkit.dsl.config.ConfigKeys`) read it there, and say the range in the words of core's concept parameters
 * (`a whole number ≥ 1`, `a number in [0, 1)`). A key is a whole number when its descriptor says so (Int, Long), or
 * when [whole] says so for a key whose own serializer writes it (batchSize: rows or "full").
 */
@OptIn(ExperimentalSerializationApi::class)
@SerialInfo
@Target(AnnotationTarget.PROPERTY)
annotation class ValidRange(
    val min: Double = Double.NEGATIVE_INFINITY,
    val max: Double = Double.POSITIVE_INFINITY,
    val minExclusive: Boolean = false,
    val maxExclusive: Boolean = false,
    val whole: Boolean = false,
    val fix: String,
)
