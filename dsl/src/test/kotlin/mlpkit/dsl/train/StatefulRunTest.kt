package mlpkit.dsl.train

import java.nio.file.Files
import java.nio.file.Path
import java.time.Clock
import java.time.Instant
import java.time.ZoneOffset
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.awaitCancellation
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import mlpkit.core.matrix.DenseMatrix
import mlpkit.dsl.EpochHook
import mlpkit.dsl.Experiment
import mlpkit.dsl.experiment
import mlpkit.dsl.model.Model
import mlpkit.dsl.run.RunDirectory
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/**
 * Runs whose state is more than their weights: a batch-normalised network (running mean and variance kept
 * in the model file) trained with a learning rate that drops on a validation plateau (the schedule's
 * counters kept in the checkpoint). Both must come back exactly on resume.
 */
class StatefulRunTest {
    private val clock = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC)

    private fun stateful(): Experiment = experiment("stateful") {
        data { moons(samples = 120, noise = 0.3, randomState = 2); split(validation = 0.25, stratify = true) }
        network { dense(12, relu, weights = heNormal); batchNorm(momentum = 0.9); dense(6, tanh); dense(1, sigmoid) }
        training {
            loss = bce; optimizer = adam(lr = 0.05); epochs = 10; batchSize = 10; seed = 5
            schedule = reduceOnPlateau(monitor = "val_loss", factor = 0.5, patience = 1, minDelta = 0.0)
            checkpoint(every = 1)
        }
    }

    @Test
    fun `a batch-normalised run with a plateau schedule resumed from its checkpoint ends exactly as an uninterrupted one`(
        @TempDir root: Path,
    ) = runBlocking {
        val straight = TrainingRun(stateful(), RunDirectory.create(root, "straight", clock)).fit()
        val rates = straight.history.map { it.learningRate }
        // The plateau schedule must act after the interruption, or restoring its state would be untested.
        assertTrue(rates.drop(STOP_AT).zipWithNext().any { (a, b) -> b < a }, "learning rates $rates drop after epoch $STOP_AT")
        val state = straight.model.file.state
        assertNotNull(state, "a batch-normalised model keeps its running statistics")
        state!!
        assertTrue(state.any { it != 0.0 && it != 1.0 }, "running statistics moved from their start: ${state.toList()}")

        val interrupted = RunDirectory.create(root, "interrupted", clock)
        val stopped = CompletableDeferred<Unit>()
        val hold = EpochHook { report ->
            if (report.epoch == STOP_AT) {
                stopped.complete(Unit)
                awaitCancellation()
            }
        }
        val job = launch(Dispatchers.Default) { TrainingRun(Experiment(stateful().spec, listOf(hold)), interrupted).events().collect { } }
        stopped.await()
        job.cancelAndJoin()
        assertEquals(STOP_AT, interrupted.latestCheckpoint().epoch)
        assertNotNull(interrupted.latestCheckpoint().schedule, "the checkpoint holds the schedule's state")

        val resumed = RunDirectory.open(interrupted.path).resume().fit()
        assertArrayEquals(straight.parameters(), resumed.parameters(), 0.0)
        assertArrayEquals(state, resumed.model.file.state, 0.0, "running statistics after resume")
        assertEquals(rates, resumed.history.map { it.learningRate })
        assertEquals(straight.metrics, resumed.metrics)
    }

    @Test
    fun `a batch-normalised model predicts with its running statistics after it is saved and loaded`(@TempDir root: Path) {
        val result = TrainingRun(stateful(), RunDirectory.create(root, "saved", clock)).fit()
        val x = DenseMatrix.of(arrayOf(doubleArrayOf(0.5, -0.2), doubleArrayOf(-1.0, 0.7), doubleArrayOf(1.8, 0.1)))
        val loaded = Model.load(root.resolve("saved-20261206-100000").resolve("model.json"))
        assertArrayEquals(result.model.predict(x).data(), loaded.predict(x).data(), 0.0)
        assertTrue(Files.readString(root.resolve("saved-20261206-100000").resolve("model.json")).contains("\"state\""))
    }

    private companion object {
        const val STOP_AT = 4
    }
}
