package mlpkit.dsl.train

import kotlinx.serialization.Serializable
import mlpkit.data.random.RandomStateSnapshot

/** A [RandomStateSnapshot] as stored in a checkpoint (numpy's `get_state()`: key words, position, cached Gaussian). */
@Serializable
class RngState(val key: IntArray, val position: Int, val cachedGaussian: Double? = null) {
    fun toSnapshot(): RandomStateSnapshot = RandomStateSnapshot(key, position, cachedGaussian)

    companion object {
        fun of(snapshot: RandomStateSnapshot): RngState = RngState(snapshot.key.copyOf(), snapshot.position, snapshot.cachedGaussian)
    }
}
