package mlpkit.dsl.config

import mlpkit.core.activation.Softmax
import mlpkit.dsl.spec.LayerConfig
import mlpkit.dsl.spec.NetworkConfig

/**
 * What can be wrong with a network without seeing the data. A network written as notation was already
 * checked by the parser; these matter for layer objects and for DSL networks built from a spec.
 */
internal object NetworkChecks {
    private val networkPath = JsonPath.ROOT.key("network")

    fun check(network: NetworkConfig, problems: Problems) {
        if (network.layers.isEmpty()) {
            problems.add(networkPath, "no layers", "at least one layer, e.g. dense(1, sigmoid)", "an empty list")
            return
        }
        network.layers.forEachIndexed { i, layer ->
            val path = networkPath.index(i)
            when (layer) {
                is LayerConfig.Dense -> dense(layer, path, problems)
                is LayerConfig.Dropout -> problems.fraction(path.key("rate"), layer.rate, "dropout rate out of range", "; it is the fraction of inputs dropped, e.g. 0.2")
            }
        }
        val last = network.layers.lastIndex
        val output = network.layers[last]
        if (output !is LayerConfig.Dense) {
            problems.add(networkPath.index(last), "the output layer is not dense", "dense(units, activation) as the last layer", output.notation())
        } else if (output.units == 1 && LayerFields.activationOf(output) is Softmax) {
            problems.add(
                networkPath.index(last).key("units"), "softmax over one unit always outputs 1",
                "at least 2 units for a softmax output", "1", "; for two classes use dense(1, sigmoid) with bce or dense(2, softmax) with softmax-ce",
            )
        }
    }

    private fun dense(layer: LayerConfig.Dense, path: JsonPath, problems: Problems) {
        if (layer.units < 1) problems.add(path.key("units"), "too few units", "a whole number ≥ 1", layer.units.toString())
        LayerFields.activationProblem(layer.activation)?.let { problems.add(path.key("activation"), it) }
        LayerFields.weightsProblem(layer.weights)?.let { problems.add(path.key("weights"), it) }
        LayerFields.biasProblem(layer.bias)?.let { problems.add(path.key("bias"), it) }
    }

    /** The output layer with its index, when the last layer is dense. */
    fun outputLayer(network: NetworkConfig): IndexedValue<LayerConfig.Dense>? {
        val last = network.layers.lastOrNull() as? LayerConfig.Dense ?: return null
        return IndexedValue(network.layers.lastIndex, last)
    }
}
