package mlpkit.app

import java.util.Locale
import kotlin.math.abs
import mlpkit.dsl.spec.Expectation
import mlpkit.dsl.verify.ExpectationOutcome

/**
 * The expectations of a run side by side with the source article: metric, the article's figure, our bar
 * (the bound written in the experiment), our value, and whether it passed. `mlp verify` prints it, the
 * report shows it.
 */
internal class ExpectationTable(val outcomes: List<ExpectationOutcome>) {
    val allPassed: Boolean get() = outcomes.all { it.passed }
    val failed: Int get() = outcomes.count { !it.passed }

    /** One row per expectation, cells as [HEADER]: the article's figure is `–` when the file gives none. */
    val rows: List<List<String>>
        get() = outcomes.map { outcome ->
            listOf(
                outcome.expectation.metric,
                outcome.expectation.article?.let(::figure) ?: "–",
                outcome.bar,
                outcome.value?.let(::figure) ?: "not measured",
                if (outcome.passed) PASS else FAIL,
            )
        }

    /** The table as aligned plain text, header first, one line per expectation. */
    fun toText(): String {
        val all = listOf(HEADER) + rows
        val widths = HEADER.indices.map { column -> all.maxOf { it[column].length } }
        return all.joinToString("\n") { row ->
            row.mapIndexed { column, cell -> if (column == row.lastIndex) cell else cell.padEnd(widths[column]) }.joinToString("  ")
        }
    }

    companion object {
        val HEADER = listOf("metric", "article", "our bar", "ours", "result")
        const val PASS = "pass"
        const val FAIL = "FAIL"

        fun of(expectations: List<Expectation>, metrics: Map<String, Double>) = ExpectationTable(ExpectationOutcome.check(expectations, metrics))

        /** Four decimals, enough for the articles' figures (0.7866); tiny values (a loss of 3e-5) in scientific form. */
        fun figure(value: Double): String = when {
            value.isNaN() -> "NaN"
            value != 0.0 && abs(value) < 1e-3 -> String.format(Locale.ROOT, "%.3e", value)
            else -> String.format(Locale.ROOT, "%.4f", value)
        }
    }
}
