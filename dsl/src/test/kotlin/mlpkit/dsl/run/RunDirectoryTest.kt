package mlpkit.dsl.run

import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.awaitCancellation
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.serialization.json.double
import kotlinx.serialization.json.int
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import mlpkit.data.idx.IdxArray
import mlpkit.data.idx.IdxWriter
import mlpkit.dsl.EpochHook
import mlpkit.dsl.Experiment
import mlpkit.dsl.experiment
import mlpkit.dsl.model.Model
import mlpkit.dsl.model.ModelFileException
import mlpkit.dsl.model.ModelJson
import mlpkit.dsl.spec.SpecJson
import mlpkit.dsl.train.StopReason
import mlpkit.dsl.train.StopSignal
import mlpkit.data.io.CannotWriteException
import mlpkit.dsl.train.TestExperiments
import mlpkit.dsl.train.TrainingCheckpoint
import mlpkit.dsl.train.TrainingRun
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Files
import java.nio.file.Path
import java.time.Clock
import java.time.Instant
import java.time.ZoneOffset

class RunDirectoryTest {
    private val clock = Clock.fixed(Instant.parse("2024-01-02T03:04:05Z"), ZoneOffset.UTC)

    /** Shuffled batches, dropout, Adam, a validation split, early stopping with restore best and checkpoints every 2 epochs. */
    private fun resumable(epochs: Int = 6) = experiment("resumable run") {
        data { moons(samples = 200, noise = 0.25, randomState = 4); split(validation = 0.2, test = 0.1); scaling = minMax }
        network { dense(16, relu, weights = heUniform); dropout(0.25); dense(2, softmax) }
        training {
            loss = softmaxCrossEntropy; optimizer = adam(lr = 0.01); this.epochs = epochs; batchSize = 16; seed = 21
            earlyStopping(monitor = "val_loss", patience = 100); checkpoint(every = 2)
        }
    }

    @Test
    fun `a run directory is named after the run and its start time and holds model, history, metrics and spec`(@TempDir root: Path) {
        val directory = RunDirectory.create(root, "resumable run", clock)
        assertEquals(root.resolve("resumable-run-20240102-030405"), directory.path)
        assertEquals(root.resolve("resumable-run-20240102-030405-2"), RunDirectory.create(root, "resumable run", clock).path)

        val experiment = resumable()
        val result = TrainingRun(experiment, directory).fit()

        assertEquals(experiment.spec, SpecJson.decode(Files.readString(directory.specFile)))
        val lines = Files.readAllLines(directory.historyFile)
        assertEquals(
            "epoch,learning_rate,train_loss,train_accuracy,validation_loss,validation_accuracy,validation_auc,duration_ms",
            lines[0],
        )
        assertEquals(7, lines.size)
        val firstRow = lines[1].split(',')
        assertEquals("1", firstRow[0])
        assertEquals(0.01, firstRow[1].toDouble())
        assertEquals(result.history[0].metrics.getValue("train_loss"), firstRow[2].toDouble())

        val metrics = ModelJson.format.parseToJsonElement(Files.readString(directory.metricsFile)).jsonObject
        assertEquals("completed", metrics.getValue("stopReason").jsonPrimitive.content)
        assertEquals(6, metrics.getValue("epochs").jsonPrimitive.int)
        val final = metrics.getValue("metrics").jsonObject
        for (name in listOf("train_accuracy", "validation_loss", "test_accuracy", "test_auc")) {
            assertEquals(result.metric(name), final.getValue(name).jsonPrimitive.double, name)
        }
        assertTrue("precision" in metrics.getValue("reports").jsonObject.getValue("test").jsonPrimitive.content)

        assertArrayEquals(result.parameters(), Model.load(directory.modelFile).file.parameters, 0.0)
        assertEquals(6, TrainingCheckpoint.read(directory.checkpointFile).epoch)
        Files.list(directory.path).use { files -> assertFalse(files.anyMatch { it.fileName.toString().endsWith(".tmp") }) }
    }

    @Test
    fun `resuming after a cancelled run gives the final weights of an uninterrupted run bit for bit`(@TempDir root: Path) = runBlocking {
        val straight = TrainingRun(resumable(), RunDirectory.create(root, "straight", clock)).fit()

        val interrupted = RunDirectory.create(root, "interrupted", clock)
        val fourthEpochDone = CompletableDeferred<Unit>()
        val stopAtFour = EpochHook { report ->
            if (report.epoch == 4) {
                fourthEpochDone.complete(Unit)
                awaitCancellation() // hold the run here until the test cancels it
            }
        }
        val job = launch(Dispatchers.Default) { TrainingRun(Experiment(resumable().spec, listOf(stopAtFour)), interrupted).events().collect { } }
        fourthEpochDone.await()
        job.cancelAndJoin()
        assertEquals(4, interrupted.latestCheckpoint().epoch)
        assertFalse(Files.exists(interrupted.modelFile), "a cancelled run writes no model")

        val resumed = RunDirectory.open(interrupted.path).resume().fit()
        assertEquals(StopReason.Completed, resumed.reason)
        assertEquals(6, resumed.epochs)
        assertArrayEquals(straight.parameters(), resumed.parameters(), 0.0)
        assertEquals(straight.restoredEpoch, resumed.restoredEpoch)
        assertEquals(straight.history.map { it.metrics }, resumed.history.map { it.metrics })
        assertEquals(straight.metrics, resumed.metrics)
        assertEquals(straight.model.file.optimizer!!.step, resumed.model.file.optimizer!!.step)
        assertArrayEquals(straight.parameters(), Model.load(interrupted.modelFile).file.parameters, 0.0)
    }

    /** 40 random 6×6 "images" of two classes as IDX files in [dir], trained with shifts of up to 1 pixel. */
    private fun augmented(dir: Path, shift: Int?) = experiment("augmented") {
        val random = java.util.Random(5)
        val images = dir.resolve("train-images-idx3-ubyte")
        val labels = dir.resolve("train-labels-idx1-ubyte")
        if (!Files.exists(images)) {
            IdxWriter.write(IdxArray.ofUnsignedBytes(intArrayOf(40, 6, 6), ByteArray(40 * 36) { random.nextInt(256).toByte() }), images)
            IdxWriter.write(IdxArray.ofUnsignedBytes(intArrayOf(40), ByteArray(40) { (it % 2).toByte() }), labels)
        }
        data {
            idx(images.toString(), labels.toString())
            split(validation = 0.25)
            scaling = unit
            if (shift != null) augment(shift)
        }
        network { dense(8, relu, weights = heNormal); dense(2, softmax) }
        training { loss = softmaxCrossEntropy; optimizer = sgd(lr = 0.1); epochs = 6; batchSize = 5; seed = 2; checkpoint(every = 1) }
    }

    @Test
    fun `an augmented run resumed from its checkpoint continues the shifts where they stopped, bit for bit`(@TempDir root: Path) = runBlocking {
        val straight = TrainingRun(augmented(root, shift = 1), RunDirectory.create(root, "straight", clock)).fit()
        val unshifted = TrainingRun(augmented(root, shift = null), RunDirectory.create(root, "unshifted", clock)).fit()
        assertFalse(straight.parameters().contentEquals(unshifted.parameters()), "the shifts must change what is learnt")

        val interrupted = RunDirectory.create(root, "interrupted", clock)
        val thirdEpochDone = CompletableDeferred<Unit>()
        val stopAtThree = EpochHook { report ->
            if (report.epoch == 3) {
                thirdEpochDone.complete(Unit)
                awaitCancellation()
            }
        }
        val job = launch(Dispatchers.Default) {
            TrainingRun(Experiment(augmented(root, shift = 1).spec, listOf(stopAtThree)), interrupted).events().collect { }
        }
        thirdEpochDone.await()
        job.cancelAndJoin()
        assertTrue(TrainingCheckpoint.read(interrupted.checkpointFile).augmentRandom != null, "the checkpoint keeps the shifts' stream")

        val resumed = RunDirectory.open(interrupted.path).resume().fit()
        assertArrayEquals(straight.parameters(), resumed.parameters(), 0.0)
        assertEquals(straight.history.map { it.metrics }, resumed.history.map { it.metrics })
    }

    @Test
    fun `resuming from a checkpoint written in the epoch that stopped early does not train further`(@TempDir root: Path) {
        val directory = RunDirectory.create(root, "early", clock)
        val experiment = TestExperiments.overfitting(60) { earlyStopping(monitor = "val_loss", patience = 4); checkpoint(every = 1) }
        val stopped = TrainingRun(experiment, directory).fit()
        val reason = stopped.reason as StopReason.EarlyStopped
        assertEquals(reason.epoch, directory.latestCheckpoint().epoch)

        val resumed = directory.resume().fit()
        assertEquals(reason, resumed.reason)
        assertEquals(stopped.epochs, resumed.epochs)
        assertArrayEquals(stopped.parameters(), resumed.parameters(), 0.0)
    }

    @Test
    fun `resuming a run without a checkpoint says why there is none`(@TempDir root: Path) {
        val directory = RunDirectory.create(root, "empty", clock)
        val e = assertThrows<ModelFileException> { directory.resume() }
        assertTrue("no checkpoint to resume from" in e.message!!, e.message)
    }

    @Test
    fun `run names are made safe for file names`() {
        assertEquals("E3-8-3-sweep", RunDirectory.safeName("E3 [8,3] sweep"))
        assertEquals("run", RunDirectory.safeName("///"))
    }

    @Test
    fun `a run its stop signal ends writes every file and marks metrics json interrupted at the epoch it was in`(@TempDir root: Path) {
        val stop = StopSignal()
        val base = resumable(epochs = 6)
        // Asked to stop at the end of epoch 2: the run stops in the first batch of epoch 3.
        val experiment = Experiment(base.spec, listOf(EpochHook { if (it.epoch == 2) stop.requestStop() }), base.registry)
        val directory = RunDirectory.create(root, "stopped", clock)
        val result = TrainingRun(experiment, directory, stopSignal = stop).fit()

        assertEquals(StopReason.Cancelled, result.reason)
        assertEquals("interrupted at epoch 3", RunMetrics.interruption(result))
        val metrics = ModelJson.format.parseToJsonElement(Files.readString(directory.metricsFile)).jsonObject
        assertEquals("cancelled", metrics.getValue("stopReason").jsonPrimitive.content)
        assertEquals("interrupted at epoch 3", metrics.getValue("stopped").jsonPrimitive.content)
        assertEquals(2, metrics.getValue("epochs").jsonPrimitive.int)
        assertEquals(3, Files.readAllLines(directory.historyFile).size) // header and epochs 1, 2
        assertEquals(SpecJson.encode(base.spec), Files.readString(directory.specFile))
        assertArrayEquals(result.model.file.parameters, Model.load(directory.modelFile).file.parameters, 0.0)
    }

    @Test
    fun `a run that was not interrupted has no stopped mark`(@TempDir root: Path) {
        val directory = RunDirectory.create(root, "whole", clock)
        val result = TrainingRun(resumable(epochs = 1), directory).fit()
        assertEquals(null, RunMetrics.interruption(result))
        assertEquals(null, RunMetrics.of(result).stopped)
        assertFalse("stopped" in ModelJson.format.parseToJsonElement(Files.readString(directory.metricsFile)).jsonObject)
    }

    @Test
    fun `a run directory cannot be created below a regular file, and the message names the file`(@TempDir root: Path) {
        val file = Files.writeString(root.resolve("runs"), "a file")
        val e = assertThrows<CannotWriteException> { RunDirectory.create(file.resolve("more"), "r", clock) }
        assertEquals("${file.resolve("more")}: cannot write ($file is a file, not a directory): move that file away or write elsewhere", e.message)
        val alsoFile = assertThrows<CannotWriteException> { RunDirectory.create(file, "r", clock) }
        assertEquals("$file: cannot write ($file is a file, not a directory): move that file away or write elsewhere", alsoFile.message)
    }

}
