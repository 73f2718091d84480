package mlpkit.dsl.spec

import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import mlpkit.core.network.NetworkSpec

/**
 * The network of an experiment. In JSON either the notation string
 * (`"network < dense(10, relu); dense(2, softmax) >"`) or a list of layer objects
 * (`[{"type": "dense", "units": 10, "activation": "relu"}, …]`); written back as the notation.
 */
@Serializable(with = NetworkConfigSerializer::class)
data class NetworkConfig(val layers: List<LayerConfig>) {
    /** The core specification (parses activations and initialisers; throws on bad names). */
    fun toSpec(): NetworkSpec = NetworkSpec.parse(notation())

    /** The network notation of these layers. */
    fun notation(): String = layers.joinToString("; ", "network < ", " >") { it.notation() }

    companion object {
        /** The layers of a notation string (throws [mlpkit.core.network.NotationException] with the column). */
        fun parse(notation: String): NetworkConfig = of(NetworkSpec.parse(notation))

        fun of(spec: NetworkSpec): NetworkConfig = NetworkConfig(
            spec.layers().map { layer ->
                when (layer) {
                    is mlpkit.core.network.DenseSpec -> LayerConfig.Dense(
                        layer.units(), layer.activation().notation(), layer.weightInit().notation(), layer.biasInit().notation(),
                    )
                    is mlpkit.core.network.DropoutSpec -> LayerConfig.Dropout(layer.rate())
                }
            },
        )
    }
}

/** One layer as a JSON object; activations and initialisers are written as in the notation. */
@Serializable
sealed interface LayerConfig {
    fun notation(): String

    @Serializable
    @SerialName("dense")
    data class Dense(
        val units: Int,
        val activation: String,
        val weights: String = "glorotUniform",
        val bias: String = "zeros",
    ) : LayerConfig {
        override fun notation(): String = buildString {
            append("dense(").append(units).append(", ").append(activation)
            if (weights != "glorotUniform") append(", weights=").append(weights)
            if (bias != "zeros") append(", bias=").append(bias)
            append(')')
        }
    }

    @Serializable
    @SerialName("dropout")
    data class Dropout(val rate: Double) : LayerConfig {
        override fun notation(): String = "dropout($rate)"
    }
}
