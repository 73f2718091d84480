package mlpkit.dsl

import mlpkit.core.layer.LayerSpec
import mlpkit.core.network.NetworkSpec

/**
 * `network { dense(6, sigmoid); dense(4, tanh); dense(1, sigmoid) }`: the layers in order. The layer
 * functions (`dense`, `dropout`, …), activations and initialisers are the registry's concepts, generated
 * into [LayerVocabulary], [ActivationVocabulary] and [InitialiserVocabulary] when mlpkit is built.
 */
@MlpDsl
class NetworkBuilder : LayerVocabulary, ActivationVocabulary, InitialiserVocabulary {
    private val layers = mutableListOf<LayerSpec>()

    /** Adds [layer] (a built-in layer written with its function, or any [LayerSpec]). */
    override fun add(layer: LayerSpec) {
        layers += layer
    }

    /** The same as [weights]: the bias drawn like the weights, as the articles' "column of ones" set-up. */
    val likeWeights get() = weights

    fun build(): NetworkSpec = NetworkSpec(layers)
}

/** A network from the DSL: `network { dense(10, relu); dense(2, softmax) }`. */
fun network(block: NetworkBuilder.() -> Unit): NetworkSpec = NetworkBuilder().apply(block).build()

/** A network from its notation: `network("network < dense(10, relu); dense(2, softmax) >")`. */
fun network(notation: String): NetworkSpec = NetworkSpec.parse(notation)
