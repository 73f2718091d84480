package mlpkit.app.report

import mlpkit.core.concept.Registry
import java.io.PrintStream
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.ExecutionException
import java.util.concurrent.FutureTask
import java.util.concurrent.TimeUnit
import java.util.concurrent.TimeoutException
import mlpkit.app.ExpectationTable
import mlpkit.app.mlpVersion
import mlpkit.dsl.model.writeAtomically
import mlpkit.dsl.resolve.ResolvedData
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.sweep.SweepRow
import kotlin.io.path.isDirectory
import kotlin.io.path.listDirectoryEntries
import kotlin.io.path.name

/**
 * Writes the pictures and `report.html` of a run (or of a sweep and its variations) after the run's own
 * files are safely on disk. Nothing here can lose them: every problem becomes one line on [err],
 * `mlp <command>: could not … ; <what is still there and what to do>`, and the rest is still written.
 */
internal class ReportWriter(
    private val command: String,
    private val err: PrintStream,
    private val budgetSeconds: Long = DEFAULT_BUDGET_SECONDS,
) {
    /**
     * The pictures and report of the run in [directory]. [resolve] finds a spec's data again (the run's
     * seeds), [preResolved] is the data when the caller already has it. Returns the report's path, or null
     * when it could not be written.
     */
    fun writeRun(directory: Path, record: RunRecord, preResolved: ResolvedData?, resolve: (ExperimentSpec) -> ResolvedData): Path? =
        withinBudget(directory) { drawAndWrite(directory, record, preResolved, resolve) }

    private fun drawAndWrite(directory: Path, record: RunRecord, preResolved: ResolvedData?, resolve: (ExperimentSpec) -> ResolvedData): Path? {
        val notes = ArrayList<String>()
        val pictures = RunPictures { problem -> notes += problem; warn(directory, problem) }
            .draw(record, PictureData(record.spec, preResolved, resolve))
            .filter { writes(directory, it.file, notes) { it.write(directory) } }
        val report = directory.resolve(REPORT)
        val written = writes(directory, REPORT, notes) {
            val table = ExpectationTable.of(record.spec.expect, record.metrics.metrics)
            writeAtomically(report, RunReport.html(record, table, pictures, notes, directory.name, mlpVersion()))
        }
        return report.takeIf { written }
    }

    /**
     * The report of every variation found in [sweepDirectory] (sub-directories with a `model.json`), the
     * sweep curve `sweep.png` of the [curveRows] (the variations that ended well) and
     * the sweep's `report.html` with every row. Returns the curve (null when none could be drawn) and the
     * report's path (null when it could not be written).
     */
    fun writeSweep(
        sweepDirectory: Path,
        spec: ExperimentSpec,
        rows: List<SweepRow>,
        curveRows: List<SweepRow>,
        registry: Registry,
        resolve: (ExperimentSpec) -> ResolvedData,
    ): Pair<SweepCurve?, Path?> {
        val notes = ArrayList<String>()
        val variationReports = LinkedHashMap<String, String>()
        val directories = runCatching { sweepDirectory.listDirectoryEntries().filter { it.isDirectory() && Files.isRegularFile(it.resolve("model.json")) } }
            .getOrDefault(emptyList())
        for (directory in directories.sorted()) {
            val record = try {
                RunRecord.read(directory, registry)
            } catch (e: Exception) {
                warn(directory, "could not read the run's files for its report (${e.message})")
                continue
            }
            val variation = rows.firstOrNull { record.spec.name == "${spec.name}-${it.name}" }?.name ?: continue
            writeRun(directory, record, null, resolve)?.let { variationReports[variation] = "${directory.name}/$REPORT" }
        }
        val curve = try {
            spec.sweep?.let { SweepCurve.of(it, curveRows, spec.training.seed) }
        } catch (e: Exception) {
            notes += "could not compute the sweep curve (${e.message})"
            warn(sweepDirectory, notes.last())
            null
        }
        val picture = curve?.let { c ->
            withinBudget(sweepDirectory) {
                RunPictures.guarded({ notes += it; warn(sweepDirectory, it) }, SWEEP_PICTURE) {
                    useHeadlessGraphics()
                    Picture.of(
                        SWEEP_PICTURE, "Sweep curve",
                        "${c.metric} of every variation against ${if (c.axis.numeric) c.axis.title else "the variation"}; ${c.elbowText}.",
                        ChartStyle.render(c.chart(spec.name)),
                    )
                }
            }
        }?.takeIf { writes(sweepDirectory, SWEEP_PICTURE, notes) { it.write(sweepDirectory) } }
        val ranking = SweepRanking.of(rows, registry)
        val search = ranking?.takeIf { spec.sweep?.grid != null }?.let { r ->
            withinBudget(sweepDirectory) {
                RunPictures.guarded({ notes += it; warn(sweepDirectory, it) }, SEARCH_PICTURE) {
                    useHeadlessGraphics()
                    val chart = SearchChart(r)
                    Picture.of(SEARCH_PICTURE, "Search results", chart.caption, ChartStyle.render(chart.chart(spec.name)))
                }
            }
        }?.takeIf { writes(sweepDirectory, SEARCH_PICTURE, notes) { it.write(sweepDirectory) } }
        val report = sweepDirectory.resolve(REPORT)
        val written = writes(sweepDirectory, REPORT, notes) {
            writeAtomically(report, SweepReport.html(spec, rows, curve, picture, variationReports, notes, mlpVersion(), ranking, search))
        }
        return curve to report.takeIf { written }
    }

    /**
     * [block] on a daemon thread, given at most [budgetSeconds]: a chart library stuck on absurd numbers
     * must not keep a finished run from exiting. On time-out the thread is left to die with the process
     * and the run goes on without (the rest of) its pictures.
     */
    private fun <T> withinBudget(directory: Path, block: () -> T?): T? {
        val task = FutureTask(block)
        Thread(task, "mlp-report").apply { isDaemon = true }.start()
        return try {
            task.get(budgetSeconds, TimeUnit.SECONDS)
        } catch (e: TimeoutException) {
            task.cancel(true)
            warn(directory, "gave up drawing the pictures and report after $budgetSeconds s")
            null
        } catch (e: ExecutionException) {
            val cause = e.cause ?: e
            warn(directory, "could not write the pictures and report (${cause.javaClass.simpleName}: ${cause.message})")
            null
        }
    }

    /** Runs [write]; on failure notes and reports it and returns false. */
    private fun writes(directory: Path, file: String, notes: MutableList<String>, write: () -> Unit): Boolean = try {
        write()
        true
    } catch (e: Exception) {
        val problem = "could not write $file (${e.message ?: e.javaClass.simpleName})"
        notes += problem
        warn(directory, problem)
        false
    }

    private fun warn(directory: Path, problem: String) {
        err.println("mlp $command: $problem; the model, history and metrics in $directory are complete (--no-report skips pictures and reports)")
    }

    companion object {
        /** Far more than any run's pictures take (MNIST's, with 128 weight tiles: ~2 s). */
        const val DEFAULT_BUDGET_SECONDS = 120L
        const val REPORT = "report.html"
        const val SWEEP_PICTURE = "sweep.png"

        /** A grid or random search's scores, best first (`SearchChart`). */
        const val SEARCH_PICTURE = "search.png"
    }
}
