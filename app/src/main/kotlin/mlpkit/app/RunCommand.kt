package mlpkit.app

import com.github.ajalt.clikt.core.CliktCommand
import com.github.ajalt.clikt.core.Context
import com.github.ajalt.clikt.parameters.arguments.argument
import com.github.ajalt.clikt.parameters.options.default
import com.github.ajalt.clikt.parameters.options.flag
import com.github.ajalt.clikt.parameters.options.option
import com.github.ajalt.clikt.parameters.types.int
import com.github.ajalt.clikt.parameters.types.long
import com.github.ajalt.clikt.parameters.types.path
import com.github.ajalt.clikt.parameters.types.restrictTo
import java.io.PrintStream
import java.nio.file.Path
import java.util.Locale
import kotlinx.coroutines.runBlocking
import mlpkit.app.report.ReportWriter
import mlpkit.app.report.RunRecord
import mlpkit.app.report.RunReport
import mlpkit.core.distributed.DataParallel
import mlpkit.dsl.Experiment
import mlpkit.dsl.spec.ClusterSpec
import mlpkit.dsl.resolve.DataResolver
import mlpkit.dsl.model.writeAtomically
import mlpkit.dsl.run.RunDirectory
import mlpkit.dsl.run.RunMetrics
import mlpkit.app.report.SweepRanking
import mlpkit.dsl.sweep.SweepRunner
import mlpkit.dsl.sweep.SweepStatus
import mlpkit.dsl.spec.Expectation
import mlpkit.dsl.spec.TargetScaling
import mlpkit.dsl.train.StopReason
import mlpkit.dsl.train.TrainingEvent
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import mlpkit.dsl.train.TrainingResult
import mlpkit.dsl.train.TrainingRun
import mlpkit.dsl.verify.ExpectationOutcome

/**
 * `mlp run FILE [--epochs N] [--seed S] [--out DIR] [--resume RUN_DIR] [--spark MASTER] [--quiet]` (and `mlp verify`,
 * which also fails with exit status 1 when an `expect` figure is not reached).
 */
class RunCommand(
    private val out: PrintStream,
    private val err: PrintStream,
    private val verify: Boolean = false,
) : CliktCommand(name = if (verify) "verify" else "run") {
    private val file by argument(name = "FILE", help = "the experiment: FILE.json or FILE.mlp.kts").path()
    private val epochs by option("--epochs", metavar = "N", help = "override the number of epochs").int().restrictTo(min = 1)
    private val seed by option("--seed", metavar = "S", help = "override the run's seed").long()
    private val outRoot by option("--out", metavar = "DIR", help = "where run directories are created").path().default(Path.of("runs"))
    private val resume by option("--resume", metavar = "RUN_DIR", help = "continue this run from its last checkpoint").path()
    private val quiet by option("--quiet", help = "print only the final summary").flag()
    private val spark by option(
        "--spark", metavar = "MASTER",
        help = "train on Apache Spark at MASTER (local[2], spark://host:7077; under spark-submit, its --master wins, and submit names it): " +
            "sets the experiment's cluster master, engine spark",
    )
    private val noReport by option("--no-report", help = "skip the PNG pictures and report.html (faster; the model, history and metrics are written as always)").flag()

    override fun help(context: Context) = if (verify) {
        """
        Run an experiment and check its expect { } figures: exit 1 when one is not reached, 0 when all are.

        Prints a table (metric, the article's figure, our bar, our value, pass/FAIL).

        Writes the same run directory as mlp run, with its pictures and report.html.
        """.trimIndent()
    } else {
        """
        Train an experiment and write its run directory: model, history, metrics, pictures and report.

        Writes runs/<name>-<time>/: model.json, history.csv, metrics.json, spec.json, PNG pictures (loss and
        accuracy curves, ROC, confusion matrix, decision regions for 2-D inputs, first-layer weight tiles for
        images; residuals and predicted against actual values for regression) and a self-contained report.html;
        --no-report skips the pictures and the report.

        One line per epoch (a progress bar with ETA on a terminal). Ctrl-C or SIGTERM stops after the current
        batch, writes everything a finished run writes (marked "interrupted at epoch N") and exits with 130 or
        143; a second one quits at once. With a checkpoint callback, --resume RUN_DIR continues an interrupted
        run; its final weights equal those of an uninterrupted run.
        """.trimIndent()
    }

    override fun run() = StopOnSignals.install(commandName, err).use { run(it) }

    /** The run (or sweep) under [signals]: see [StopOnSignals] for what Ctrl-C and SIGTERM do in each phase. */
    private fun run(signals: StopOnSignals) {
        val experiment = withOverrides(ExperimentLoader.load(file))
        val resolver = experimentDataResolver(file)
        // mlp check's validation, before any directory is created: nothing is written for an experiment that cannot run.
        val data = if (resume == null) validateExperiment(experiment.spec, file, experiment.registry) else null
        requireRunnable(experiment.spec, file)
        data?.let { printTableColumns(it) }
        val cluster = experiment.spec.cluster
        if (cluster != null && resume != null) throw InvalidInput("mlp $commandName: --resume continues a run here: resume it without --spark and without a cluster block")
        if (cluster != null && experiment.spec.validation != null) {
            throw InvalidInput("mlp $commandName: a cross-validation runs here, not on a cluster: remove --spark or the cluster block")
        }
        val engine = cluster?.let { EngineConnection.connect(commandName, it) }
        try {
            run(experiment, resolver, data, signals, engine)
        } finally {
            engine?.close()
        }
    }

    /** The run, sweep or cross-validation of [experiment], on [engine] when it has a cluster block. */
    private fun run(experiment: Experiment, resolver: DataResolver, data: mlpkit.dsl.resolve.ResolvedData?, signals: StopOnSignals, engine: DataParallel?) {
        if (experiment.spec.sweep != null) return runSweep(experiment, resolver, signals, engine)
        if (experiment.spec.validation != null) {
            if (resume != null) throw InvalidInput("mlp $commandName: --resume continues a single run; run the cross-validation again")
            return CrossValidationRun(commandName, out, err, outRoot, file, quiet, noReport, verify, refit = false).run(experiment, resolver, signals)
        }
        val stopSignal = signals.stopSignal
        val resumeDir = resume
        val directory = signals.startRun {
            asInvalidInput(commandName) {
                if (resumeDir != null) RunDirectory.open(resumeDir) else RunDirectory.create(outRoot, experiment.spec.name)
            }
        }
        val trainingRun = asInvalidInput(commandName) {
            if (resumeDir != null) {
                directory.resume(experiment.hooks, resolver, stopSignal, experiment.registry) { err.println("note: $it") }
            } else {
                // The data checked above is the data trained on: it is loaded once.
                TrainingRun(experiment, directory, resolver, stopSignal, data).let { run -> engine?.let(run::on) ?: run }
            }
        }
        val result = train(trainingRun)
        signals.finishing()
        printSummary(result, experiment)
        if (experiment.spec.data.source is mlpkit.dsl.spec.DataSource.Spark) {
            out.println("report: not written (its pictures need the rows, which stay on the cluster)")
        } else if (!noReport) {
            // The run's own spec (after overrides, or from the checkpoint on --resume) is what its data comes from.
            val preResolved = data.takeIf { result.model.file.spec == experiment.spec }
            ReportWriter(commandName, err).writeRun(directory.path, RunRecord.of(result, experiment.registry), preResolved) { resolveData(it, file, commandName) }
                ?.let { out.println("report: $it") }
        }
        out.println("run directory: ${directory.path}")
        val failed = failedExpectations(experiment.spec.expect, result)
        signals.exitStatus?.let { throw com.github.ajalt.clikt.core.ProgramResult(it) }
        when {
            result.reason.divergence != null -> throw com.github.ajalt.clikt.core.ProgramResult(ExitCode.CHECK_FAILED)
            verify && failed.isNotEmpty() -> throw com.github.ajalt.clikt.core.ProgramResult(ExitCode.CHECK_FAILED)
        }
    }

    /** For a table source: what each column became (and whether its role was inferred), and rows left out. */
    private fun printTableColumns(data: mlpkit.dsl.resolve.ResolvedData) {
        val pipeline = data.pipeline ?: return
        out.println("columns (fitted on the ${data.train.size} training rows):")
        pipeline.describe().lines().forEach { out.println("  $it") }
        data.notes.forEach { out.println("note: $it") }
    }

    /**
     * A sweep: every variation in its own run directory under one sweep directory, then a summary row each.
     * It fails soft: a variation that fails or diverges is a row with its status and reason, the others go
     * on, `summary.csv` is always written, the report and curve show the good rows, and stderr names each
     * failed variation with its run directory; then the exit status is [ExitCode.CHECK_FAILED] (1), as for a
     * single run that diverged. Ctrl-C or SIGTERM ([signals]) stops the sweep politely (the running
     * variations after their batch, the others not started, all of them rows of summary.csv), and the command
     * then ends with 130 / 143.
     */
    private fun runSweep(experiment: Experiment, resolver: DataResolver, signals: StopOnSignals, engine: DataParallel?) {
        if (resume != null) throw InvalidInput("mlp $commandName: --resume continues a single run; resume a sweep's variations one by one")
        val sweepDirectory = signals.startRun { asInvalidInput(commandName) { RunDirectory.create(outRoot, experiment.spec.name) } }
        val runner = SweepRunner(resolver, sweepDirectory.path, experiment.hooks, experiment.registry, engine)
        val rows = runBlocking {
            runner.run(experiment.spec, signals.stopSignal) { row ->
                if (!quiet) {
                    out.println(
                        if (row.status == SweepStatus.OK) "finished ${row.name}: ${metricsText(row.metrics)}" else "finished ${row.name}: ${row.status.label}: ${row.message}",
                    )
                }
            }
        }
        signals.finishing()
        val summary = sweepSummary(rows)
        asInvalidInput(commandName) { writeAtomically(sweepDirectory.path.resolve("summary.csv"), summary) }
        out.print(summary)
        SweepRanking.of(rows, experiment.registry)?.let { out.print(it.text()) }
        if (!noReport) {
            val good = rows.filter { it.status == SweepStatus.OK }
            val (curve, report) = ReportWriter(commandName, err).writeSweep(sweepDirectory.path, experiment.spec, rows, good, experiment.registry) {
                resolveData(it, file, commandName)
            }
            curve?.let { out.println("sweep curve: ${it.metric} against ${if (it.axis.numeric) it.axis.title else "the variation"}; ${it.elbowText}") }
            report?.let { out.println("report: $it") }
        }
        out.println("sweep directory: ${sweepDirectory.path}")
        val failed = rows.filter { it.status.isFailure }
        for (row in failed) {
            err.println("mlp $commandName: variation ${row.name} ${row.status.label}: ${row.message}" + (row.directory?.let { " (run directory: $it)" } ?: ""))
        }
        signals.exitStatus?.let { throw com.github.ajalt.clikt.core.ProgramResult(it) }
        if (failed.isNotEmpty()) {
            err.println("mlp $commandName: ${failed.size} of ${rows.size} variations did not finish; the others' results are in ${sweepDirectory.path.resolve("summary.csv")}")
            throw com.github.ajalt.clikt.core.ProgramResult(ExitCode.CHECK_FAILED)
        }
    }

    private fun metricsText(metrics: Map<String, Double>) =
        metrics.entries.joinToString("  ") { (k, v) -> String.format(Locale.ROOT, "%s %.6f", k, v) }

    private fun withOverrides(experiment: Experiment): Experiment {
        val training = experiment.spec.training.let { t -> t.copy(epochs = epochs ?: t.epochs, seed = seed ?: t.seed) }
        val cluster = spark?.let { master -> experiment.spec.cluster?.copy(master = master, engine = SPARK) ?: ClusterSpec(master, SPARK) } ?: experiment.spec.cluster
        return Experiment(experiment.spec.copy(training = training, cluster = cluster), experiment.hooks, experiment.registry)
    }

    /**
     * Trains [run], showing its progress: on a terminal, one line redrawn at most 10 times a second by a timer
     * ([ProgressDisplay]: the batches of the epoch, the validation metrics, the ETA); otherwise one line per epoch.
     */
    private fun train(run: TrainingRun): TrainingResult = runBlocking {
        val total = run.experiment.spec.training.epochs
        val display = if (!quiet && out === System.out && ProgressDisplay.onTerminal()) {
            ProgressDisplay(total, run.progress::position, { run.progress.batchesPerEpoch }, out::print, System::nanoTime)
        } else {
            null
        }
        val timer = display?.let { shown ->
            Executors.newSingleThreadScheduledExecutor { task -> Thread(task, "mlp-progress").apply { isDaemon = true } }
                .also { it.scheduleAtFixedRate(shown::tick, 0, 100, TimeUnit.MILLISECONDS) }
        }
        try {
            asInvalidInput(commandName) {
                run.train { event ->
                    if (event is TrainingEvent.EpochEnd && !quiet) {
                        if (display != null) display.epochEnded(event) else out.println(epochLine(event, total))
                    }
                }
            }
        } finally {
            timer?.shutdownNow()
            timer?.awaitTermination(1, TimeUnit.SECONDS)
            display?.finish()
        }
    }

    private fun printSummary(result: TrainingResult, experiment: Experiment) {
        out.println(
            when (val reason = result.reason) {
                StopReason.Completed -> "finished ${result.epochs} epochs"
                is StopReason.EarlyStopped -> "early stopping after epoch ${reason.epoch} (best epoch ${reason.bestEpoch})"
                is StopReason.NonFinite -> "stopped: ${reason.message}"
                is StopReason.Diverged -> "stopped: ${reason.message}"
                StopReason.Cancelled -> "stopped: ${RunMetrics.interruption(result)} (${result.epochs} epochs complete)"
                is StopReason.SolverStopped -> reason.summary
            } + (result.restoredEpoch?.let { "; weights restored from epoch $it" } ?: ""),
        )
        MetricLines.of(result.metrics).forEach(out::println)
        if (experiment.spec.data.targetScaling != TargetScaling.NONE) out.println("  " + RunReport.SCALED_TARGETS_NOTE)
        result.weights?.let { out.println("  trained with " + it.describe(experiment.spec.training.classWeight)) }
        result.trainedOn?.let { out.println("  trained on $it") }
        result.notes.forEach { out.println("  note: $it") }
        if (verify) {
            printExpectationTable(ExpectationTable.of(experiment.spec.expect, result.metrics))
        } else {
            for (expectation in experiment.spec.expect) out.println(expectationLine(expectation, result))
        }
    }

    /** verify's verdict: the table, then one line that says whether every expectation was met. */
    private fun printExpectationTable(table: ExpectationTable) {
        if (table.outcomes.isEmpty()) {
            out.println("verify: the experiment has no expect block, so there is nothing to check; add one to make verify meaningful")
            return
        }
        out.println()
        out.println(table.toText())
        out.println()
        out.println(
            if (table.allPassed) {
                "verify: all ${table.outcomes.size} expectations met"
            } else {
                "verify: ${table.failed} of ${table.outcomes.size} expectations not met (FAIL above)"
            },
        )
    }

    private fun expectationLine(expectation: Expectation, result: TrainingResult): String {
        val outcome = ExpectationOutcome(expectation, result.metrics[expectation.metric])
        val shown = outcome.value?.let { String.format(Locale.ROOT, "%.6f", it) } ?: "not measured"
        return "  expect ${expectation.metric} ${outcome.bar}: $shown ${if (outcome.passed) "ok" else "NOT MET"}"
    }

    private fun failedExpectations(expectations: List<Expectation>, result: TrainingResult) =
        ExpectationOutcome.check(expectations, result.metrics).filterNot { it.passed }

    private companion object {
        /** The engine `--spark` names. */
        const val SPARK = "spark"
    }
}
