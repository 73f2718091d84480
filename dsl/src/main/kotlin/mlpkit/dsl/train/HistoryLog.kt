package mlpkit.dsl.train

import mlpkit.data.io.CannotWriteException
import mlpkit.data.io.writeAtomically
import mlpkit.dsl.model.HistoryRow
import mlpkit.dsl.model.ModelFileException
import mlpkit.dsl.model.ModelJson
import kotlinx.serialization.json.Json
import java.io.IOException
import java.nio.ByteBuffer
import java.nio.channels.FileChannel
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardOpenOption

/**
 * A checkpoint's training history, kept apart from its state file so that a checkpoint costs the same at
 * epoch 10 and at epoch 10,000: one JSON line per epoch ([HistoryRow] as in model files, so the doubles read
 * back bit for bit), appended before the state file that counts its rows is renamed into place
 * ([TrainingCheckpoint.historyRows]).
 *
 * A process that dies can leave the log longer than its checkpoint (rows appended, state file not yet renamed)
 * or with a torn last line (the write interrupted); [read] keeps the first rows the checkpoint counts and says
 * what it dropped. Nothing is forced to the disk (an fsync per checkpoint would cost more than a short epoch):
 * after a power cut the system may have kept the renamed state file but not the last rows it counts, and a log
 * shorter than the count is damaged: no resume can be exact from it, and [read] says so.
 */
object HistoryLog {
    const val FILE_NAME: String = "history.jsonl"

    /** The log beside [checkpointFile]. */
    fun beside(checkpointFile: Path): Path = checkpointFile.resolveSibling(FILE_NAME)

    /** Appends [rows] to [log]. */
    fun append(log: Path, rows: List<HistoryRow>) {
        if (rows.isEmpty()) return
        try {
            FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND).use { channel ->
                val bytes = ByteBuffer.wrap(lines(rows).toByteArray(Charsets.UTF_8))
                while (bytes.hasRemaining()) channel.write(bytes)
            }
        } catch (e: IOException) {
            throw CannotWriteException.of(log, e)
        }
    }

    /** Replaces [log] by exactly [rows] (atomically): what a run does at its first checkpoint. */
    fun rewrite(log: Path, rows: List<HistoryRow>) =
        writeAtomically(log) { it.write(lines(rows).toByteArray(Charsets.UTF_8)) }

    /** The first [rows] rows of [log], and a note for each thing dropped after them (a torn line, rows of a later checkpoint). */
    fun read(log: Path, rows: Int): Read {
        val text = try {
            Files.readString(log)
        } catch (e: IOException) {
            throw ModelFileException(
                "$log: the checkpoint's history cannot be read (${e.message ?: e.javaClass.simpleName}); the checkpoint needs its first $rows rows, " +
                    "so the run cannot be resumed exactly: start it again",
                e,
            )
        }
        val notes = ArrayList<String>()
        val lines = text.split('\n')
        // After the last '\n' comes the empty string, or a line whose write was cut short.
        val complete = lines.dropLast(1)
        if (lines.last().isNotEmpty()) notes += "$log: dropped a torn last line (${lines.last().length} characters without an end of line): a write was interrupted"
        val history = ArrayList<HistoryRow>(rows)
        for ((index, line) in complete.withIndex()) {
            if (history.size == rows) break
            history += try {
                json.decodeFromString(HistoryRow.serializer(), line)
            } catch (e: IllegalArgumentException) {
                throw ModelFileException(
                    "$log, line ${index + 1}: expected an epoch of the history as JSON, got '${line.take(60)}' (${e.message?.lineSequence()?.first()}); " +
                        "the checkpoint's history is damaged: start the run again",
                    e,
                )
            }
        }
        if (history.size < rows) {
            throw ModelFileException(
                "$log: the checkpoint counts $rows epochs of history but the file holds ${history.size} complete lines; " +
                    "the history is damaged, so the run cannot be resumed exactly: start it again",
            )
        }
        val later = complete.size - rows
        if (later > 0) notes += "$log: dropped $later epochs written after the checkpoint (the run stopped before its next checkpoint was complete)"
        return Read(history, notes)
    }

    /** Model files' format (doubles that read back bit for bit, NaN of a diverging epoch) on one line. */
    private val json = Json(ModelJson.format) {
        prettyPrint = false
        prettyPrintIndent = "    "
    }

    private fun lines(rows: List<HistoryRow>): String = buildString {
        for (row in rows) append(json.encodeToString(HistoryRow.serializer(), row)).append('\n')
    }

    /** The rows a checkpoint counts, and what was dropped after them. */
    class Read(val rows: List<HistoryRow>, val notes: List<String>)
}
