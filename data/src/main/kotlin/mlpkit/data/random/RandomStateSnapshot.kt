package mlpkit.data.random

/**
 * Everything a [RandomState] will draw next depends on, in the shape of numpy's
 * `RandomState.get_state()`: `('MT19937', key, pos, has_gauss, cached_gaussian)`.
 *
 * [key] holds the 624 state words as the bits of numpy's `uint32` values (a word above 2³¹ − 1 shows
 * here as a negative Int; `key[i].toUInt()` gives numpy's number). [position] is numpy's `pos`
 * (0..624). [cachedGaussian] is the second value of the last polar-method pair when one is waiting
 * (numpy's `has_gauss = 1`), otherwise null.
 *
 * Restoring a snapshot with [RandomState.restore] or [RandomState.fromSnapshot] continues the stream
 * exactly where it was taken.
 */
data class RandomStateSnapshot(
    val key: IntArray,
    val position: Int,
    val cachedGaussian: Double?,
) {
    init {
        require(key.size == Mt19937.STATE_WORDS) {
            "an MT19937 state has ${Mt19937.STATE_WORDS} key words, got ${key.size}: " +
                "pass the key array of numpy's get_state()[1] or of RandomState.snapshot()"
        }
        require(position in 0..Mt19937.STATE_WORDS) {
            "an MT19937 position is between 0 and ${Mt19937.STATE_WORDS}, got $position: " +
                "pass numpy's get_state()[2] or the position of RandomState.snapshot()"
        }
    }

    // Arrays compare by identity in a generated data-class equals; a snapshot is a value.
    override fun equals(other: Any?): Boolean =
        other is RandomStateSnapshot && position == other.position &&
            cachedGaussian == other.cachedGaussian && key.contentEquals(other.key)

    override fun hashCode(): Int = (key.contentHashCode() * 31 + position) * 31 + cachedGaussian.hashCode()

    override fun toString(): String =
        "RandomStateSnapshot(key=[${key[0].toUInt()}, ${key[1].toUInt()}, … ${key.size} words], " +
            "position=$position, cachedGaussian=$cachedGaussian)"
}
