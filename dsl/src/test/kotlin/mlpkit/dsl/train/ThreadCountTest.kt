package mlpkit.dsl.train

import mlpkit.dsl.experiment
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class ThreadCountTest {
    /** Wide enough that the products are split between threads (the kernels leave tiny ones whole). */
    private fun digits(threads: Int, adam: Boolean = false) = experiment("threads") {
        data { digits(); split(validation = 0.2); scaling = standard }
        network { dense(96, relu, weights = heNormal); dense(64, relu, weights = heNormal); dense(10, softmax) }
        training {
            loss = softmaxCrossEntropy
            // Both threads update their shares of the weights: a rule with state, and one with a decoupled decay.
            optimizer = if (adam) adamW(lr = 0.01, weightDecay = 0.01) else sgd(lr = 0.05, momentum = 0.9)
            epochs = 3; batchSize = 64; seed = 5; this.threads = threads
        }
    }

    @Test
    fun `training on one, two or three kernel threads gives bit-identical weights and metrics`() {
        assertSameOnAnyThreadCount(adam = false)
    }

    @Test
    fun `adamW with its decoupled decay gives bit-identical weights on one, two or three kernel threads too`() {
        assertSameOnAnyThreadCount(adam = true)
    }

    private fun assertSameOnAnyThreadCount(adam: Boolean) {
        val one = TrainingRun(digits(1, adam)).fit()
        for (threads in 2..3) {
            val many = TrainingRun(digits(threads, adam)).fit()
            val a = one.parameters()
            val b = many.parameters()
            assertEquals(a.size, b.size)
            for (i in a.indices) {
                assertEquals(a[i].toRawBits(), b[i].toRawBits(), "parameter $i with $threads threads: ${b[i]} vs ${a[i]}")
            }
            assertEquals(one.history.map { it.metrics }, many.history.map { it.metrics })
        }
        assertTrue(one.metric("validation_accuracy") > 0.8, "the network learns: ${one.metrics}")
    }
}
