package mlpkit.dsl

import mlpkit.core.loss.Loss
import mlpkit.core.loss.Reduction
import mlpkit.core.optim.OptimizerSpec
import mlpkit.core.optim.ScheduleSpec
import mlpkit.dsl.spec.BatchSizeSpec
import mlpkit.dsl.spec.CallbackSpec
import mlpkit.dsl.spec.ClassWeightSpec
import mlpkit.core.loss.WeightNormalization
import mlpkit.dsl.spec.DivergenceSpec
import mlpkit.dsl.spec.TrainingSpec

/**
 * `training { loss = softmaxCrossEntropy; optimizer = sgd(lr = 0.5); epochs = 300; batchSize = full }`.
 * Losses, optimisers and schedules are the registry's concepts, generated into [LossVocabulary],
 * [OptimiserVocabulary] and [ScheduleVocabulary]; the starting values are [TrainingSpec]'s defaults.
 */
@MlpDsl
class TrainingBuilder internal constructor(initial: TrainingSpec) : LossVocabulary, OptimiserVocabulary, ScheduleVocabulary {
    var loss: Loss = initial.loss
    var reduction: Reduction = initial.reduction
    var optimizer: OptimizerSpec = initial.optimizer
    var schedule: ScheduleSpec = initial.schedule
    var epochs: Int = initial.epochs
    var seed: Long = initial.seed
    var threads: Int = initial.threads
    /** The divergence guard: on at its defaults unless set; `divergence = off` turns it off. See [DivergenceSpec]. */
    var divergence: DivergenceSpec = initial.divergence
    /** A new order of the training rows every epoch (the default); `shuffle = false` keeps the data's order. */
    var shuffle: Boolean = initial.shuffle
    /** Per-class weights: `classWeight = balanced`, or `classWeight("Adelie" to 2.0, …)`; null (the default) for none. */
    var classWeight: ClassWeightSpec? = initial.classWeight
    /** What a weighted batch's loss divides by: `sumOfWeights` (the default) or `rows`; see docs/weights.md. */
    var weightNormalization: WeightNormalization = initial.weightNormalization
    /** scikit-learn's `class_weight="balanced"`, for `classWeight = balanced`. */
    val balanced: ClassWeightSpec get() = ClassWeightSpec.Balanced
    /** D = the batch's sum of weights, for `weightNormalization = sumOfWeights`. */
    val sumOfWeights: WeightNormalization get() = WeightNormalization.SUM_OF_WEIGHTS
    /** D = the batch's rows, for `weightNormalization = rows`. */
    val rows: WeightNormalization get() = WeightNormalization.ROWS
    private var batch: BatchSizeSpec = initial.batchSize
    private val callbacks = initial.callbacks.toMutableList()

    /** Rows per mini-batch: a number (`batchSize = 64`), or [full] for one batch of every training row. */
    var batchSize: Int
        get() = when (val b = batch) {
            is BatchSizeSpec.Rows -> b.rows
            BatchSizeSpec.Full -> full
        }
        set(value) {
            batch = if (value == full) BatchSizeSpec.Full else BatchSizeSpec.Rows(value)
        }

    /** The batch size of full-batch gradient descent: every training row in one batch. */
    val full: Int get() = Int.MAX_VALUE

    val mean: Reduction get() = Reduction.MEAN
    val sum: Reduction get() = Reduction.SUM

    /** Early stopping's modes, core's `Monitor.MODES`: `auto` asks the metric which way is better. */
    val auto: String get() = "auto"
    val min: String get() = "min"
    val max: String get() = "max"

    /** Stop when [monitor] stops improving; see [CallbackSpec.EarlyStopping]. */
    fun earlyStopping(
        monitor: String = "val_loss",
        mode: String = "auto",
        patience: Int = 10,
        minDelta: Double = 0.0,
        restoreBest: Boolean = true,
        rule: String = CallbackSpec.EarlyStopping.KERAS,
    ) {
        callbacks += CallbackSpec.EarlyStopping(monitor, mode, patience, minDelta, restoreBest, rule)
    }

    /** The divergence guard that turns itself off: `divergence = off` (JSON `"divergence": false`). */
    val off: DivergenceSpec get() = DivergenceSpec.Off

    /**
     * Stop the run when its training loss is above [factor] × its best so far, or not finite, for [patience]
     * epochs in a row (JSON `"divergence": { "factor": …, "patience": … }`); see [DivergenceSpec].
     */
    fun divergence(
        factor: Double = DivergenceSpec.FACTOR.defaultValue() as Double,
        patience: Int = DivergenceSpec.PATIENCE.defaultValue() as Int,
    ) {
        divergence = DivergenceSpec.Guard(factor, patience)
    }

    /** Checkpoint every [every] epochs into the run directory (for `--resume`). */
    fun checkpoint(every: Int = 1) {
        callbacks += CallbackSpec.Checkpoint(every)
    }

    /** Weights by class name, as the data names its classes: `classWeight("Adelie" to 2.0, "Gentoo" to 0.5)`. */
    fun classWeight(vararg weights: Pair<String, Double>) {
        classWeight = ClassWeightSpec.Given(linkedMapOf(*weights))
    }

    internal fun build(): TrainingSpec = TrainingSpec(
        loss, reduction, optimizer, schedule, epochs, batch, seed, threads, callbacks.toList(), divergence, shuffle, classWeight, weightNormalization,
    )
}
