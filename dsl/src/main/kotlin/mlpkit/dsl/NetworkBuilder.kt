package mlpkit.dsl

import mlpkit.core.activation.Activation
import mlpkit.core.init.Initializer
import mlpkit.core.init.Initializers
import mlpkit.core.network.DenseSpec
import mlpkit.core.network.DropoutSpec
import mlpkit.core.network.LayerSpec
import mlpkit.core.network.NetworkSpec
import mlpkit.dsl.spec.NetworkConfig

/** `network { dense(6, sigmoid); dense(4, tanh); dense(1, sigmoid) }`: the layers in order. */
@MlpDsl
class NetworkBuilder : LayerVocabulary {
    private val layers = mutableListOf<LayerSpec>()

    /** A fully connected layer; the initialisers default to Glorot-uniform weights and zero biases. */
    fun dense(
        units: Int,
        activation: Activation,
        weights: Initializer = Initializers.DEFAULT_WEIGHTS,
        bias: Initializer = Initializers.DEFAULT_BIAS,
    ) {
        layers += DenseSpec(units, activation, weights, bias)
    }

    /** Inverted dropout of the fraction [rate] of this point's values, in training only. */
    fun dropout(rate: Double) {
        layers += DropoutSpec(rate)
    }

    fun build(): NetworkConfig = NetworkConfig.of(NetworkSpec(layers))
}

/** A network from the DSL: `network { dense(10, relu); dense(2, softmax) }`. */
fun network(block: NetworkBuilder.() -> Unit): NetworkConfig = NetworkBuilder().apply(block).build()

/** A network from its notation: `network("network < dense(10, relu); dense(2, softmax) >")`. */
fun network(notation: String): NetworkConfig = NetworkConfig.parse(notation)
