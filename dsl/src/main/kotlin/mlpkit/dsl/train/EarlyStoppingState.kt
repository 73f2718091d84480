package mlpkit.dsl.train

import kotlinx.serialization.Serializable

/**
 * Where early stopping stands, as stored in a checkpoint: the best monitored value so far, its epoch (0
 * before the first), the epochs since then without improvement, and the best epoch's weights (kept only
 * with restoreBest).
 */
@Serializable
class EarlyStoppingState(val best: Double, val bestEpoch: Int, val wait: Int, val bestParameters: DoubleArray? = null)
