package mlpkit.dsl.train

import mlpkit.dsl.experiment
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class ThreadCountTest {
    /** Wide enough that the products are split between threads (the kernels leave tiny ones whole). */
    private fun digits(threads: Int) = experiment("threads") {
        data { digits(); split(validation = 0.2); scaling = standard }
        network { dense(96, relu, weights = heNormal); dense(64, relu, weights = heNormal); dense(10, softmax) }
        training { loss = softmaxCrossEntropy; optimizer = sgd(lr = 0.05, momentum = 0.9); epochs = 3; batchSize = 64; seed = 5; this.threads = threads }
    }

    @Test
    fun `training on one, two or three kernel threads gives bit-identical weights and metrics`() {
        val one = TrainingRun(digits(1)).fit()
        for (threads in 2..3) {
            val many = TrainingRun(digits(threads)).fit()
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
