package mlpkit.dsl.train

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
import mlpkit.dsl.EpochHook
import mlpkit.dsl.Experiment
import mlpkit.dsl.experiment
import mlpkit.dsl.run.RunDirectory
import mlpkit.dsl.run.RunMetrics
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertInstanceOf
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/** The divergence guard in real runs: where it stops, what it says, off, and resumed across its state. */
class DivergenceRunTest {
    private val clock = Clock.fixed(Instant.parse("2024-01-02T03:04:05Z"), ZoneOffset.UTC)

    /** make_moons with a learning rate of 10⁶: the sigmoid output saturates and the loss climbs far above its first epoch's. */
    private fun hugeLearningRate(epochs: Int = 30, block: mlpkit.dsl.TrainingBuilder.() -> Unit = {}): Experiment = experiment("diverging") {
        data { moons(samples = 160, noise = 0.2, randomState = 4) }
        network { dense(16, tanh); dense(1, sigmoid) }
        training {
            loss = bce; optimizer = sgd(lr = 1e6); this.epochs = epochs; batchSize = 16; seed = 0
            block()
        }
    }

    @Test
    fun `with lr 1e6 the guard stops the run at the expected epoch, naming the loss, its best and the fix`() {
        val result = TrainingRun(hugeLearningRate()).fit()
        val reason = assertInstanceOf(StopReason.Diverged::class.java, result.reason)
        assertEquals(EXPECTED_EPOCH, reason.epoch)
        assertEquals(EXPECTED_EPOCH, result.epochs, "the epoch that tripped the guard completed")
        assertEquals(result.history[reason.epoch - 1].metrics.getValue("train_loss"), reason.loss)
        // The yardstick is the untrained network's loss (about ln 2 for a binary cross-entropy), not the first epoch's.
        assertEquals(0, reason.bestEpoch)
        assertTrue(reason.best in 0.5..1.0, "${reason.best}")
        assertTrue(result.history.all { it.metrics.getValue("train_loss") > 1e4 }, "the loss is huge from the first epoch on")
        assertTrue(
            Regex("^training loss \\S+ at epoch $EXPECTED_EPOCH is \\S+ × its best \\(0\\.\\d+ before training\\), above 100 × for 2 epochs in a row: " +
                "the run diverged; lower the learning rate \\(lr = 1\\.000e\\+06\\), or change training\\.divergence \\(factor, patience\\) or turn the guard off$")
                .matches(reason.message),
            reason.message,
        )
        assertEquals(reason.message, reason.divergence)
        assertEquals("diverged", RunMetrics.of(result).stopReason)
        assertEquals(reason.message, RunMetrics.of(result).stopMessage)
    }

    @Test
    fun `with the guard off the same run goes on to the end or to a non-finite loss`() {
        val result = TrainingRun(hugeLearningRate { divergence = off }).fit()
        assertTrue(result.reason == StopReason.Completed || result.reason is StopReason.NonFinite, "${result.reason}")
        assertTrue(result.epochs > EXPECTED_EPOCH, "went on past epoch $EXPECTED_EPOCH: ${result.epochs}")
        // The model file records the guard when it is not the default, and leaves the default out (older files' bytes).
        val written = result.model.file.encode()
        assertTrue("\"divergence\": false" in written, written.lines().filter { "divergence" in it }.toString())
        assertEquals(result.model.file.spec, mlpkit.dsl.model.ModelFile.decode(written).spec)
        val guarded = TrainingRun(hugeLearningRate(epochs = 1)).fit().model.file.encode()
        assertTrue("divergence" !in guarded)
    }

    @Test
    fun `a run resumed between two divergent epochs continues the guard's count and stops where the straight run did, bit for bit`(
        @TempDir root: Path,
    ) = runBlocking {
        val guarded: Experiment = hugeLearningRate { divergence(patience = 3); checkpoint(every = 1) }
        val straight = TrainingRun(guarded, RunDirectory.create(root, "straight", clock)).fit()
        val stop = assertInstanceOf(StopReason.Diverged::class.java, straight.reason)
        val firstDivergent = stop.epoch - 2
        assertTrue(firstDivergent > stop.bestEpoch, "$stop")

        // Interrupted after the second divergent epoch: only a guard that remembers the count stops at the next one.
        val interrupted = RunDirectory.create(root, "interrupted", clock)
        val reached = CompletableDeferred<Unit>()
        val holdAt = EpochHook { report ->
            if (report.epoch == stop.epoch - 1) {
                reached.complete(Unit)
                awaitCancellation()
            }
        }
        val job = launch(Dispatchers.Default) { TrainingRun(Experiment(guarded.spec, listOf(holdAt)), interrupted).events().collect { } }
        reached.await()
        job.cancelAndJoin()
        assertEquals(stop.epoch - 1, interrupted.latestCheckpoint().epoch)

        val resumed = RunDirectory.open(interrupted.path).resume().fit()
        assertEquals(stop, resumed.reason)
        assertEquals(straight.epochs, resumed.epochs)
        assertArrayEquals(straight.parameters(), resumed.parameters(), 0.0)
        assertEquals(straight.history.map { it.metrics }, resumed.history.map { it.metrics })

        // Resumed from the checkpoint of the epoch that tripped the guard, the run is over at once.
        val again = RunDirectory.open(interrupted.path).resume().fit()
        assertEquals(stop, again.reason)
        assertArrayEquals(straight.parameters(), again.parameters(), 0.0)
    }

    private companion object {
        /**
         * Measured: this run's mean training loss is 1.8·10⁶ in epoch 1 and 2.2·10⁶ in epoch 2 (the untrained
         * network's is below 1), so the second divergent epoch in a row is epoch 2. Without the guard it runs all
         * 30 epochs to a loss of 1.6·10⁶ and exit 0.
         */
        const val EXPECTED_EPOCH = 2
    }
}
