package mlpkit.app.report

import mlpkit.app.ExpectationTable
import mlpkit.app.report.RunReport.figure
import mlpkit.app.report.RunReport.section
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.SpecJson
import mlpkit.dsl.sweep.SweepRow

/**
 * A sweep directory's `report.html`: the sweep curve with its elbow (and how the elbow is defined), the ranking of the
 * variations (with, for a grid or random search, the [SearchChart] of their scores best first), one
 * row per variation (its status, and why when it failed) with a link to that variation's own report, and
 * the sweep's spec. Self-contained
 * like a run's report; the only links are relative ones to the variations' reports beside it.
 */
internal object SweepReport {
    fun html(
        spec: ExperimentSpec,
        rows: List<SweepRow>,
        curve: SweepCurve?,
        picture: Picture?,
        variationReports: Map<String, String>,
        notes: List<String>,
        version: String,
        ranking: SweepRanking? = null,
        search: Picture? = null,
    ): String = RunReport.page("${spec.name}: mlp sweep report") {
        append("<h1>Sweep ").append(html(spec.name)).append("</h1>\n")
        append("<p class=\"meta\">").append(rows.size).append(" variations of one experiment, each an independent, fully seeded run.</p>\n")
        section("sweep-curve", "Sweep curve") {
            if (curve == null) {
                append("<p>No curve: no metric (test_auc, test_accuracy, … train_loss) was measured in every variation that ended ok, or fewer than two did.</p>\n")
            } else {
                append("<p>").append(html("${curve.metric} against ${if (curve.axis.numeric) curve.axis.title else "the variation"}; ${curve.elbowText}."))
                    .append("</p>\n")
                append("<p>").append(html(ELBOW_DEFINITION)).append("</p>\n")
            }
            picture?.let { figure(it) }
            if (notes.isNotEmpty()) {
                append("<ul class=\"notes\">\n")
                for (note in notes) append("<li>").append(html(note)).append("</li>\n")
                append("</ul>\n")
            }
        }
        ranking?.let { r ->
            section("ranking", "Variations by ${r.metric}") {
                append("<p>").append(html("The variations that ended ok, best ${r.metric} first (equal scores share the smaller rank).")).append("</p>\n")
                append("<div class=\"scroll\"><table>\n<tr><th>rank</th><th>").append(html(r.metric)).append("</th><th>variation</th></tr>\n")
                r.rows.forEachIndexed { i, row ->
                    append("<tr><td class=\"num\">").append(r.ranks[i]).append("</td><td class=\"num\">").append(html(r.score(row)))
                        .append("</td><td>").append(html(row.name)).append("</td></tr>\n")
                }
                append("</table></div>\n")
                search?.let { figure(it) }
            }
        }
        section("variations", "Variations") {
            val metrics = rows.flatMap { it.metrics.keys }.distinct()
            append("<div class=\"scroll\"><table>\n<tr><th>variation</th>")
            for (name in metrics) append("<th>").append(html(name)).append("</th>")
            append("<th>status</th><th>network</th></tr>\n")
            for (row in rows) {
                val link = variationReports[row.name]
                append("<tr><td>")
                if (link != null) append("<a href=\"").append(html(link)).append("\">").append(html(row.name)).append("</a>") else append(html(row.name))
                append("</td>")
                for (name in metrics) {
                    append("<td class=\"num\">").append(row.metrics[name]?.let { html(ExpectationTable.figure(it)) } ?: "").append("</td>")
                }
                val status = listOfNotNull(row.status.label, row.stopped?.takeIf { it != row.status.label }, row.message).joinToString(": ")
                append("<td>").append(html(status)).append("</td>")
                append("<td class=\"notation\"><code>").append(html(row.notation)).append("</code></td></tr>\n")
            }
            append("</table></div>\n")
            append("<p>Each variation's name links to its own report (pictures, classification reports, spec).</p>\n")
        }
        section("spec", "Experiment (as run)") {
            append("<pre>").append(html(SpecJson.encode(spec))).append("</pre>\n")
        }
        append("<footer>Written by mlp ").append(html(version)).append(". The numbers are those of <code>summary.csv</code> in this directory.</footer>\n")
    }

    const val ELBOW_DEFINITION =
        "The elbow is Kneedle's knee (Satopää et al. 2011) without smoothing: with both axes scaled to [0, 1] " +
            "(a loss turned round so that up is better), it is the point furthest above the straight line from the first " +
            "to the last point: where the curve stops paying off."
}
