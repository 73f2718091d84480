package mlpkit.dsl

import mlpkit.dsl.spec.BatchSizeSpec
import mlpkit.dsl.spec.CallbackSpec
import mlpkit.dsl.spec.LossName
import mlpkit.dsl.spec.MonitorMode
import mlpkit.dsl.spec.OptimizerSpec
import mlpkit.dsl.spec.ReductionName
import mlpkit.dsl.spec.ScheduleSpec
import mlpkit.dsl.spec.TrainingSpec

/**
 * `training { loss = softmaxCrossEntropy; optimizer = sgd(lr = 0.5); epochs = 300; batchSize = full }`.
 * Losses, reductions, optimisers, schedules and callbacks are members of this receiver.
 */
@MlpDsl
class TrainingBuilder internal constructor(initial: TrainingSpec) {
    var loss: LossName = initial.loss
    var reduction: ReductionName = initial.reduction
    var optimizer: OptimizerSpec = initial.optimizer
    var schedule: ScheduleSpec = initial.schedule
    var epochs: Int = initial.epochs
    var seed: Long = initial.seed
    var threads: Int = initial.threads
    private var batch: BatchSizeSpec = initial.batchSize
    private val callbacks = initial.callbacks.toMutableList()

    /** A number of rows (`batchSize = 64`) or [full] (`batchSize = full`). */
    var batchSize: Any
        get() = when (val b = batch) {
            is BatchSizeSpec.Rows -> b.rows
            BatchSizeSpec.Full -> b
        }
        set(value) {
            batch = when (value) {
                is Int -> BatchSizeSpec.Rows(value)
                is BatchSizeSpec -> value
                else -> throw IllegalArgumentException("batchSize is a number of rows or full, got $value")
            }
        }

    val full: BatchSizeSpec get() = BatchSizeSpec.Full

    val bce: LossName get() = LossName.BCE
    val binaryCrossEntropy: LossName get() = LossName.BCE
    val mse: LossName get() = LossName.MSE
    val halfSse: LossName get() = LossName.HALF_SSE
    val softmaxCrossEntropy: LossName get() = LossName.SOFTMAX_CE
    val mean: ReductionName get() = ReductionName.MEAN
    val sum: ReductionName get() = ReductionName.SUM

    fun sgd(lr: Double = 0.01, momentum: Double = 0.0, nesterov: Boolean = false, weightDecay: Double = 0.0, clipNorm: Double = 0.0) =
        OptimizerSpec.Sgd(lr, momentum, nesterov, weightDecay, clipNorm)

    fun rmsProp(lr: Double = 0.001, rho: Double = 0.9, eps: Double = 1e-7, weightDecay: Double = 0.0, clipNorm: Double = 0.0) =
        OptimizerSpec.RmsProp(lr, rho, eps, weightDecay, clipNorm)

    fun adam(lr: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8, weightDecay: Double = 0.0, clipNorm: Double = 0.0) =
        OptimizerSpec.Adam(lr, beta1, beta2, eps, weightDecay, clipNorm)

    fun adamW(lr: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8, weightDecay: Double = 0.01, clipNorm: Double = 0.0) =
        OptimizerSpec.AdamW(lr, beta1, beta2, eps, weightDecay, clipNorm)

    val constant: ScheduleSpec get() = ScheduleSpec.Constant
    fun step(every: Int, factor: Double): ScheduleSpec = ScheduleSpec.Step(every, factor)
    fun exponential(gamma: Double): ScheduleSpec = ScheduleSpec.Exponential(gamma)
    fun inverseScaling(power: Double = 0.5): ScheduleSpec = ScheduleSpec.InverseScaling(power)
    fun cosine(minRate: Double = 0.0): ScheduleSpec = ScheduleSpec.Cosine(minRate)

    val auto: MonitorMode get() = MonitorMode.AUTO
    val min: MonitorMode get() = MonitorMode.MIN
    val max: MonitorMode get() = MonitorMode.MAX

    /** Stop when [monitor] stops improving; see [CallbackSpec.EarlyStopping]. */
    fun earlyStopping(monitor: String = "val_loss", mode: MonitorMode = MonitorMode.AUTO, patience: Int = 10, minDelta: Double = 0.0, restoreBest: Boolean = true) {
        callbacks += CallbackSpec.EarlyStopping(monitor, mode, patience, minDelta, restoreBest)
    }

    /** Checkpoint every [every] epochs into the run directory (for `--resume`). */
    fun checkpoint(every: Int = 1) {
        callbacks += CallbackSpec.Checkpoint(every)
    }

    internal fun build(): TrainingSpec = TrainingSpec(loss, reduction, optimizer, schedule, epochs, batch, seed, threads, callbacks.toList())
}
