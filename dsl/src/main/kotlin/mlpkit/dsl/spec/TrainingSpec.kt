package mlpkit.dsl.spec

import kotlinx.serialization.Contextual
import kotlinx.serialization.EncodeDefault
import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.Serializable
import mlpkit.core.loss.BinaryCrossEntropy
import mlpkit.core.loss.Loss
import mlpkit.core.loss.Reduction
import mlpkit.core.loss.WeightNormalization
import mlpkit.core.optim.Constant
import mlpkit.core.optim.OptimizerSpec
import mlpkit.core.optim.ScheduleSpec
import mlpkit.core.optim.Sgd

/**
 * How the network is trained: a [loss], an [optimizer] (with its base learning rate), a learning-rate
 * [schedule], epochs, the batch size, callbacks. The loss, optimiser and schedule are values of core's
 * concepts; their parameters, defaults and ranges are the concepts' own. [seed] drives the whole run:
 * independent streams for initialisation, shuffling, dropout and splitting are derived from it, so the same
 * seed gives a bit-identical run. [threads] bounds the kernels' parallelism (results do not depend on it).
 * [divergence] is the divergence guard, on by default: it stops a run whose training loss has grown far
 * above its best (see [DivergenceSpec]). [shuffle] draws a new order of the training rows every epoch (on by
 * default); `false` takes the mini-batches in the data's order every epoch, as scikit-learn's `shuffle=False`.
 * [classWeight] weighs each training row by its class ([ClassWeightSpec]; null: every class weighs 1), times the
 * row's sample weight when the data has them; [weightNormalization] says what a weighted batch's loss divides by
 * (its sum of weights, the default as in scikit-learn ≥ 1.7 and PyTorch, or its rows as in Keras; see
 * [WeightNormalization] and docs/weights.md).
 */
@OptIn(ExperimentalSerializationApi::class)
@Serializable
data class TrainingSpec @JvmOverloads constructor(
    @Contextual val loss: Loss = DEFAULT_LOSS,
    @Serializable(with = ReductionSerializer::class) val reduction: Reduction = Reduction.MEAN,
    @Contextual val optimizer: OptimizerSpec = DEFAULT_OPTIMIZER,
    @Contextual val schedule: ScheduleSpec = DEFAULT_SCHEDULE,
    @ValidRange(min = 1.0, fix = "the passes over the training rows, e.g. 100") val epochs: Int = 10,
    @ValidRange(min = 1.0, whole = true, fix = "rows per mini-batch, e.g. 32, or \"full\" for full-batch training")
    val batchSize: BatchSizeSpec = BatchSizeSpec.Rows(32),
    val seed: Long = 0,
    @ValidRange(min = 1.0, fix = "e.g. 1, or the machine's processors") val threads: Int = 1,
    val callbacks: List<CallbackSpec> = emptyList(),
    // Left out where it is the default, also in model files (which write every other default): files written
    // before the guard existed, and runs with the default guard, keep the same bytes.
    @EncodeDefault(EncodeDefault.Mode.NEVER) val divergence: DivergenceSpec = DivergenceSpec.DEFAULT,
    // Left out where it is the default, as divergence: files of shuffled runs keep their bytes.
    @EncodeDefault(EncodeDefault.Mode.NEVER) val shuffle: Boolean = true,
    // Left out where they are the defaults (no weights), as divergence: unweighted runs keep their bytes.
    @EncodeDefault(EncodeDefault.Mode.NEVER) val classWeight: ClassWeightSpec? = null,
    @EncodeDefault(EncodeDefault.Mode.NEVER) @Serializable(with = WeightNormalizationSerializer::class)
    val weightNormalization: WeightNormalization = WeightNormalization.DEFAULT,
) {
    /** A copy built step by step from this one (for Java; Kotlin has `copy` and the DSL). */
    fun toBuilder(): Builder = Builder(this)

    /** Builds a [TrainingSpec] for Java callers: `TrainingSpec.builder().loss(…).optimizer(…).epochs(300).build()`. */
    class Builder internal constructor(private var spec: TrainingSpec) {
        fun loss(loss: Loss) = apply { spec = spec.copy(loss = loss) }
        fun reduction(reduction: Reduction) = apply { spec = spec.copy(reduction = reduction) }
        fun optimizer(optimizer: OptimizerSpec) = apply { spec = spec.copy(optimizer = optimizer) }
        fun schedule(schedule: ScheduleSpec) = apply { spec = spec.copy(schedule = schedule) }
        fun epochs(epochs: Int) = apply { spec = spec.copy(epochs = epochs) }
        fun batchSize(batchSize: BatchSizeSpec) = apply { spec = spec.copy(batchSize = batchSize) }
        fun seed(seed: Long) = apply { spec = spec.copy(seed = seed) }
        fun threads(threads: Int) = apply { spec = spec.copy(threads = threads) }
        fun callbacks(callbacks: List<CallbackSpec>) = apply { spec = spec.copy(callbacks = callbacks.toList()) }
        fun divergence(divergence: DivergenceSpec) = apply { spec = spec.copy(divergence = divergence) }
        fun shuffle(shuffle: Boolean) = apply { spec = spec.copy(shuffle = shuffle) }
        fun classWeight(classWeight: ClassWeightSpec?) = apply { spec = spec.copy(classWeight = classWeight) }
        fun weightNormalization(normalization: WeightNormalization) = apply { spec = spec.copy(weightNormalization = normalization) }
        fun build(): TrainingSpec = spec
    }

    companion object {
        /** A builder starting from the defaults. */
        @JvmStatic
        fun builder(): Builder = Builder(TrainingSpec())

        /** Binary cross-entropy: the loss when none is given. */
        @JvmField val DEFAULT_LOSS: Loss = BinaryCrossEntropy()

        /** `sgd` at its concept's defaults. */
        @JvmField val DEFAULT_OPTIMIZER: OptimizerSpec = Sgd.CONCEPT.create()

        /** The constant schedule. */
        @JvmField val DEFAULT_SCHEDULE: ScheduleSpec = Constant()
    }
}

/** A mini-batch size: a number of rows, or `"full"` for full-batch gradient descent. */
@Serializable(with = BatchSizeSpecSerializer::class)
sealed interface BatchSizeSpec {
    data class Rows(val rows: Int) : BatchSizeSpec

    data object Full : BatchSizeSpec

    companion object {
        /** [rows] rows per batch. */
        @JvmStatic
        fun rows(rows: Int): BatchSizeSpec = Rows(rows)

        /** One batch of every training row. */
        @JvmStatic
        fun full(): BatchSizeSpec = Full
    }
}
