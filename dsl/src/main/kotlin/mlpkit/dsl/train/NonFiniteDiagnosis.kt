package mlpkit.dsl.train

import mlpkit.core.loss.Reduction
import mlpkit.core.network.Network
import mlpkit.core.network.ParameterTensor
import mlpkit.core.optim.OptimizerSpec

/**
 * Explains a non-finite loss: where it happened (epoch, batch), the first place in layer order that
 * holds a NaN or an infinity, and what to change. The place is the first parameter or gradient tensor
 * (read from the network's layout) with a non-finite value; failing that, the first layer whose outputs in
 * this batch were non-finite; failing that, the output layer, whose finite outputs were too large for the
 * loss. Only called once, when the loss is already non-finite, so its scans cost nothing in the batch loop.
 */
internal object NonFiniteDiagnosis {
    fun of(
        network: Network,
        loss: Double,
        epoch: Int,
        batch: Int,
        batches: Int,
        learningRate: Double,
        optimizer: OptimizerSpec,
        reduction: Reduction,
    ): StopReason.NonFinite {
        val (layer, where) = locate(network)
        val fixes = buildList {
            add("lower the learning rate (it is $learningRate; try ${learningRate / 10})")
            if (reduction == Reduction.SUM) add("use reduction = mean (a summed loss scales the gradient with the batch size)")
            if (optimizer.clipNorm() == 0.0) add("clip gradients (clipNorm = 1.0)")
            add("scale the inputs (scaling = standard)")
        }
        val message = "training stopped: the loss became $loss in epoch $epoch, batch $batch of $batches; $where. " +
            "To fix it: ${fixes.joinToString("; ")}."
        return StopReason.NonFinite(message, epoch, batch, layer)
    }

    /** The layer to blame (as a label) and a sentence saying what is wrong there. */
    private fun locate(network: Network): Pair<String, String> {
        val parameters = network.parameters()
        val gradients = network.gradients()
        for (tensor in network.layout().tensors()) {
            if (anyNonFinite(parameters, tensor)) return tensor.label() to "the first non-finite value is in the parameters of ${tensor.label()}"
            if (anyNonFinite(gradients, tensor)) return tensor.label() to "the first non-finite value is in the gradients of ${tensor.label()}"
        }
        val layers = network.layers()
        val notations = network.spec().layers()
        for ((index, layer) in layers.withIndex()) {
            val output = layer.output() ?: continue
            val values = output.data()
            val from = output.offset()
            val to = from + output.rowDimension * output.columnDimension
            if ((from until to).any { !values[it].isFinite() }) {
                val label = "layer $index ${notations[index].notation()}"
                return label to "the parameters and gradients are still finite, but $label produced non-finite outputs"
            }
        }
        val last = layers.size - 1
        val label = "layer $last ${notations[last].notation()}"
        return label to "the parameters and outputs are still finite, but the outputs of $label are too large for the loss"
    }

    private fun anyNonFinite(values: DoubleArray, tensor: ParameterTensor): Boolean {
        for (i in tensor.offset() until tensor.offset() + tensor.size()) if (!values[i].isFinite()) return true
        return false
    }
}
