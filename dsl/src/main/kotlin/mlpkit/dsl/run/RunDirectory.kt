package mlpkit.dsl.run

import mlpkit.core.concept.Registry
import mlpkit.dsl.EpochHook
import mlpkit.dsl.model.ModelFileException
import mlpkit.dsl.model.ModelJson
import mlpkit.dsl.model.writeAtomically
import mlpkit.dsl.resolve.DataResolver
import mlpkit.dsl.spec.ExperimentSpec
import mlpkit.dsl.spec.SpecJson
import mlpkit.dsl.train.RunRecorder
import mlpkit.dsl.train.HistoryLog
import mlpkit.dsl.model.HistoryRow
import mlpkit.dsl.train.StopSignal
import mlpkit.dsl.train.TrainingCheckpoint
import mlpkit.dsl.train.TrainingResult
import mlpkit.dsl.train.TrainingRun
import mlpkit.data.io.CannotWriteException
import java.io.IOException
import java.nio.file.FileAlreadyExistsException
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardOpenOption
import java.time.Clock
import java.time.LocalDateTime
import java.time.format.DateTimeFormatter

/**
 * The record of one run, `runs/<name>-<yyyyMMdd-HHmmss>/`:
 *
 * - `spec.json`: the experiment as it was run (written at the start);
 * - `checkpoint/checkpoint.json`: the latest checkpoint (weights, optimiser state, generator states,
 *   epoch, spec), when the run has a checkpoint callback; [resume] continues from it;
 * - `checkpoint/history.jsonl`: the checkpoint's history, one line per epoch, appended ([HistoryLog]);
 * - `model.json`, `history.csv`, `metrics.json`: written when the run ends (history also at each checkpoint).
 *
 * A checkpoint costs the same at every epoch: the new epochs are appended to the history log and synced,
 * then the state file (which counts the log's rows) is written to a temporary file, synced and renamed over
 * the old one; `history.csv` gets the new lines appended (rewritten when a metric column appears). The first
 * checkpoint a process writes rewrites the log and `history.csv` whole (a resumed run drops what a crash
 * left after the checkpoint it resumed from). Other files are written atomically (a temporary file moved over
 * the old one), so a crash or Ctrl-C never leaves a half-written file behind; an I/O error names the file
 * ([CannotWriteException]).
 */
class RunDirectory private constructor(val path: Path) : RunRecorder {
    val specFile: Path get() = path.resolve("spec.json")
    val modelFile: Path get() = path.resolve("model.json")
    val historyFile: Path get() = path.resolve("history.csv")
    val metricsFile: Path get() = path.resolve("metrics.json")
    val checkpointFile: Path get() = path.resolve("checkpoint").resolve("checkpoint.json")

    override fun started(spec: ExperimentSpec) = writeAtomically(specFile, SpecJson.encode(spec))

    val historyLogFile: Path get() = HistoryLog.beside(checkpointFile)

    /** Rows of the history log and of `history.csv` this process wrote (null: not yet, so the first checkpoint rewrites them). */
    private var logRows: Int? = null
    private var csvRows: Int? = null
    private var csvColumns: Set<String> = emptySet()

    override fun checkpoint(checkpoint: TrainingCheckpoint) {
        val history = checkpoint.model.history
        val logged = logRows
        if (logged == null || logged > history.size) HistoryLog.rewrite(historyLogFile, history) else HistoryLog.append(historyLogFile, history.subList(logged, history.size))
        logRows = history.size
        mlpkit.data.io.writeAtomically(checkpointFile) { it.write(checkpoint.withHistoryApart().encode().toByteArray(Charsets.UTF_8)) }
        writeHistoryCsv(history)
    }

    /** Appends the new rows to `history.csv`, or writes it whole when this process has not written it yet or a column appears. */
    private fun writeHistoryCsv(history: List<HistoryRow>) {
        val written = csvRows
        val rows = if (written == null || written > history.size) null else history.subList(written, history.size)
        if (rows != null && csvColumns.containsAll(HistoryCsv.columns(rows))) {
            try {
                Files.writeString(historyFile, HistoryCsv.lines(rows, csvColumns), StandardOpenOption.APPEND)
            } catch (e: IOException) {
                throw CannotWriteException.of(historyFile, e)
            }
        } else {
            writeAtomically(historyFile, HistoryCsv.format(history))
            csvColumns = HistoryCsv.columns(history)
        }
        csvRows = history.size
    }

    override fun finished(result: TrainingResult) {
        result.model.save(modelFile)
        writeAtomically(historyFile, HistoryCsv.format(result.history))
        writeAtomically(metricsFile, ModelJson.format.encodeToString(RunMetrics.serializer(), RunMetrics.of(result)))
    }

    /** The latest checkpoint, or a [ModelFileException] saying there is none or what is wrong with it; [registry] reads its concepts. */
    @JvmOverloads
    fun latestCheckpoint(registry: Registry = Registry.builtIns()): TrainingCheckpoint {
        if (!Files.isRegularFile(checkpointFile)) {
            throw ModelFileException(
                "$path: no checkpoint to resume from ($checkpointFile does not exist): the run has no checkpoint callback, " +
                    "or stopped before its first checkpoint; add checkpoint(every = …) and run again",
            )
        }
        return TrainingCheckpoint.read(checkpointFile, registry)
    }

    /**
     * A run that continues this one from its latest checkpoint and records into this directory. Its final
     * weights equal those of a run that was never interrupted, bit for bit. [hooks] are the Kotlin hooks
     * (they are not stored); [registry] reads the checkpoint's concepts (a script's own activation with them);
     * [resolver] must find the same data (paths relative to its base directory); [onNote] hears what reading the
     * checkpoint dropped (a torn last line of its history log after a crash).
     */
    @JvmOverloads
    fun resume(
        hooks: List<EpochHook> = emptyList(),
        resolver: DataResolver = DataResolver(),
        stopSignal: StopSignal? = null,
        registry: Registry = Registry.builtIns(),
        onNote: (String) -> Unit = {},
    ): TrainingRun {
        val checkpoint = latestCheckpoint(registry)
        checkpoint.notes.forEach(onNote)
        return TrainingRun.resuming(checkpoint, hooks, registry, this, resolver, stopSignal)
    }

    override fun toString(): String = path.toString()

    companion object {
        private val TIMESTAMP: DateTimeFormatter = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")

        /**
         * A new directory `<root>/<name>-<yyyyMMdd-HHmmss>` (with `-2`, `-3`, … when a run of that name
         * started in the same second). Characters other than letters, digits, `.`, `_` and `-` in [name]
         * become `-`.
         */
        @JvmStatic
        @JvmOverloads
        fun create(root: Path, name: String, clock: Clock = Clock.systemDefaultZone()): RunDirectory {
            try {
                Files.createDirectories(root)
            } catch (e: IOException) {
                throw CannotWriteException.of(root, e)
            }
            val base = "${safeName(name)}-${LocalDateTime.now(clock).format(TIMESTAMP)}"
            var attempt = 1
            while (true) {
                val candidate = root.resolve(if (attempt == 1) base else "$base-$attempt")
                try {
                    return RunDirectory(Files.createDirectory(candidate))
                } catch (e: FileAlreadyExistsException) {
                    attempt++ // another run of that name started in the same second
                } catch (e: IOException) {
                    throw CannotWriteException.of(candidate, e)
                }
            }
        }

        /** An existing run directory (to resume it or read its files). */
        @JvmStatic
        fun open(path: Path): RunDirectory {
            require(Files.isDirectory(path)) { "$path: no such run directory" }
            return RunDirectory(path)
        }

        internal fun safeName(name: String): String =
            name.replace(Regex("[^A-Za-z0-9._-]+"), "-").trim('-').ifEmpty { "run" }
    }
}
