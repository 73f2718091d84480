package mlpkit.dsl.spec

import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import mlpkit.core.optim.Optimizer
import mlpkit.core.optim.OptimizerOptions

/**
 * An optimiser with its learning rate [lr] and options. [weightDecay] is L2 on the weights only
 * (biases are not decayed; AdamW's is decoupled), [clipNorm] clips the gradient's global norm (0 = off).
 */
@Serializable
sealed interface OptimizerSpec {
    val lr: Double
    val weightDecay: Double
    val clipNorm: Double

    /** The core optimiser; [weightMask] (true at weights, false at biases) selects what is decayed. */
    fun create(weightMask: BooleanArray): Optimizer

    @Serializable
    @SerialName("sgd")
    data class Sgd(
        override val lr: Double = 0.01,
        val momentum: Double = 0.0,
        val nesterov: Boolean = false,
        override val weightDecay: Double = 0.0,
        override val clipNorm: Double = 0.0,
    ) : OptimizerSpec {
        override fun create(weightMask: BooleanArray): Optimizer =
            mlpkit.core.optim.Sgd(momentum, nesterov, options(weightMask))
    }

    @Serializable
    @SerialName("rmsprop")
    data class RmsProp(
        override val lr: Double = 0.001,
        val rho: Double = 0.9,
        val eps: Double = 1e-7,
        override val weightDecay: Double = 0.0,
        override val clipNorm: Double = 0.0,
    ) : OptimizerSpec {
        override fun create(weightMask: BooleanArray): Optimizer = mlpkit.core.optim.RmsProp(rho, eps, options(weightMask))
    }

    @Serializable
    @SerialName("adam")
    data class Adam(
        override val lr: Double = 0.001,
        val beta1: Double = 0.9,
        val beta2: Double = 0.999,
        val eps: Double = 1e-8,
        override val weightDecay: Double = 0.0,
        override val clipNorm: Double = 0.0,
    ) : OptimizerSpec {
        override fun create(weightMask: BooleanArray): Optimizer = mlpkit.core.optim.Adam(beta1, beta2, eps, options(weightMask))
    }

    @Serializable
    @SerialName("adamw")
    data class AdamW(
        override val lr: Double = 0.001,
        val beta1: Double = 0.9,
        val beta2: Double = 0.999,
        val eps: Double = 1e-8,
        override val weightDecay: Double = 0.01,
        override val clipNorm: Double = 0.0,
    ) : OptimizerSpec {
        override fun create(weightMask: BooleanArray): Optimizer = mlpkit.core.optim.AdamW(beta1, beta2, eps, options(weightMask))
    }
}

private fun OptimizerSpec.options(weightMask: BooleanArray): OptimizerOptions =
    OptimizerOptions.defaults().withWeightDecay(weightDecay).withClipNorm(clipNorm).withDecayMask(weightMask)
