package mlpkit.app.report

import java.util.Base64
import java.util.Locale
import mlpkit.app.ExpectationTable
import mlpkit.app.MetricTable
import mlpkit.dsl.spec.SpecJson

/**
 * A run's `report.html`: one self-contained page (stylesheet inline, pictures as `data:` URIs, no script,
 * no request to anywhere) with the expectation table, the final metrics, the classification reports,
 * the pictures, the network and the experiment spec as it was run.
 *
 * Sections carry ids (`expectations`, `metrics`, `reports`, `pictures`, `network`, `spec`) so scripts
 * and tests can find them.
 */
internal object RunReport {
    /**
     * Under the metrics of a run with `data.targetScaling`: its loss is on the scaled targets (what the network
     * learnt), its regression metrics in the targets' own units, so the loss is not the square of the rmse.
     */
    const val SCALED_TARGETS_NOTE = "The loss is measured on the scaled targets the network learnt (data.targetScaling), " +
        "so it is not the square of rmse; r2, mae, rmse, explained_variance and max_error are in the targets' own units."

    fun html(record: RunRecord, table: ExpectationTable, pictures: List<Picture>, notes: List<String>, directoryName: String, version: String): String {
        val m = record.metrics
        return page("${m.name}: mlp run report") {
            append("<h1>").append(html(m.name)).append("</h1>\n")
            append("<p class=\"meta\">Network <code class=\"notation\">").append(html(m.notation)).append("</code></p>\n")
            append("<p class=\"meta\">").append(html(stopText(record))).append(" · run directory <code>")
                .append(html(directoryName)).append("</code></p>\n")
            m.trainedOn?.let { append("<p class=\"meta\">Trained on ").append(html(it)).append("</p>\n") }

            section("expectations", "Expectations") { expectations(table) }
            section("metrics", "Final metrics") {
                append("<p>Measured after training, in inference mode, on each part of the data.</p>\n")
                if (record.model.targetScaling != null) append("<p>").append(html(SCALED_TARGETS_NOTE)).append("</p>\n")
                m.weights?.let {
                    append("<p>Trained with ").append(html(it)).append(". The losses are unweighted means per row; ")
                        .append("balanced_accuracy and f1 weigh every class by its rows as scikit-learn's scores do.</p>\n")
                }
                metrics(m.metrics)
            }
            section("reports", "Classification reports") {
                if (m.reports.isEmpty()) append("<p>None: this run predicts real values, not classes.</p>\n")
                for ((part, report) in m.reports) {
                    append("<h3>").append(html(part)).append(" part</h3>\n<pre>").append(html(report.trimEnd())).append("</pre>\n")
                }
            }
            section("pictures", "Pictures") {
                if (pictures.isEmpty()) append("<p>No pictures were drawn.</p>\n")
                append("<div class=\"pictures\">\n")
                for (picture in pictures) figure(picture)
                append("</div>\n")
                if (notes.isNotEmpty()) {
                    append("<ul class=\"notes\">\n")
                    for (note in notes) append("<li>").append(html(note)).append("</li>\n")
                    append("</ul>\n")
                }
            }
            section("network", "Network") {
                append("<table>\n")
                row("notation", "<code>${html(m.notation)}</code>")
                row("inputs", record.model.inputSize.toString())
                row("parameters", record.model.parameters.size.toString())
                row("loss", html("${record.model.loss.notation()}, reduction ${record.spec.training.reduction.notation()}"))
                record.model.classNames?.let { row("classes", html(it.joinToString(", "))) }
                append("</table>\n")
            }
            section("spec", "Experiment (as run)") {
                append("<pre>").append(html(SpecJson.encode(record.spec))).append("</pre>\n")
            }
            append("<footer>Written by mlp ").append(html(version)).append(". Every number on this page comes from this run's files ")
                .append("(<code>metrics.json</code>, <code>model.json</code>) in the run directory.</footer>\n")
        }
    }

    /** The page frame shared with the sweep report. */
    fun page(title: String, body: StringBuilder.() -> Unit): String = buildString {
        append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        append("<title>").append(html(title)).append("</title>\n<style>").append(REPORT_CSS).append("</style>\n</head>\n<body>\n<main>\n")
        body()
        append("</main>\n</body>\n</html>\n")
    }

    fun StringBuilder.section(id: String, title: String, content: StringBuilder.() -> Unit) {
        append("<section id=\"").append(id).append("\">\n<h2>").append(html(title)).append("</h2>\n")
        content()
        append("</section>\n")
    }

    fun StringBuilder.figure(picture: Picture) {
        val wide = picture.width > 1000
        append("<figure").append(if (wide) " class=\"wide\"" else "").append(">\n")
        append("<img alt=\"").append(html(picture.title)).append("\" width=\"").append(picture.width)
            .append("\" height=\"").append(picture.height).append("\" src=\"data:image/png;base64,")
            .append(Base64.getEncoder().encodeToString(picture.png)).append("\">\n")
        append("<figcaption><b>").append(html(picture.title)).append("</b> (<code>").append(html(picture.file))
            .append("</code>). ").append(html(picture.caption)).append("</figcaption>\n</figure>\n")
    }

    private fun StringBuilder.expectations(table: ExpectationTable) {
        if (table.outcomes.isEmpty()) {
            append("<p>This experiment has no <code>expect</code> block: nothing to check.</p>\n")
            append("<table class=\"expectations\"><tr>")
            for (h in ExpectationTable.HEADER) append("<th>").append(html(h)).append("</th>")
            append("</tr></table>\n")
            return
        }
        append("<table class=\"expectations\">\n<tr>")
        for (h in ExpectationTable.HEADER) append("<th>").append(html(h)).append("</th>")
        append("</tr>\n")
        for (cells in table.rows) {
            append("<tr>")
            cells.forEachIndexed { i, cell ->
                val cls = when (i) {
                    0 -> ""
                    4 -> if (cell == ExpectationTable.PASS) " class=\"pass\"" else " class=\"fail\""
                    else -> " class=\"num\""
                }
                append("<td").append(cls).append(">").append(html(cell)).append("</td>")
            }
            append("</tr>\n")
        }
        append("</table>\n")
        val verdict = if (table.allPassed) "pass" else "fail"
        val text = if (table.allPassed) "All ${table.outcomes.size} expectations met." else "${table.failed} of ${table.outcomes.size} expectations not met."
        append("<p class=\"verdict ").append(verdict).append("\">").append(html(text)).append("</p>\n")
        append("<p>The article's figure is what the source article reports; our bar is the bound the experiment file sets; ")
            .append("ours is this run's value.</p>\n")
    }

    /** Metrics as a table ([MetricTable]): one row per measure (loss, accuracy, auc), one column per part (train, validation, test). */
    private fun StringBuilder.metrics(metrics: Map<String, Double>) {
        val table = MetricTable.ofRun(metrics)
        append("<table>\n<tr><th>").append(MetricTable.HEADER).append("</th>")
        for (part in table.columns) append("<th>").append(html(part)).append("</th>")
        append("</tr>\n")
        for (row in table.rows) {
            append("<tr><td>").append(html(row.measure)).append("</td>")
            for (cell in row.cells) append("<td class=\"num\">").append(html(cell)).append("</td>")
            append("</tr>\n")
        }
        append("</table>\n")
    }

    private fun StringBuilder.row(name: String, valueHtml: String) {
        append("<tr><th>").append(html(name)).append("</th><td>").append(valueHtml).append("</td></tr>\n")
    }

    private fun stopText(record: RunRecord): String {
        val m = record.metrics
        val how = when (m.stopReason) {
            "completed" -> "Completed ${m.epochs} epochs"
            "early-stopped" -> "Stopped early after epoch ${m.epochs}" + (m.bestEpoch?.let { " (best epoch $it)" } ?: "")
            "non-finite" -> "Stopped: ${m.stopMessage ?: "non-finite loss"}"
            "converged", "solver-stopped" -> "L-BFGS stopped after ${m.epochs} iterations: ${m.stopMessage}"
            "cancelled" -> m.stopped?.let { "Stopped: $it (${m.epochs} epochs complete)" } ?: "Stopped on request after epoch ${m.epochs}"
            else -> "${m.stopReason} after ${m.epochs} epochs"
        }
        return how + (m.restoredEpoch?.let { String.format(Locale.ROOT, "; weights restored from epoch %d", it) } ?: "")
    }
}
