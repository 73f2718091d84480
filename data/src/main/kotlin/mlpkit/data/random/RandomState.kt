package mlpkit.data.random

import mlpkit.core.matrix.DenseMatrix
import org.apache.commons.math3.exception.NotStrictlyPositiveException
import org.apache.commons.math3.random.RandomGenerator
import java.security.SecureRandom

/**
 * numpy's legacy `numpy.random.RandomState` (MT19937), bit for bit: the same seed gives the same
 * numbers, and every method consumes the underlying 32-bit stream in the same order as numpy 1.24, so
 * calls can be interleaved exactly as in a Python script (sklearn's generators rely on that).
 *
 * It is also a Commons Math [RandomGenerator], so core's initialisers draw what numpy would:
 * [nextDouble] is `random_sample()` and [nextGaussian] is `standard_normal()` (numpy's polar method,
 * which keeps the second value of each pair for the next call; Commons Math's own generators differ).
 *
 * Not thread-safe, like numpy's (which takes a lock): give each thread its own instance.
 */
class RandomState private constructor(private val twister: Mt19937) : RandomGenerator {
    /** The second value of the last polar-method pair, waiting for the next Gaussian draw (numpy's `gauss`). */
    private var cachedGaussian: Double? = null

    /** `numpy.random.RandomState(seed)` for 0 ≤ seed < 2³² (numpy rejects any other integer). */
    constructor(seed: Long) : this(Mt19937()) {
        twister.seed(checkedSeed(seed))
    }

    /**
     * A generator seeded from the operating system's entropy, like `RandomState()` / `RandomState(None)`:
     * different on every run. Use [snapshot] to record its state if the run must be repeatable later.
     */
    constructor() : this(Mt19937()) {
        val entropy = SecureRandom()
        twister.seedByArray(IntArray(Mt19937.STATE_WORDS) { entropy.nextInt() })
    }

    // ---------------------------------------------------------------- seeding and state

    /** Reseeds like `RandomState.seed(seed)`: same as a new `RandomState(seed)`, cached Gaussian dropped. */
    fun seed(seed: Long) {
        twister.seed(checkedSeed(seed))
        cachedGaussian = null
    }

    /**
     * Reseeds like `RandomState.seed(array)` (numpy's `init_by_array`). Each Int is taken as the bits of
     * an unsigned 32-bit word, so `-1` stands for numpy's `4294967295`.
     */
    fun seed(words: IntArray) {
        require(words.isNotEmpty()) {
            "an array seed needs at least one 32-bit word, got an empty array: pass e.g. intArrayOf(1, 2, 3)"
        }
        twister.seedByArray(words)
        cachedGaussian = null
    }

    /** The full state (numpy's `get_state()`), to continue the same stream later with [restore]. */
    fun snapshot(): RandomStateSnapshot = RandomStateSnapshot(twister.key.copyOf(), twister.position, cachedGaussian)

    /** Puts the generator back into [snapshot]'s state (numpy's `set_state`). */
    fun restore(snapshot: RandomStateSnapshot) {
        snapshot.key.copyInto(twister.key)
        twister.position = snapshot.position
        cachedGaussian = snapshot.cachedGaussian
    }

    // ---------------------------------------------------------------- continuous distributions

    /** numpy's `random_sample()`: uniform on [0, 1) with 53 random bits. */
    fun randomSample(): Double = twister.nextDouble()

    /** numpy's `random_sample(n)`. */
    fun randomSample(n: Int): DoubleArray {
        requireCount(n)
        return DoubleArray(n) { twister.nextDouble() }
    }

    /**
     * numpy's legacy `standard_normal()` (`legacy_gauss`): Marsaglia's polar method. Each accepted pair
     * (x1, x2) yields `f·x2` now and keeps `f·x1` for the next call, so an odd number of draws leaves a
     * value cached (it is part of [snapshot]).
     *
     * The one operation that is not exact arithmetic is the logarithm: Java's `Math.log` and glibc's
     * `log` (which numpy calls) are both faithful but neither is correctly rounded, and for rare
     * arguments they round to neighbouring doubles. Such a draw then differs from numpy's in the last
     * bit or two (the tests allow 4 ulps); the accept/reject decisions, and so the stream position,
     * never differ.
     */
    fun standardNormal(): Double {
        cachedGaussian?.let {
            cachedGaussian = null
            return it
        }
        var x1: Double
        var x2: Double
        var r2: Double
        do {
            x1 = 2.0 * twister.nextDouble() - 1.0
            x2 = 2.0 * twister.nextDouble() - 1.0
            r2 = x1 * x1 + x2 * x2
        } while (r2 >= 1.0 || r2 == 0.0)
        val f = Math.sqrt(-2.0 * Math.log(r2) / r2)
        cachedGaussian = f * x1
        return f * x2
    }

    /** numpy's `standard_normal(n)`. */
    fun standardNormal(n: Int): DoubleArray {
        requireCount(n)
        return DoubleArray(n) { standardNormal() }
    }

    /**
     * numpy's legacy `uniform(low, high)`: `low + (high − low)·random_sample()`. As in numpy, `high < low`
     * is allowed (the interval is then (high, low]); an infinite or NaN range is rejected.
     */
    fun uniform(low: Double = 0.0, high: Double = 1.0): Double {
        val range = checkedRange(low, high)
        return low + range * twister.nextDouble()
    }

    /** numpy's `uniform(low, high, size=n)`. */
    fun uniform(low: Double, high: Double, n: Int): DoubleArray {
        requireCount(n)
        val range = checkedRange(low, high)
        return DoubleArray(n) { low + range * twister.nextDouble() }
    }

    /** numpy's legacy `normal(loc, scale)`: `loc + scale·standard_normal()`; `scale` must be ≥ 0. */
    fun normal(loc: Double = 0.0, scale: Double = 1.0): Double {
        requireScale(scale)
        return loc + scale * standardNormal()
    }

    /** numpy's `normal(loc, scale, size=n)`. */
    fun normal(loc: Double, scale: Double, n: Int): DoubleArray {
        requireCount(n)
        requireScale(scale)
        return DoubleArray(n) { loc + scale * standardNormal() }
    }

    // ---------------------------------------------------------------- integers

    /** numpy's `randint(high)`: an integer in [0, high). */
    fun randint(high: Long): Long = randint(0L, high)

    /**
     * numpy's `randint(low, high)` with the default dtype (int64): an integer in [low, high) by masked
     * rejection sampling — draw, keep the bits under the smallest all-ones mask covering `high − low − 1`,
     * retry while above it. Ranges that fit in 32 bits draw one 32-bit word per try, larger ones a 64-bit
     * word (high word first), exactly as numpy's `random_bounded_uint64_fill`.
     */
    fun randint(low: Long, high: Long): Long {
        requireIntegerBounds(low, high)
        return low + boundedUnsigned(high - 1 - low)
    }

    /** numpy's `randint(low, high, size=n)`: the same draws as n scalar calls. */
    fun randint(low: Long, high: Long, n: Int): LongArray {
        requireCount(n)
        requireIntegerBounds(low, high)
        val range = high - 1 - low
        return LongArray(n) { low + boundedUnsigned(range) }
    }

    /**
     * A value in [0, range] for `range` read as an unsigned 64-bit number: numpy's `random_interval` /
     * `bounded_masked_uint64` (no draw at all when range is 0).
     */
    private fun boundedUnsigned(range: Long): Long {
        if (range == 0L) return 0L
        val mask = smallestMaskCovering(range)
        if (range.toULong() <= Mt19937.MASK_32.toULong()) {
            // 32-bit words; for range 2³² − 1 the mask keeps every bit and the first word is taken.
            while (true) {
                val value = twister.next32().toLong() and mask
                if (value <= range) return value
            }
        }
        if (range == -1L) return twister.next64() // the full 64-bit range: every word fits
        while (true) {
            val value = twister.next64() and mask
            if (value.toULong() <= range.toULong()) return value
        }
    }

    private fun smallestMaskCovering(range: Long): Long {
        var mask = range
        mask = mask or (mask ushr 1)
        mask = mask or (mask ushr 2)
        mask = mask or (mask ushr 4)
        mask = mask or (mask ushr 8)
        mask = mask or (mask ushr 16)
        mask = mask or (mask ushr 32)
        return mask
    }

    /** numpy's `random_interval(max)` for the Fisher–Yates shuffles: an index in [0, max]. */
    private fun interval(max: Int): Int = boundedUnsigned(max.toLong()).toInt()

    // ---------------------------------------------------------------- permutations

    /**
     * numpy's legacy `shuffle` in place: for i from n − 1 down to 1, swap element i with element
     * `random_interval(i)`.
     */
    fun shuffle(values: IntArray) {
        for (i in values.size - 1 downTo 1) {
            val j = interval(i)
            val t = values[i]; values[i] = values[j]; values[j] = t
        }
    }

    /** numpy's `shuffle` of a 1-D float array (same draws as for [IntArray]). */
    fun shuffle(values: DoubleArray) {
        for (i in values.size - 1 downTo 1) {
            val j = interval(i)
            val t = values[i]; values[i] = values[j]; values[j] = t
        }
    }

    /** numpy's `shuffle` of a 1-D int64 array. */
    fun shuffle(values: LongArray) {
        for (i in values.size - 1 downTo 1) {
            val j = interval(i)
            val t = values[i]; values[i] = values[j]; values[j] = t
        }
    }

    /** numpy's `shuffle` of a list (its untyped path draws the same indices). */
    fun <T> shuffle(values: MutableList<T>) {
        for (i in values.size - 1 downTo 1) {
            val j = interval(i)
            values[i] = values.set(j, values[i])
        }
    }

    /** numpy's `shuffle` of a 2-D array: whole rows are permuted (the first axis), columns stay. */
    fun shuffle(matrix: DenseMatrix) {
        val cols = matrix.columnDimension
        val data = matrix.data()
        val base = matrix.offset()
        val buffer = DoubleArray(cols)
        for (i in matrix.rowDimension - 1 downTo 1) {
            val j = interval(i)
            if (i == j) continue
            System.arraycopy(data, base + j * cols, buffer, 0, cols)
            System.arraycopy(data, base + i * cols, data, base + j * cols, cols)
            System.arraycopy(buffer, 0, data, base + i * cols, cols)
        }
    }

    /** numpy's `permutation(n)`: `arange(n)` shuffled. */
    fun permutation(n: Int): IntArray {
        requireCount(n)
        return IntArray(n) { it }.also { shuffle(it) }
    }

    /**
     * numpy's legacy `choice(n, size, replace, p)`: [size] indices in [0, n).
     *
     * - replace, no p: `randint(0, n, size)`;
     * - replace with p: the cumulative sum of p (normalised by its last entry), one `random_sample` per
     *   index, and the first cdf entry strictly above it (`searchsorted(side='right')`);
     * - no replace, no p: `permutation(n)[:size]`;
     * - no replace with p: numpy's loop — draw as many uniforms as indices are missing, zero the
     *   probabilities already taken, keep the new distinct indices in order of first appearance, repeat.
     */
    fun choice(n: Int, size: Int, replace: Boolean = true, p: DoubleArray? = null): IntArray {
        requireCount(size)
        require(n > 0 || size == 0) {
            "choice needs a population of at least 1 to draw $size indices, got n = $n: pass n ≥ 1 or size = 0"
        }
        if (p != null) checkProbabilities(n, p)
        if (replace) {
            if (p == null) return IntArray(size) { randint(0L, n.toLong()).toInt() }
            val cdf = normalisedCumulativeSum(p)
            val uniforms = randomSample(size)
            return IntArray(size) { firstIndexAbove(cdf, uniforms[it]) }
        }
        require(size <= n) {
            "choice without replacement can take at most n = $n distinct indices, got size = $size: " +
                "pass size ≤ n or replace = true"
        }
        if (p == null) return permutation(n).copyOf(size)
        val positive = p.count { it > 0.0 }
        require(positive >= size) {
            "choice without replacement needs at least size = $size indices with probability > 0, " +
                "but p has only $positive: give more indices a positive probability or draw fewer"
        }
        val remaining = p.copyOf()
        val found = IntArray(size)
        var foundCount = 0
        while (foundCount < size) {
            val uniforms = randomSample(size - foundCount)
            for (k in 0 until foundCount) remaining[found[k]] = 0.0
            val cdf = normalisedCumulativeSum(remaining)
            val seen = HashSet<Int>()
            val newFound = ArrayList<Int>()
            for (u in uniforms) {
                val index = firstIndexAbove(cdf, u)
                if (seen.add(index)) newFound.add(index)
            }
            // numpy keeps each new distinct value once, in order of first appearance; an index drawn
            // again in a later round is not filtered out (numpy does not either: p is zero there).
            for (index in newFound) found[foundCount++] = index
        }
        return found
    }

    /** `cumsum(p) / cumsum(p)[-1]`, summed left to right as numpy's `cumsum` does. */
    private fun normalisedCumulativeSum(p: DoubleArray): DoubleArray {
        val cdf = DoubleArray(p.size)
        var sum = 0.0
        for (i in p.indices) {
            sum += p[i]
            cdf[i] = sum
        }
        val last = cdf[cdf.size - 1]
        for (i in cdf.indices) cdf[i] /= last
        return cdf
    }

    /** `searchsorted(cdf, u, side='right')`: the number of entries ≤ u. */
    private fun firstIndexAbove(cdf: DoubleArray, u: Double): Int {
        var lo = 0
        var hi = cdf.size
        while (lo < hi) {
            val mid = (lo + hi) ushr 1
            if (cdf[mid] <= u) lo = mid + 1 else hi = mid
        }
        return lo
    }

    /** numpy's checks on `p`: same length as the population, no NaN, none negative, Kahan sum within √ε of 1. */
    private fun checkProbabilities(n: Int, p: DoubleArray) {
        require(p.size == n) {
            "choice needs one probability per index: n = $n but p has ${p.size} entries; pass p of length $n"
        }
        val sum = kahanSum(p)
        require(!sum.isNaN()) { "choice probabilities contain NaN: p = ${p.contentToString()}; pass finite probabilities" }
        require(p.none { it < 0.0 }) {
            "choice probabilities must be ≥ 0, got p = ${p.contentToString()}: remove the negative entries"
        }
        require(Math.abs(sum - 1.0) <= PROBABILITY_SUM_TOLERANCE) {
            "choice probabilities must sum to 1 (within ${PROBABILITY_SUM_TOLERANCE}), got a sum of $sum: " +
                "divide p by its sum"
        }
    }

    private fun kahanSum(values: DoubleArray): Double {
        if (values.isEmpty()) return 0.0
        var sum = values[0]
        var compensation = 0.0
        for (i in 1 until values.size) {
            val y = values[i] - compensation
            val t = sum + y
            compensation = (t - sum) - y
            sum = t
        }
        return sum
    }

    /**
     * numpy's `RandomState.bytes(length)`: little-endian bytes of whole 32-bit words, the last word cut
     * to fit.
     */
    fun bytes(length: Int): ByteArray = ByteArray(length).also { nextBytes(it) }

    // ---------------------------------------------------------------- Commons Math RandomGenerator

    /** Same as [seed] with the Int's bits read as an unsigned 32-bit seed (`-1` is numpy's 4294967295). */
    override fun setSeed(seed: Int) = seed(seed.toLong() and Mt19937.MASK_32)

    /** Same as [seed] with an array: numpy's `init_by_array`. */
    override fun setSeed(seed: IntArray) = seed(seed)

    /** Same as [seed]: numpy accepts only 0 ≤ seed < 2³². */
    override fun setSeed(seed: Long) = seed(seed)

    /** Fills [bytes] like numpy's `RandomState.bytes(bytes.size)`. */
    override fun nextBytes(bytes: ByteArray) {
        var i = 0
        while (i < bytes.size) {
            var word = twister.next32()
            val end = minOf(i + 4, bytes.size)
            while (i < end) {
                bytes[i++] = word.toByte()
                word = word ushr 8
            }
        }
    }

    /** One raw 32-bit MT19937 output, its bits as a signed Int (numpy's `randint(2**32, dtype=uint32)`). */
    override fun nextInt(): Int = twister.next32()

    /** numpy's `randint(0, n)`; n must be positive. */
    override fun nextInt(n: Int): Int {
        if (n <= 0) throw NotStrictlyPositiveException(n)
        return boundedUnsigned(n - 1L).toInt()
    }

    /** One raw 64-bit output (numpy's `next_uint64`: two words, the first is the high one), as a signed Long. */
    override fun nextLong(): Long = twister.next64()

    /** The top bit of one 32-bit output (numpy has no boolean draw; Commons Math also uses the top bit). */
    override fun nextBoolean(): Boolean = twister.next32() < 0

    /** 24 random bits of one 32-bit output in [0, 1) (as numpy's `Generator.random(dtype=float32)`). */
    override fun nextFloat(): Float = (twister.next32() ushr 8) * FLOAT_UNIT

    /** numpy's `random_sample()`. */
    override fun nextDouble(): Double = randomSample()

    /** numpy's legacy `standard_normal()`, with its cached second value (see [standardNormal]). */
    override fun nextGaussian(): Double = standardNormal()

    companion object {
        private const val FLOAT_UNIT = 1.0f / (1 shl 24)
        private const val SEED_LIMIT = 1L shl 32

        /** numpy's tolerance on the sum of `p` in `choice`: √(machine ε). */
        private val PROBABILITY_SUM_TOLERANCE = Math.sqrt(Math.ulp(1.0))

        /** A generator in [snapshot]'s state. */
        @JvmStatic
        fun fromSnapshot(snapshot: RandomStateSnapshot): RandomState = RandomState(Mt19937()).also { it.restore(snapshot) }

        /** `RandomState(array)`: numpy's `init_by_array` seeding, each Int read as an unsigned word. */
        @JvmStatic
        fun fromArraySeed(words: IntArray): RandomState = RandomState(Mt19937()).also { it.seed(words) }

        /**
         * sklearn's `check_random_state` for an integer or None: a new `RandomState(seed)`, or a
         * freshly seeded one when [seed] is null. (Where sklearn's None means numpy's global generator,
         * this returns a new nondeterministic one: the project has no global random state.)
         */
        @JvmStatic
        fun checkRandomState(seed: Long?): RandomState = if (seed == null) RandomState() else RandomState(seed)

        private fun checkedSeed(seed: Long): Int {
            require(seed in 0 until SEED_LIMIT) {
                "a RandomState seed must be between 0 and 2**32 - 1 (4294967295) as in numpy, got $seed: " +
                    "pass a seed in that range"
            }
            return seed.toInt()
        }

        private fun requireCount(n: Int) {
            require(n >= 0) { "the number of values to draw must be ≥ 0, got $n" }
        }

        private fun requireScale(scale: Double) {
            require(scale >= 0.0) {
                "normal needs scale (the standard deviation) ≥ 0, got $scale: pass a non-negative scale"
            }
        }

        private fun requireIntegerBounds(low: Long, high: Long) {
            require(low < high) {
                "randint draws from [low, high) and needs low < high, got low = $low, high = $high: pass a larger high"
            }
        }

        private fun checkedRange(low: Double, high: Double): Double {
            val range = high - low
            require(range.isFinite()) {
                "uniform needs a finite range high - low, got low = $low, high = $high: pass finite bounds closer together"
            }
            return range
        }
    }
}
