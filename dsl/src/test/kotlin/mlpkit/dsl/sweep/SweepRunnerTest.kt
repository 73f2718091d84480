package mlpkit.dsl.sweep

import java.nio.file.Files
import java.nio.file.Path
import kotlinx.coroutines.runBlocking
import mlpkit.dsl.Experiment
import mlpkit.dsl.experiment
import mlpkit.dsl.train.StopReason
import mlpkit.dsl.train.StopSignal
import mlpkit.dsl.train.TrainingRun
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertInstanceOf
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

class SweepRunnerTest {
    private fun hiddenSizeSweep(parallelism: Int) = experiment("hidden") {
        data { classification(samples = 300, features = 6, informative = 4, redundant = 1, randomState = 5); split(test = 0.25) }
        network { dense(2, sigmoid); dense(1, sigmoid) }
        training { loss = bce; optimizer = adam(lr = 0.02); epochs = 15; batchSize = 32; seed = 7 }
        sweep(parallelism) { for (h in listOf(1, 2, 4, 8, 16)) variant("h$h") { network { dense(h, sigmoid); dense(1, sigmoid) } } }
    }.spec

    @Test
    fun `every variation runs and the rows are the same whatever the parallelism`() {
        val sequential = runBlocking { SweepRunner().run(hiddenSizeSweep(1)) }
        val parallel = runBlocking { SweepRunner().run(hiddenSizeSweep(3)) }
        assertEquals(listOf("h1", "h2", "h4", "h8", "h16"), sequential.map { it.name })
        assertEquals("network < dense(16, sigmoid); dense(1, sigmoid) >", sequential.last().notation)
        assertTrue(sequential.all { it.reason == StopReason.Completed })
        assertEquals(sequential, parallel)
        // A wider hidden layer fits this data better than a single unit.
        assertTrue(sequential.last().metrics.getValue("test_accuracy") > sequential.first().metrics.getValue("test_accuracy") ||
            sequential.last().metrics.getValue("train_loss") < sequential.first().metrics.getValue("train_loss"))
    }

    @Test
    fun `each variation is the base experiment with its patch and its own name`() {
        val variants = SweepRunner().variants(hiddenSizeSweep(2))
        assertEquals(5, variants.size)
        val (name, spec) = variants[2]
        assertEquals("h4", name)
        assertEquals("hidden-h4", spec.name)
        assertEquals(null, spec.sweep)
        assertEquals(15, spec.training.epochs)
        assertEquals("network < dense(4, sigmoid); dense(1, sigmoid) >", spec.network.notation())
    }

    /** Three variations of a small sweep: a good one, one with a learning rate that diverges, one whose data file is missing. */
    private fun failingSweep(missing: Path) = experiment("mixed") {
        data { classification(samples = 200, features = 6, informative = 4, redundant = 1, randomState = 5); split(test = 0.25) }
        network { dense(4, tanh); dense(1, sigmoid) }
        training { loss = bce; optimizer = sgd(lr = 0.5); epochs = 12; batchSize = 20; seed = 7 }
        sweep(parallelism = 2) {
            variant("good") { }
            variant("huge-lr") { training { optimizer = sgd(lr = 1e6) } }
            variant("no-data") { data { csv(missing.toString(), label = "y") } }
            variant("wide") { network { dense(8, tanh); dense(1, sigmoid) } }
        }
    }.spec

    @Test
    fun `a variation that diverges or cannot read its data is a row with its reason, and the others give what they give alone`(@TempDir dir: Path) {
        val missing = dir.resolve("missing.csv")
        val spec = failingSweep(missing)
        val finished = mutableListOf<String>()
        val rows = runBlocking { SweepRunner(root = dir).run(spec) { row -> synchronized(finished) { finished += row.name } } }
        assertEquals(listOf("good", "huge-lr", "no-data", "wide"), rows.map { it.name })
        assertEquals(setOf("good", "huge-lr", "no-data", "wide"), finished.toSet())
        assertEquals(listOf(SweepStatus.OK, SweepStatus.DIVERGED, SweepStatus.FAILED, SweepStatus.OK), rows.map { it.status })

        val diverged = rows[1]
        assertTrue(diverged.reason!!.divergence != null, "${diverged.reason}")
        assertTrue("lower the learning rate" in diverged.message!!, diverged.message)
        assertTrue(diverged.stopped in setOf("diverged", "non-finite"), diverged.stopped)

        val failed = rows[2]
        assertNull(failed.reason)
        assertEquals(emptyMap<String, Double>(), failed.metrics)
        assertTrue(missing.toString() in failed.message!!, failed.message)
        assertEquals(1, failed.message!!.lines().size)
        assertTrue(failed.directory != null && Files.isDirectory(failed.directory), "the failed variation's run directory is named")

        // The good rows are exactly what the same variations give when run alone.
        val variants = SweepRunner().variants(spec).toMap()
        for (row in listOf(rows[0], rows[3])) {
            val alone = TrainingRun(Experiment(variants.getValue(row.name))).fit()
            assertEquals(alone.metrics, row.metrics, row.name)
            assertEquals("completed", row.stopped)
        }
    }

    @Test
    fun `a stop request ends the running variations after their batch and starts no others`() {
        val signal = StopSignal()
        val spec = hiddenSizeSweep(parallelism = 2).let { base ->
            base.copy(training = base.training.copy(epochs = 5000))
        }
        val rows = runBlocking {
            // The stop comes once both running variations (parallelism 2) have finished their second epoch.
            val atSecondEpoch = java.util.concurrent.atomic.AtomicInteger()
            val runner = SweepRunner(hooks = listOf(mlpkit.dsl.EpochHook { if (it.epoch == 2 && atSecondEpoch.incrementAndGet() == 2) signal.requestStop() }))
            runner.run(spec, signal)
        }
        assertEquals(listOf("h1", "h2", "h4", "h8", "h16"), rows.map { it.name })
        assertEquals(listOf(SweepStatus.INTERRUPTED, SweepStatus.INTERRUPTED), rows.take(2).map { it.status })
        for (row in rows.take(2)) {
            assertEquals(StopReason.Cancelled, row.reason)
            assertTrue(row.message!!.startsWith("stopped on request after epoch "), row.message)
            assertTrue("test_accuracy" in row.metrics, "an interrupted variation keeps what it measured")
        }
        for (row in rows.drop(2)) {
            assertEquals(SweepStatus.NOT_RUN, row.status)
            assertEquals(emptyMap<String, Double>(), row.metrics)
            assertEquals("not run: the sweep was stopped before this variation started", row.message)
        }
    }
}
