package mlpkit.dsl.train

import kotlinx.serialization.EncodeDefault
import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.Serializable

/**
 * Where early stopping stands, as stored in a checkpoint: the best monitored value so far, its epoch (0
 * before the first), the epochs since then without improvement, and the best epoch's weights and layer
 * state (kept only with restoreBest; the state only for layers that keep one, such as batch normalisation).
 */
@OptIn(ExperimentalSerializationApi::class)
@Serializable
class EarlyStoppingState(
    val best: Double,
    val bestEpoch: Int,
    val wait: Int,
    val bestParameters: DoubleArray? = null,
    @EncodeDefault(EncodeDefault.Mode.NEVER) val bestState: DoubleArray? = null,
)
