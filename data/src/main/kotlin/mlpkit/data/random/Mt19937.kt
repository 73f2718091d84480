package mlpkit.data.random

/**
 * The MT19937 Mersenne Twister exactly as numpy's legacy `RandomState` runs it: 624 words of state,
 * a position in them, numpy's `mt19937_seed` (Knuth's 1812433253 recurrence) for an integer seed and
 * `mt19937_init_by_array` for an array seed. Words are kept as the bits of unsigned 32-bit integers in
 * an [IntArray]; arithmetic is done on them with `ushr` and unsigned widening where the sign matters.
 *
 * Not thread-safe; [RandomState] owns one instance.
 */
internal class Mt19937 {
    val key = IntArray(STATE_WORDS)
    var position = STATE_WORDS

    /** numpy's `mt19937_seed(state, seed)`: the standard init_genrand. */
    fun seed(seed: Int) {
        var s = seed
        for (i in 0 until STATE_WORDS) {
            key[i] = s
            s = 1812433253 * (s xor (s ushr 30)) + i + 1
        }
        position = STATE_WORDS
    }

    /**
     * numpy's `mt19937_init_by_array`, used by `RandomState(array)`: the reference init_by_array,
     * seeded first with 19650218, and the first word forced to 0x80000000 so the state is never all zero.
     */
    fun seedByArray(initKey: IntArray) {
        require(initKey.isNotEmpty()) { "an array seed needs at least one word, got an empty array" }
        seed(19650218)
        var i = 1
        var j = 0
        var k = maxOf(STATE_WORDS, initKey.size)
        while (k > 0) {
            val previous = key[i - 1]
            key[i] = (key[i] xor ((previous xor (previous ushr 30)) * 1664525)) + initKey[j] + j
            i++
            j++
            if (i >= STATE_WORDS) {
                key[0] = key[STATE_WORDS - 1]
                i = 1
            }
            if (j >= initKey.size) j = 0
            k--
        }
        k = STATE_WORDS - 1
        while (k > 0) {
            val previous = key[i - 1]
            key[i] = (key[i] xor ((previous xor (previous ushr 30)) * 1566083941)) - i
            i++
            if (i >= STATE_WORDS) {
                key[0] = key[STATE_WORDS - 1]
                i = 1
            }
            k--
        }
        key[0] = Int.MIN_VALUE // 0x80000000
        position = STATE_WORDS
    }

    /** The next tempered 32-bit output (numpy's `mt19937_next`), as the bits of an unsigned int. */
    fun next32(): Int {
        if (position == STATE_WORDS) regenerate()
        var y = key[position++]
        y = y xor (y ushr 11)
        y = y xor ((y shl 7) and 0x9d2c5680.toInt())
        y = y xor ((y shl 15) and 0xefc60000.toInt())
        y = y xor (y ushr 18)
        return y
    }

    /** numpy's `mt19937_next64`: the first 32-bit output is the high word. */
    fun next64(): Long {
        val high = next32().toLong() and MASK_32
        val low = next32().toLong() and MASK_32
        return (high shl 32) or low
    }

    /** numpy's `mt19937_next_double`: 53 random bits from two outputs (27 high bits, then 26). */
    fun nextDouble(): Double {
        val a = next32() ushr 5
        val b = next32() ushr 6
        return (a * 67108864.0 + b) / 9007199254740992.0
    }

    private fun regenerate() {
        var i = 0
        while (i < STATE_WORDS - SHIFT) {
            key[i] = twist(key[i], key[i + 1], key[i + SHIFT])
            i++
        }
        while (i < STATE_WORDS - 1) {
            key[i] = twist(key[i], key[i + 1], key[i + SHIFT - STATE_WORDS])
            i++
        }
        key[STATE_WORDS - 1] = twist(key[STATE_WORDS - 1], key[0], key[SHIFT - 1])
        position = 0
    }

    private fun twist(current: Int, next: Int, far: Int): Int {
        val y = (current and UPPER_MASK) or (next and LOWER_MASK)
        return far xor (y ushr 1) xor (-(y and 1) and MATRIX_A)
    }

    companion object {
        const val STATE_WORDS = 624
        private const val SHIFT = 397
        private const val MATRIX_A = 0x9908b0df.toInt()
        private const val UPPER_MASK = Int.MIN_VALUE
        private const val LOWER_MASK = 0x7fffffff
        const val MASK_32 = 0xffffffffL
    }
}
