package mlpkit.dsl.train

import mlpkit.core.network.Seeds
import mlpkit.data.random.RandomState

/**
 * The independent random streams of one run, all derived from the spec's [seed], each a numpy
 * [RandomState] (so its exact state can be snapshotted into a checkpoint and restored):
 *
 * - [init]: the initial weights. For a seed numpy accepts (0 ≤ seed < 2³²) this is `RandomState(seed)`
 *   itself, so an article's `np.random.seed(42)` initial weights are reproduced by seed 42; other seeds
 *   go through the mixer like the rest.
 * - [shuffle], [dropout], [split], [augment]: seeded with [derive]`(seed, stream)`.
 * - [dataSeed]: the `random_state` of a generated set whose spec leaves it out.
 *
 * [derive] is core's [Seeds.derive] (SplitMix64 of `seed + stream · 0x9E3779B97F4A7C15`, high 32 bits),
 * with core's stream numbers: nearby seeds and nearby stream numbers give unrelated 32-bit MT19937 seeds.
 */
class SeedStreams(val seed: Long) {
    val initSeed: Long = if (seed in 0 until NUMPY_SEED_LIMIT) seed else derive(seed, INIT)
    val shuffleSeed: Long = derive(seed, SHUFFLE)
    val dropoutSeed: Long = derive(seed, DROPOUT)
    val splitSeed: Long = derive(seed, SPLIT)
    val dataSeed: Long = derive(seed, DATA)
    val augmentSeed: Long = derive(seed, AUGMENT)
    /** numpy's `random_state` of a cross-validation's folds when its spec leaves it out. */
    val foldsSeed: Long = derive(seed, FOLDS)

    /** A new generator at the start of the initialisation stream. */
    fun init(): RandomState = RandomState(initSeed)

    /** A new generator at the start of the mini-batch shuffling stream. */
    fun shuffle(): RandomState = RandomState(shuffleSeed)

    /** A new generator at the start of the dropout-mask stream. */
    fun dropout(): RandomState = RandomState(dropoutSeed)

    /** A new generator at the start of the data-augmentation stream (the training batches' random shifts). */
    fun augment(): RandomState = RandomState(augmentSeed)

    /** A new generator at the start of the train/validation/test split stream. */
    fun split(): RandomState = RandomState(splitSeed)

    override fun toString(): String =
        "SeedStreams(seed=$seed: init $initSeed, shuffle $shuffleSeed, dropout $dropoutSeed, split $splitSeed, data $dataSeed)"

    companion object {
        private const val NUMPY_SEED_LIMIT = 1L shl 32

        const val INIT = Seeds.INIT
        const val SHUFFLE = Seeds.SHUFFLE
        const val DROPOUT = Seeds.DROPOUT
        const val SPLIT = Seeds.SPLIT
        const val DATA = Seeds.DATA
        const val AUGMENT = Seeds.AUGMENT
        const val FOLDS = Seeds.FOLDS

        /** A 32-bit seed for stream number [stream] of [seed]: core's [Seeds.derive]. */
        @JvmStatic
        fun derive(seed: Long, stream: Int): Long = Seeds.derive(seed, stream)
    }
}
