package mlpkit.estimator

import mlpkit.core.activation.Activation
import mlpkit.core.init.SklearnUniform
import mlpkit.core.layer.Dense
import mlpkit.core.loss.Loss
import mlpkit.core.network.Network
import mlpkit.core.network.NetworkSpec
import mlpkit.data.random.RandomState

/**
 * The network scikit-learn's MLPs build: a `dense(h, activation)` layer per hidden size and an output layer of
 * [outputs] units with [outputActivation], every weight and bias drawn from `sklearnUniform(factor)` (factor 2 for
 * the logistic activation, 6 otherwise, as `_init_coef`). Layer by layer, W (fan_in × fan_out, row-major) and then
 * b are drawn, so a numpy-exact `RandomState(seed)` gives scikit-learn's initial `coefs_` and `intercepts_`.
 */
internal class SklearnNetwork(
    val hiddenLayerSizes: List<Int>,
    val activation: HiddenActivation,
    val outputs: Int,
    val outputActivation: Activation,
) {
    /** The network's notation-level spec. */
    val spec: NetworkSpec = run {
        val init = SklearnUniform(activation.initFactor)
        val layers = hiddenLayerSizes.map { Dense.Spec(it, activation.activation(), init, init) } +
            Dense.Spec(outputs, outputActivation, init, init)
        NetworkSpec.of(*layers.toTypedArray())
    }

    /** Initial parameters in the network's flat layout, drawn from [random] in scikit-learn's order. */
    fun initialParameters(inputs: Int, loss: Loss, random: RandomState): DoubleArray =
        Network.build(spec, inputs, loss, random, random).parameters().copyOf()

    /** The flat-parameter layout of this network for [inputs] features. */
    fun layout(inputs: Int, loss: Loss): mlpkit.core.network.ParameterLayout = Network.build(spec, inputs, loss, 0L).layout()

    companion object {
        /** Per layer, W as fan_in × fan_out rows (scikit-learn's `coefs_`) and b (its `intercepts_`), from the flat [parameters] laid out as [layout]. */
        fun coefsAndIntercepts(layout: mlpkit.core.network.ParameterLayout, parameters: DoubleArray): Pair<List<Array<DoubleArray>>, List<DoubleArray>> {
            val coefs = ArrayList<Array<DoubleArray>>()
            val intercepts = ArrayList<DoubleArray>()
            for (tensor in layout.tensors()) {
                when (tensor.name()) {
                    "W" -> coefs += Array(tensor.rows()) { i -> parameters.copyOfRange(tensor.offset() + i * tensor.cols(), tensor.offset() + (i + 1) * tensor.cols()) }
                    "b" -> intercepts += parameters.copyOfRange(tensor.offset(), tensor.offset() + tensor.size())
                }
            }
            return coefs to intercepts
        }

        /** The flat parameters of [network]'s layout holding [coefs] and [intercepts] (the inverse of [coefsAndIntercepts]). */
        fun flatten(layout: mlpkit.core.network.ParameterLayout, coefs: List<Array<DoubleArray>>, intercepts: List<DoubleArray>): DoubleArray {
            val flat = DoubleArray(layout.size())
            var w = 0
            var b = 0
            for (tensor in layout.tensors()) {
                when (tensor.name()) {
                    "W" -> coefs[w++].forEachIndexed { i, row ->
                        require(row.size == tensor.cols()) { "coefs[${w - 1}][$i] has ${row.size} values, expected ${tensor.cols()}" }
                        row.copyInto(flat, tensor.offset() + i * tensor.cols())
                    }
                    "b" -> intercepts[b++].copyInto(flat, tensor.offset())
                }
            }
            return flat
        }
    }
}
