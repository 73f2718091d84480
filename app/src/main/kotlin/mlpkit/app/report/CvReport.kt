package mlpkit.app.report

import mlpkit.app.ExpectationTable
import mlpkit.app.report.RunReport.figure
import mlpkit.app.report.RunReport.section
import mlpkit.dsl.cv.CvResult
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.SpecJson

/**
 * A cross-validation directory's `report.html`: the per-fold chart with the mean ± std, the table of every fold's
 * metrics with their mean and (population) standard deviation, the expectations on `cv_…` names, a link to the
 * refitted model's own report when there is one, and the spec. Self-contained like a run's report.
 */
internal object CvReport {
    fun html(
        spec: ExperimentSpec,
        result: CvResult,
        chart: CvChart?,
        picture: Picture?,
        expectations: ExpectationTable,
        refitReport: String?,
        notes: List<String>,
        version: String,
    ): String = RunReport.page("${spec.name}: mlp cross-validation report") {
        append("<h1>Cross-validation ").append(html(spec.name)).append("</h1>\n")
        append("<p class=\"meta\">").append(html(describe(result))).append("</p>\n")
        section("cv-chart", "Held-out score per fold") {
            if (chart == null) {
                append("<p>No chart: no held-out metric (validation_auc, validation_accuracy, validation_r2, validation_loss) was finite in every fold.</p>\n")
            } else {
                append("<p>").append(html("${chart.metric}: mean ${ExpectationTable.figure(chart.mean)}, std ${ExpectationTable.figure(chart.std)} over ${chart.values.size} folds.")).append("</p>\n")
            }
            picture?.let { figure(it) }
            if (notes.isNotEmpty()) {
                append("<ul class=\"notes\">\n")
                for (note in notes) append("<li>").append(html(note)).append("</li>\n")
                append("</ul>\n")
            }
        }
        section("folds", "Folds") {
            val metrics = result.metricNames
            append("<div class=\"scroll\"><table>\n<tr><th>fold</th><th>repeat</th><th>train rows</th><th>held-out rows</th>")
            for (name in metrics) append("<th>").append(html(name)).append("</th>")
            append("<th>stopped</th></tr>\n")
            for (fold in result.folds) {
                append("<tr><td>").append(fold.number + 1).append("</td><td>").append(fold.repeat + 1).append("</td>")
                append("<td class=\"num\">").append(fold.trainRows.size).append("</td><td class=\"num\">").append(fold.heldOutRows.size).append("</td>")
                for (name in metrics) append("<td class=\"num\">").append(html(ExpectationTable.figure(fold.metrics.getValue(name)))).append("</td>")
                append("<td>").append(html(fold.stopReason)).append("</td></tr>\n")
            }
            for ((label, value) in listOf("mean" to result::mean, "std" to result::std)) {
                append("<tr><th colspan=\"4\">").append(label).append("</th>")
                for (name in metrics) append("<td class=\"num\">").append(html(ExpectationTable.figure(value(name)))).append("</td>")
                append("<td></td></tr>\n")
            }
            append("</table></div>\n")
            append("<p>").append(html(STD_NOTE)).append(" The fold rows of every fold are in <code>cv.json</code>.</p>\n")
        }
        if (expectations.outcomes.isNotEmpty()) {
            section("expectations", "Expectations") {
                append("<pre>").append(html(expectations.toText())).append("</pre>\n")
            }
        }
        if (refitReport != null) {
            section("refit", "Model") {
                append("<p>After the folds the experiment was trained on all its rows: <a href=\"").append(html(refitReport))
                    .append("\">the refitted model's report</a>.</p>\n")
            }
        }
        section("spec", "Experiment (as run)") {
            append("<pre>").append(html(SpecJson.encode(spec))).append("</pre>\n")
        }
        append("<footer>Written by mlp ").append(html(version)).append(". The numbers are those of <code>cv.json</code> in this directory.</footer>\n")
    }

    fun describe(result: CvResult): String =
        "${result.cv} ${if (result.stratified) "stratified " else ""}folds" + (if (result.repeats > 1) " × ${result.repeats} repeats" else "") +
            " (scikit-learn's ${if (result.repeats > 1) "Repeated" else ""}${if (result.stratified) "Stratified" else ""}KFold, shuffled, " +
            "random_state ${result.randomState}); each fold an ordinary run with seed ${result.seed}, scaling fitted on its training rows."

    const val STD_NOTE = "std is the population standard deviation over the folds (numpy's scores.std(), ddof = 0), as scikit-learn users print it."
}
