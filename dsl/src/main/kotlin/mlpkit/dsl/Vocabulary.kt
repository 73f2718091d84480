package mlpkit.dsl

import mlpkit.core.activation.Activation
import mlpkit.core.activation.Activations
import mlpkit.core.init.Initializer
import mlpkit.core.init.Initializers

/**
 * Activations and initialisers by name, available inside `network { }` without imports (scripts have
 * none): `dense(10, leakyRelu(0.01), weights = heNormal)`.
 */
interface LayerVocabulary {
    val identity: Activation get() = Activations.IDENTITY
    val sigmoid: Activation get() = Activations.SIGMOID
    val tanh: Activation get() = Activations.TANH
    val relu: Activation get() = Activations.RELU
    val softmax: Activation get() = Activations.SOFTMAX
    fun leakyRelu(alpha: Double = 0.01): Activation = Activations.leakyRelu(alpha)

    val zeros: Initializer get() = Initializers.ZEROS
    val glorotNormal: Initializer get() = Initializers.GLOROT_NORMAL
    val glorotUniform: Initializer get() = Initializers.GLOROT_UNIFORM
    val heNormal: Initializer get() = Initializers.HE_NORMAL
    val heUniform: Initializer get() = Initializers.HE_UNIFORM
    val lecunNormal: Initializer get() = Initializers.LECUN_NORMAL
    val lecunUniform: Initializer get() = Initializers.LECUN_UNIFORM

    /** Bias only: drawn like the weights, as column 0 of a folded `units × (inputs + 1)` matrix (the articles' set-up). */
    val likeWeights: Initializer get() = Initializers.SAME_AS_WEIGHTS
    fun constant(value: Double): Initializer = Initializers.constant(value)
    fun normal(std: Double): Initializer = Initializers.normal(std)
    fun uniform(low: Double, high: Double): Initializer = Initializers.uniform(low, high)
}
