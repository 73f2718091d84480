package mlpkit.dsl.train

import mlpkit.core.optim.OptimizerState

/**
 * Where a fresh run starts instead of the network's own initialisation: the flat [parameters] (in the
 * network's layout, `Network.parameters()`), and, to continue an optimiser (scikit-learn's `partial_fit`),
 * its [optimizer] state. The estimators use it to start from scikit-learn's initial weights and to warm-start.
 */
class TrainingStart @JvmOverloads constructor(
    val parameters: DoubleArray,
    val optimizer: OptimizerState? = null,
)
