package mlpkit.dsl.run

import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.awaitCancellation
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.serialization.json.int
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import mlpkit.dsl.EpochHook
import mlpkit.dsl.Experiment
import mlpkit.dsl.experiment
import mlpkit.dsl.model.HistoryRow
import mlpkit.dsl.model.ModelFileException
import mlpkit.dsl.model.ModelJson
import mlpkit.dsl.train.HistoryLog
import mlpkit.dsl.train.TrainingRun
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardOpenOption

class CheckpointHistoryLogTest {
    /** A tiny network on 40 moons, full batches, dropout (a generator stream to restore), a checkpoint every epoch. */
    private fun long(epochs: Int) = experiment("long run") {
        data { moons(samples = 40, noise = 0.2, randomState = 3); split(validation = 0.25) }
        network { dense(4, tanh); dropout(0.1); dense(2, softmax) }
        training { loss = softmaxCrossEntropy; optimizer = adam(lr = 0.01); this.epochs = epochs; batchSize = 10; seed = 8; checkpoint(every = 1) }
    }

    private fun row(epoch: Int) = HistoryRow(epoch, 0.1 / epoch, epoch.toLong(), mapOf("train_loss" to 1.0 / 3 + epoch, "validation_loss" to Double.NaN))

    @Test
    fun `a long run killed mid-append and resumed ends bit for bit as an uninterrupted one, its state file without the history`(@TempDir root: Path) = runBlocking {
        val epochs = 150
        val stopAt = 100
        val straight = TrainingRun(long(epochs), RunDirectory.create(root, "straight")).fit()

        val interrupted = RunDirectory.create(root, "interrupted")
        val stopped = CompletableDeferred<Unit>()
        val hold = EpochHook { report -> if (report.epoch == stopAt) { stopped.complete(Unit); awaitCancellation() } }
        val job = launch(Dispatchers.Default) { TrainingRun(Experiment(long(epochs).spec, listOf(hold)), interrupted).events().collect { } }
        stopped.await()
        job.cancelAndJoin()

        // The state file counts the log's rows and holds no history of its own; the log has one line per epoch.
        val state = ModelJson.format.parseToJsonElement(Files.readString(interrupted.checkpointFile)).jsonObject
        assertEquals(stopAt, state.getValue("historyRows").jsonPrimitive.int)
        assertEquals(0, state.getValue("model").jsonObject.getValue("history").jsonArray.size)
        assertEquals(stopAt, Files.readAllLines(interrupted.historyLogFile).size)

        // A crash after the next epoch's line was appended and while another was being written.
        val log = Files.readAllLines(interrupted.historyLogFile)
        Files.writeString(interrupted.historyLogFile, log.last().replace("\"epoch\":$stopAt", "\"epoch\":${stopAt + 1}") + "\n{\"epoch\":${stopAt + 2},\"lear", StandardOpenOption.APPEND)

        val notes = ArrayList<String>()
        val resumed = RunDirectory.open(interrupted.path).resume(onNote = { notes += it }).fit()
        assertEquals(2, notes.size, notes.toString())
        assertTrue("torn last line" in notes[0], notes[0])
        assertTrue("dropped 1 epochs written after the checkpoint" in notes[1], notes[1])
        assertEquals(epochs, resumed.epochs)
        assertArrayEquals(straight.parameters(), resumed.parameters(), 0.0)
        assertEquals(straight.history.map { it.metrics }, resumed.history.map { it.metrics })
        assertEquals((1..epochs).toList(), resumed.history.map { it.epoch })
        // The resumed run's first checkpoint rewrote the log without the crash's leftovers.
        assertEquals((1..epochs).toList(), HistoryLog.read(interrupted.historyLogFile, epochs).rows.map { it.epoch })
        assertEquals(epochs + 1, Files.readAllLines(interrupted.historyFile).size)
        assertEquals(Files.readAllLines(interrupted.historyFile).drop(1).map { it.substringBeforeLast(',') },
            Files.readAllLines(root.resolve(Files.list(root).use { s -> s.filter { it.fileName.toString().startsWith("straight") }.findFirst().get() })
                .resolve("history.csv")).drop(1).map { it.substringBeforeLast(',') })
    }

    @Test
    fun `a history log reads back its rows bit for bit and drops a torn last line and later rows with a note each`(@TempDir dir: Path) {
        val log = dir.resolve(HistoryLog.FILE_NAME)
        HistoryLog.rewrite(log, listOf(row(1), row(2)))
        HistoryLog.append(log, listOf(row(3), row(4)))
        Files.writeString(log, "{\"epoch\":5,", StandardOpenOption.APPEND)

        val read = HistoryLog.read(log, 3)
        assertEquals(listOf(row(1), row(2), row(3)).map { it.copy(metrics = emptyMap()) }, read.rows.map { it.copy(metrics = emptyMap()) })
        assertEquals(1.0 / 3 + 2, read.rows[1].metrics.getValue("train_loss"))
        assertTrue(read.rows[2].metrics.getValue("validation_loss").isNaN())
        assertEquals(listOf(
            "$log: dropped a torn last line (11 characters without an end of line): a write was interrupted",
            "$log: dropped 1 epochs written after the checkpoint (the run stopped before its next checkpoint was complete)",
        ), read.notes)
    }

    @Test
    fun `a history log shorter than its checkpoint counts is refused as damaged`(@TempDir dir: Path) {
        val log = dir.resolve(HistoryLog.FILE_NAME)
        HistoryLog.rewrite(log, listOf(row(1), row(2), row(3)))
        val error = assertThrows<ModelFileException> { HistoryLog.read(log, 5) }
        assertEquals(
            "$log: the checkpoint counts 5 epochs of history but the file holds 3 complete lines; " +
                "the history is damaged, so the run cannot be resumed exactly: start it again",
            error.message,
        )
    }
}
