package mlpkit.app

import com.github.ajalt.clikt.core.ProgramResult
import java.io.PrintStream
import java.nio.file.Path
import java.util.Locale
import kotlinx.coroutines.runBlocking
import mlpkit.app.report.ChartStyle
import mlpkit.app.report.CvChart
import mlpkit.app.report.CvReport
import mlpkit.app.report.Picture
import mlpkit.app.report.ReportWriter
import mlpkit.app.report.RunRecord
import mlpkit.app.report.useHeadlessGraphics
import mlpkit.dsl.Experiment
import mlpkit.dsl.cv.CrossValidation
import mlpkit.dsl.cv.CvResult
import mlpkit.dsl.model.writeAtomically
import mlpkit.dsl.resolve.DataResolver
import mlpkit.dsl.run.RunDirectory
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.SpecJson
import mlpkit.dsl.train.TrainingRun

/**
 * A cross-validation from the command line (`mlp cv`, and `mlp run` / `mlp verify` on an experiment with a
 * `validation` block): checks the folds before anything is written, trains them ([CrossValidation]), writes the run
 * directory (`spec.json`, `cv.json`, `cv.png`, `report.html`), prints the table of held-out metrics with their mean
 * and std, and the expectations on `cv_…` names. With [refit] it then trains the experiment on all its rows (less a
 * test part) into the sub-directory `refit-<time>/`, an ordinary run directory with `model.json` and its own
 * report: scikit-learn's `cross_validate` keeps no model, so the model is asked for.
 */
internal class CrossValidationRun(
    private val command: String,
    private val out: PrintStream,
    private val err: PrintStream,
    private val outRoot: Path,
    private val file: Path,
    private val quiet: Boolean,
    private val noReport: Boolean,
    private val verify: Boolean,
    private val refit: Boolean,
) {
    fun run(experiment: Experiment, resolver: DataResolver, signals: StopOnSignals) {
        val spec = experiment.spec
        val cv = CrossValidation(experiment, resolver)
        // The folds' own errors (more stratified folds than a class has rows, …) before any directory is made: exit 2.
        val data = asInvalidInput(command) { cv.data() }
        asInvalidInput(command) { cv.folds(data) }
        val directory = signals.startRun { asInvalidInput(command) { RunDirectory.create(outRoot, spec.name) } }
        asInvalidInput(command) { writeAtomically(directory.path.resolve("spec.json"), SpecJson.format(experiment.registry).encodeToString(ExperimentSpec.serializer(), spec)) }
        val result = asInvalidInput(command) {
            runBlocking {
                cv.run(data, signals.stopSignal) { fold ->
                    if (!quiet) {
                        val shown = fold.metrics.filterKeys { it.startsWith("validation_") }.entries
                            .joinToString("  ") { (k, v) -> String.format(Locale.ROOT, "%s %.6f", k, v) }
                        out.println("finished fold ${fold.number + 1} of ${spec.validation!!.runs}: $shown")
                    }
                }
            }
        }
        asInvalidInput(command) { writeAtomically(directory.path.resolve(CV_FILE), result.toJson()) }
        out.println("cross-validation: ${CvReport.describe(result)}")
        out.print(CvTable.text(result))
        out.println("  (std: population, numpy's std())")
        val table = ExpectationTable.of(spec.expect, result.summary)
        printExpectations(table)
        val refitDirectory = if (refit && signals.exitStatus == null) refit(experiment, resolver, directory, signals) else null
        signals.finishing()
        if (!noReport) writeReport(directory.path, experiment, result, table, refitDirectory)
        out.println("run directory: ${directory.path}")
        signals.exitStatus?.let { throw ProgramResult(it) }
        val diverged = result.folds.filter { it.stopReason == "diverged" || it.stopReason == "non-finite" }
        if (diverged.isNotEmpty()) {
            err.println("mlp $command: ${diverged.size} of ${result.folds.size} folds ${diverged.first().stopReason} (fold ${diverged.first().number + 1}); see ${directory.path.resolve(CV_FILE)}")
            throw ProgramResult(ExitCode.CHECK_FAILED)
        }
        if (verify && !table.allPassed) throw ProgramResult(ExitCode.CHECK_FAILED)
    }

    private fun printExpectations(table: ExpectationTable) {
        if (verify) {
            if (table.outcomes.isEmpty()) {
                out.println("verify: the experiment has no expect block, so there is nothing to check; add one, e.g. cv_validation_accuracy")
                return
            }
            out.println()
            out.println(table.toText())
            out.println()
            out.println(if (table.allPassed) "verify: all ${table.outcomes.size} expectations met" else "verify: ${table.failed} of ${table.outcomes.size} expectations not met (FAIL above)")
        } else {
            for (outcome in table.outcomes) {
                val shown = outcome.value?.let { String.format(Locale.ROOT, "%.6f", it) } ?: "not measured"
                out.println("  expect ${outcome.expectation.metric} ${outcome.bar}: $shown ${if (outcome.passed) "ok" else "NOT MET"}")
            }
        }
    }

    /** The experiment trained on all its rows into `refit-<time>/` below [directory]; returns that directory. */
    private fun refit(experiment: Experiment, resolver: DataResolver, directory: RunDirectory, signals: StopOnSignals): RunDirectory {
        val single = Experiment(experiment.spec.copy(validation = null, expect = emptyList()), experiment.hooks, experiment.registry)
        val refitDirectory = asInvalidInput(command) { RunDirectory.create(directory.path, "refit") }
        val result = asInvalidInput(command) { TrainingRun(single, refitDirectory, resolver, signals.stopSignal).fit() }
        out.println("refit on all rows: ${result.epochs} epochs; model: ${refitDirectory.path.resolve("model.json")}")
        if (!noReport) {
            ReportWriter(command, err).writeRun(refitDirectory.path, RunRecord.of(result, experiment.registry), null) { resolveData(it, file, command) }
        }
        return refitDirectory
    }

    private fun writeReport(directory: Path, experiment: Experiment, result: CvResult, table: ExpectationTable, refitDirectory: RunDirectory?) {
        val notes = ArrayList<String>()
        val chart = CvChart.of(result)
        val picture = chart?.let { c ->
            try {
                useHeadlessGraphics()
                Picture.of(CV_PICTURE, "Held-out score per fold", "${c.metric} of every fold, the mean and mean ± std.", ChartStyle.render(c.chart(experiment.spec.name)))
                    .also { it.write(directory) }
            } catch (e: Exception) {
                notes += "could not draw $CV_PICTURE (${e.message})"
                err.println("mlp $command: ${notes.last()}; cv.json in $directory is complete")
                null
            }
        }
        try {
            val refitReport = refitDirectory?.let { "${it.path.fileName}/${ReportWriter.REPORT}" }
            val html = CvReport.html(experiment.spec, result, chart, picture, table, refitReport, notes, mlpVersion())
            writeAtomically(directory.resolve(ReportWriter.REPORT), html)
            out.println("report: ${directory.resolve(ReportWriter.REPORT)}")
        } catch (e: Exception) {
            err.println("mlp $command: could not write ${ReportWriter.REPORT} (${e.message}); cv.json in $directory is complete")
        }
    }

    companion object {
        const val CV_FILE = "cv.json"
        const val CV_PICTURE = "cv.png"
    }
}
