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
    fun `cancelling the collector stops training between batches within 100 ms of real time`() = runTest {
        // runTest's clock is virtual; the measurement must run on real threads and real time.
        withContext(Dispatchers.Default) {
            val epochsSeen = AtomicInteger()
            val job = launch { TrainingRun(slow).events().collect { if (it is TrainingEvent.EpochEnd) epochsSeen.incrementAndGet() } }
            delay(1_000) // well into the first epoch (the data takes ~0.1 s to generate)
            val started = System.nanoTime()
            job.cancelAndJoin()
            val millis = (System.nanoTime() - started) / 1e6
            assertEquals(0, epochsSeen.get(), "the cancellation must land inside an epoch for this test to mean anything")
            assertTrue(millis < 100.0, "cancellation took $millis ms")
        }
    }

    @Test
    fun `a real-time timeout ends a run that would take longer, promptly`() = runTest {
        withContext(Dispatchers.Default) {
            val started = System.nanoTime()
            val outcome = runCatching { withTimeout(700) { TrainingRun(slow).train() } }
            val millis = (System.nanoTime() - started) / 1e6
            assertTrue(outcome.exceptionOrNull() is TimeoutCancellationException, "expected a timeout, got $outcome")
            assertTrue(millis in 700.0..800.0, "the timeout of 700 ms ended the run after $millis ms")
        }
    }
}
