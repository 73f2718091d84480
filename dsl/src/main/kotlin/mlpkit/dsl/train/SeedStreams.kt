package mlpkit.dsl.train

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
 * [derive] is SplitMix64 (Steele, Lea & Flood 2014, the finaliser of `java.util.SplittableRandom`)
 * applied to `seed + stream · 0x9E3779B97F4A7C15`, keeping the high 32 bits: nearby seeds and nearby
 * stream numbers give unrelated 32-bit MT19937 seeds. The same seed always gives the same streams.
 */
class SeedStreams(val seed: Long) {
    val initSeed: Long = if (seed in 0 until NUMPY_SEED_LIMIT) seed else derive(seed, INIT)
    val shuffleSeed: Long = derive(seed, SHUFFLE)
    val dropoutSeed: Long = derive(seed, DROPOUT)
    val splitSeed: Long = derive(seed, SPLIT)
    val dataSeed: Long = derive(seed, DATA)
    val augmentSeed: Long = derive(seed, AUGMENT)

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
        private const val GOLDEN_GAMMA = -0x61c8864680b583ebL // 0x9E3779B97F4A7C15

        const val INIT = 1
        const val SHUFFLE = 2
        const val DROPOUT = 3
        const val SPLIT = 4
        const val DATA = 5
        const val AUGMENT = 6

        /** A 32-bit seed (0 ≤ result < 2³²) for stream number [stream] of [seed]: SplitMix64's mix, high half. */
        @JvmStatic
        fun derive(seed: Long, stream: Int): Long {
            var z = seed + stream * GOLDEN_GAMMA
            z = (z xor (z ushr 30)) * -0x40a7b892e31b1a47L // 0xBF58476D1CE4E5B9
            z = (z xor (z ushr 27)) * -0x6b2fb644ecceee15L // 0x94D049BB133111EB
            z = z xor (z ushr 31)
            return z ushr 32
        }
    }
}
