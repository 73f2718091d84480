package mlpkit.dsl.sweep

import kotlinx.coroutines.runBlocking
import mlpkit.dsl.experiment
import mlpkit.dsl.train.StopReason
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

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
}
