package mlpkit.dsl.spec

import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import mlpkit.core.loss.Loss
import mlpkit.core.loss.Losses
import mlpkit.core.loss.Reduction

/**
 * How the network is trained. [seed] drives the whole run: independent streams for initialisation,
 * shuffling, dropout and splitting are derived from it, so the same seed gives a bit-identical run.
 * [threads] bounds the kernels' parallelism (results do not depend on it).
 */
@Serializable
data class TrainingSpec(
    val loss: LossName = LossName.BCE,
    val reduction: ReductionName = ReductionName.MEAN,
    val optimizer: OptimizerSpec = OptimizerSpec.Sgd(),
    val schedule: ScheduleSpec = ScheduleSpec.Constant,
    val epochs: Int = 10,
    val batchSize: BatchSizeSpec = BatchSizeSpec.Rows(32),
    val seed: Long = 0,
    val threads: Int = 1,
    val callbacks: List<CallbackSpec> = emptyList(),
)

/** The losses by their config names. */
@Serializable
enum class LossName(val loss: Loss) {
    @SerialName("bce") BCE(Losses.BINARY_CROSS_ENTROPY),
    @SerialName("mse") MSE(Losses.MEAN_SQUARED_ERROR),
    @SerialName("half-sse") HALF_SSE(Losses.HALF_SUM_SQUARED_ERROR),
    @SerialName("softmax-ce") SOFTMAX_CE(Losses.SOFTMAX_CROSS_ENTROPY),
}

/** [Reduction] by its config name (mean or sum). */
@Serializable
enum class ReductionName(val reduction: Reduction) {
    @SerialName("mean") MEAN(Reduction.MEAN),
    @SerialName("sum") SUM(Reduction.SUM),
}

/** A mini-batch size: a number of rows, or `"full"` for full-batch gradient descent. */
@Serializable(with = BatchSizeSpecSerializer::class)
sealed interface BatchSizeSpec {
    data class Rows(val rows: Int) : BatchSizeSpec

    data object Full : BatchSizeSpec
}
