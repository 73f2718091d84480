package mlpkit.dsl.train

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.TimeoutCancellationException
import kotlinx.coroutines.withTimeout
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.test.runTest
import kotlinx.coroutines.withContext
import mlpkit.dsl.experiment
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.util.concurrent.atomic.AtomicInteger

class CancellationTest {
    /** 20 000 rows through 50 → 512 → 512 → 2 in batches of 32: an epoch takes seconds, one batch a few milliseconds. */
    private val slow = experiment("slow") {
        data { classification(samples = 20_000, features = 50, informative = 10, randomState = 0) }
        network { dense(512, relu); dense(512, relu); dense(2, softmax) }
        training { loss = softmaxCrossEntropy; optimizer = sgd(lr = 0.01); epochs = 5; batchSize = 32 }
    }

    @Test
    fun `cancelling the collector stops training at the end of the batch in progress`() = runTest {
        // runTest's clock is virtual; the run must go on real threads. The promise is counted in batches, not in
        // milliseconds, so that it means the same on a loaded machine: the loop checks for cancellation between batches.
        withContext(Dispatchers.Default) {
            val run = TrainingRun(slow)
            val job = launch { run.events().collect {} }
            // Into the first epoch: the data takes ~0.1 s to generate (more on a loaded machine), an epoch seconds.
            withTimeout(60_000) { while (run.progress.position().batchesDone < 3) delay(5) }
            val before = run.progress.position()
            job.cancelAndJoin()
            val after = run.progress.position()
            assertEquals(1, before.epoch, "the cancellation must land inside the first epoch for this test to mean anything")
            assertEquals(before.epoch, after.epoch)
            // The batch in flight when the position was read, and one more if a batch ended between that read and cancel.
            assertTrue(after.batchesDone - before.batchesDone <= 2, "cancelled at batch ${before.batchesDone}, training went on to batch ${after.batchesDone}")
            delay(200)
            assertEquals(after, run.progress.position(), "training went on after the cancelled collector was joined")
        }
    }

    @Test
    fun `a real-time timeout ends a run that would take longer within a few batches of it`() = runTest {
        withContext(Dispatchers.Default) {
            // A timeout that lands inside the first epoch however loaded the machine is: 0.5 s after the time a first
            // run takes to reach its third batch (data generation included).
            val first = TrainingRun(slow)
            val firstStarted = System.nanoTime()
            val firstJob = launch { first.events().collect {} }
            withTimeout(60_000) { while (first.progress.position().batchesDone < 3) delay(5) }
            val timeout = (System.nanoTime() - firstStarted) / 1_000_000 + 500
            firstJob.cancelAndJoin()

            val run = TrainingRun(slow)
            val started = System.nanoTime()
            val outcome = runCatching { withTimeout(timeout) { run.train() } }
            val millis = (System.nanoTime() - started) / 1e6
            val stopped = run.progress.position()
            assertTrue(outcome.exceptionOrNull() is TimeoutCancellationException, "expected a timeout, got $outcome")
            assertEquals(1, stopped.epoch, "an epoch takes seconds: the timeout must land inside the first one")
            assertTrue(stopped.batchesDone > 0, "no batch was done in $timeout ms")
            // A batch lasts (time to the timeout) / (batches done) at most (data generation included): the run ends
            // the batch in flight and stops, so it overruns the timeout by about one batch; 3 batches of slack (and at
            // least 100 ms) for the scheduling of a loaded machine, which slows the batches by as much.
            val batchMillis = timeout.toDouble() / stopped.batchesDone
            assertTrue(millis >= timeout, "the run ended after $millis ms, before its timeout of $timeout ms")
            assertTrue(millis - timeout <= maxOf(100.0, 3 * batchMillis), "the timeout of $timeout ms ended the run after $millis ms; a batch takes ~$batchMillis ms")
            delay(200)
            assertEquals(stopped, run.progress.position(), "training went on after the timeout")
        }
    }
}
