package mlpkit.dsl.train

import mlpkit.core.optim.OptimizerState
import mlpkit.data.split.RowOrder

/**
 * Where a fresh run starts instead of the network's own initialisation: the flat [parameters] (in the
 * network's layout, `Network.parameters()`), and, to continue an optimiser (scikit-learn's `partial_fit`),
 * its [optimizer] state. The estimators use it to start from scikit-learn's initial weights and to warm-start.
 * [rowOrder], when given, orders the training rows of each shuffled epoch instead of the run's shuffle stream
 * (the estimators give `RowOrder.SklearnShuffle` of their `RandomState`; with `training.shuffle = false` or one
 * batch per epoch the rows stay as given). A run with such an order cannot be resumed from a checkpoint.
 * [earlyStopping], when given, is where the run's early stopping starts (best value, epochs without improvement,
 * best weights) instead of afresh: scikit-learn's warm start carries its `best_loss_` and `_no_improvement_count`.
 */
class TrainingStart @JvmOverloads constructor(
    val parameters: DoubleArray,
    val optimizer: OptimizerState? = null,
    val rowOrder: RowOrder? = null,
    val earlyStopping: EarlyStoppingState? = null,
)
