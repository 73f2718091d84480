package mlpkit.dsl.model

import java.util.Locale
import mlpkit.core.network.Network

/**
 * Keras' `model.summary()` for a network: one row per layer (a name numbered per kind, `dense_1`, with the layer's
 * notation as its type, activation included), its output shape with `batch` for the number of rows, and its
 * parameter count (trainable tensors plus kept state); then the totals. Batch normalisation's running mean and
 * variance are layer state, not trained, so they count as non-trainable, as in Keras:
 * ```
 * Model: "mnist" (784 inputs, loss softmax-ce)
 * ______________________________________________________
 *  Layer (type)                Output Shape     Param #
 * ======================================================
 *  dense_1 (dense(128, relu))  (batch, 128)     100,480
 *  dense_2 (dense(10, softmax)) (batch, 10)       1,290
 * ======================================================
 * Total params: 101,770
 * Trainable params: 101,770
 * Non-trainable params: 0
 * ______________________________________________________
 * ```
 */
internal object ModelSummary {
    private val HEADER = listOf("Layer (type)", "Output Shape", "Param #")
    private const val GAP = 2

    /** The summary of [network] under the model's [name]. */
    fun of(name: String, network: Network): String {
        val specs = network.spec().layers()
        val seen = HashMap<String, Int>()
        val rows = network.layers().mapIndexed { i, layer ->
            val spec = specs[i]
            val kind = spec.concept().name()
            val number = seen.merge(kind, 1, Int::plus)!!
            val kept = layer.state().sumOf { it.size().toLong() }
            listOf("${kind}_$number (${spec.notation()})", "(batch, ${layer.outputSize()})", count(layer.parameterCount() + kept))
        }
        val trainable = network.parameterCount().toLong()
        val nonTrainable = network.state().size.toLong()
        val widths = HEADER.indices.map { c -> maxOf(HEADER[c].length, rows.maxOfOrNull { it[c].length } ?: 0) }
        val width = 1 + widths.sum() + GAP * (widths.size - 1)
        fun line(cells: List<String>): String = " " + cells[0].padEnd(widths[0] + GAP) + cells[1].padEnd(widths[1] + GAP) + cells[2].padStart(widths[2])
        return buildString {
            append("Model: \"").append(name).append("\" (").append(network.inputSize()).append(" input")
                .append(if (network.inputSize() == 1) "" else "s").append(", loss ").append(network.lossFunction().notation()).append(")\n")
            append("_".repeat(width)).append('\n')
            append(line(HEADER).trimEnd()).append('\n')
            append("=".repeat(width)).append('\n')
            for (row in rows) append(line(row)).append('\n')
            append("=".repeat(width)).append('\n')
            append("Total params: ").append(count(trainable + nonTrainable)).append('\n')
            append("Trainable params: ").append(count(trainable)).append('\n')
            append("Non-trainable params: ").append(count(nonTrainable)).append('\n')
            append("_".repeat(width)).append('\n')
        }
    }

    private fun count(n: Long): String = String.format(Locale.ROOT, "%,d", n)

    private fun count(n: Int): String = count(n.toLong())
}
