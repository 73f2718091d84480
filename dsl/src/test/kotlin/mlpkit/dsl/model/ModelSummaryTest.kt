package mlpkit.dsl.model

import mlpkit.core.loss.SoftmaxCrossEntropy
import mlpkit.core.network.Network
import mlpkit.core.network.NetworkSpec
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

/** `model.summary()` in Keras' layout, against parameter counts worked out by hand. */
class ModelSummaryTest {
    private fun summary(notation: String, inputs: Int): String =
        ModelSummary.of("net", Network.build(NetworkSpec.parse(notation), inputs, SoftmaxCrossEntropy(), 0L))

    @Test
    fun `a 784-128-10 network has 100,480 plus 1,290 = 101,770 parameters, all trainable`() {
        // dense_1: 784 × 128 weights + 128 biases = 100,352 + 128; dense_2: 128 × 10 + 10.
        assertEquals(
            """
            Model: "net" (784 inputs, loss softmax-ce)
            ____________________________________________________
             Layer (type)                  Output Shape  Param #
            ====================================================
             dense_1 (dense(128, relu))    (batch, 128)  100,480
             dense_2 (dense(10, softmax))  (batch, 10)     1,290
            ====================================================
            Total params: 101,770
            Trainable params: 101,770
            Non-trainable params: 0
            ____________________________________________________

            """.trimIndent(),
            summary("network < dense(128, relu); dense(10, softmax) >", 784),
        )
    }

    @Test
    fun `batch normalisation's running mean and variance count as non-trainable, dropout has no parameters`() {
        // 4 inputs: dense_1 4 × 8 + 8 = 40; batchNorm_1 gamma and beta 2 × 8 = 16 trained, running mean and variance
        // 2 × 8 = 16 kept; dropout_1 none; dense_2 8 × 3 + 3 = 27. Trainable 40 + 16 + 27 = 83, non-trainable 16.
        val text = summary("network < dense(8, relu); batchNorm; dropout(0.5); dense(3, softmax) >", 4)
        val rows = text.lines().filter { it.startsWith(" ") && !it.startsWith(" Layer") }
        assertEquals(listOf("dense_1", "batchNorm_1", "dropout_1", "dense_2"), rows.map { it.trim().substringBefore(' ') })
        assertEquals(listOf("40", "32", "0", "27"), rows.map { it.trim().substringAfterLast(' ') })
        assertEquals(listOf("(batch, 8)", "(batch, 8)", "(batch, 8)", "(batch, 3)"), rows.map { Regex("""\(batch, \d+\)""").find(it)!!.value })
        assertEquals(listOf("Total params: 99", "Trainable params: 83", "Non-trainable params: 16"), text.lines().filter { "params:" in it })
    }
}
