package mlpkit.dsl.verify

import java.util.Locale
import mlpkit.dsl.spec.Expectation

/**
 * One `expect` line checked against a run's final metrics: the [value] measured (null when the run
 * has no such metric, which fails) and whether it [passed] the bounds.
 */
data class ExpectationOutcome(val expectation: Expectation, val value: Double?) {
    val passed: Boolean
        get() = value != null && !value.isNaN() &&
            (expectation.atLeast == null || value >= expectation.atLeast) &&
            (expectation.atMost == null || value <= expectation.atMost)

    /** The bar as text, e.g. `≥ 0.91` or `≥ 0.2 and ≤ 0.5`. */
    val bar: String
        get() = listOfNotNull(
            expectation.atLeast?.let { "≥ ${plain(it)}" },
            expectation.atMost?.let { "≤ ${plain(it)}" },
        ).joinToString(" and ")

    companion object {
        /** Every expectation checked against [metrics], in the order written. */
        fun check(expectations: List<Expectation>, metrics: Map<String, Double>): List<ExpectationOutcome> =
            expectations.map { ExpectationOutcome(it, metrics[it.metric]) }

        private fun plain(value: Double): String = String.format(Locale.ROOT, "%s", value.toBigDecimal().stripTrailingZeros().toPlainString())
    }
}
