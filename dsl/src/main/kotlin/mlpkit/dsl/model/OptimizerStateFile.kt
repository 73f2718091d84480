package mlpkit.dsl.model

import kotlinx.serialization.Serializable
import mlpkit.core.optim.OptimizerState

/** An optimiser's state as stored in model and checkpoint files: core's [OptimizerState], field for field. */
@Serializable
class OptimizerStateFile(val kind: String, val step: Long, val arrays: Map<String, DoubleArray>) {
    fun toState(): OptimizerState = OptimizerState(kind, step, arrays)

    companion object {
        fun of(state: OptimizerState): OptimizerStateFile = OptimizerStateFile(state.kind(), state.step(), state.arrays())
    }
}
