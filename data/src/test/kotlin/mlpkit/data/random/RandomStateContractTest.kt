package mlpkit.data.random

import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** Seeding limits, state snapshots and the arguments numpy rejects. */
class RandomStateContractTest {
    private fun rejects(vararg fragments: String, call: () -> Unit) {
        val error = assertThrows(IllegalArgumentException::class.java) { call() }
        for (fragment in fragments) {
            assertTrue(error.message!!.contains(fragment), "message '${error.message}' should mention '$fragment'")
        }
    }

    @Test
    fun `seeds outside 0 until 2^32 are rejected as numpy rejects them`() {
        rejects("between 0 and 2**32 - 1", "got -1") { RandomState(-1) }
        rejects("got 4294967296") { RandomState(4294967296L) }
        rejects("got -5") { RandomState(1).seed(-5) }
        RandomState(0)
        RandomState(4294967295L)
    }

    @Test
    fun `a snapshot restores the stream exactly, cached Gaussian included`() {
        val rng = RandomState(99)
        rng.standardNormal(3) // odd: one value cached
        val snapshot = rng.snapshot()
        assertTrue(snapshot.cachedGaussian != null)
        val next = rng.standardNormal(7) + rng.randomSample(700)
        val restored = RandomState.fromSnapshot(snapshot)
        assertArrayEquals(next, restored.standardNormal(7) + restored.randomSample(700))
        rng.restore(snapshot)
        assertArrayEquals(next, rng.standardNormal(7) + rng.randomSample(700))
    }

    @Test
    fun `snapshots are values with numpy's layout`() {
        val a = RandomState(0).snapshot()
        assertEquals(RandomState(0).snapshot(), a)
        assertEquals(RandomState(0).snapshot().hashCode(), a.hashCode())
        assertEquals(624, a.position)
        assertNull(a.cachedGaussian)
        assertEquals(listOf(0u, 1u, 1812433255u), a.key.take(3).map { it.toUInt() })
        assertNotEquals(RandomState(1).snapshot(), a)
        rejects("624 key words", "got 3") { RandomStateSnapshot(IntArray(3), 0, null) }
        rejects("between 0 and 624", "got 625") { RandomStateSnapshot(IntArray(624), 625, null) }
    }

    @Test
    fun `a generator without a seed is seeded from entropy, differently each time`() {
        assertFalse(RandomState().randomSample(4).contentEquals(RandomState().randomSample(4)))
        assertFalse(RandomState.checkRandomState(null).randomSample(2).contentEquals(RandomState.checkRandomState(null).randomSample(2)))
        assertArrayEquals(RandomState(3).randomSample(2), RandomState.checkRandomState(3).randomSample(2))
    }

    @Test
    fun `randint needs low below high and draws nothing for a single value`() {
        rejects("low < high", "low = 5, high = 5") { RandomState(1).randint(5, 5) }
        rejects("low = 0, high = 0") { RandomState(1).randint(0) }
        val rng = RandomState(4)
        assertArrayEquals(longArrayOf(7, 7, 7), rng.randint(7, 8, 3))
        assertArrayEquals(RandomState(4).randomSample(2), rng.randomSample(2))
    }

    @Test
    fun `randint covers the whole int64 range without overflow`() {
        val values = RandomState(8).randint(Long.MIN_VALUE, Long.MAX_VALUE, 1000)
        assertTrue(values.any { it < 0 } && values.any { it > 0 })
        assertTrue(values.none { it == Long.MAX_VALUE })
    }

    @Test
    fun `normal rejects a negative scale and uniform an infinite range`() {
        rejects("scale", "≥ 0", "got -1.0") { RandomState(1).normal(0.0, -1.0) }
        rejects("got -0.5") { RandomState(1).normal(0.0, -0.5, 3) }
        rejects("finite range") { RandomState(1).uniform(-Double.MAX_VALUE, Double.MAX_VALUE) }
        rejects("must be ≥ 0, got -2") { RandomState(1).randomSample(-2) }
    }

    @Test
    fun `choice rejects what numpy's choice rejects, saying what to pass`() {
        val rng = RandomState(1)
        rejects("population of at least 1", "n = 0") { rng.choice(0, 3) }
        rejects("at most n = 3", "size = 4", "replace = true") { rng.choice(3, 4, replace = false) }
        rejects("one probability per index", "n = 3 but p has 2") { rng.choice(3, 2, p = doubleArrayOf(0.5, 0.5)) }
        rejects("sum to 1", "divide p by its sum") { rng.choice(2, 2, p = doubleArrayOf(0.5, 0.6)) }
        rejects("must be ≥ 0") { rng.choice(2, 2, p = doubleArrayOf(1.5, -0.5)) }
        rejects("NaN") { rng.choice(2, 2, p = doubleArrayOf(Double.NaN, 1.0)) }
        rejects("at least size = 3", "only 2") { rng.choice(4, 3, replace = false, p = doubleArrayOf(0.5, 0.5, 0.0, 0.0)) }
        assertEquals(0, rng.choice(0, 0).size)
    }

    @Test
    fun `choice without replacement returns distinct indices`() {
        val rng = RandomState(21)
        repeat(50) {
            val picked = rng.choice(10, 7, replace = false, p = DoubleArray(10) { i -> (i + 1) / 55.0 })
            assertEquals(7, picked.distinct().size)
            assertEquals(7, rng.choice(10, 7, replace = false).distinct().size)
        }
    }

    @Test
    fun `shuffling a list draws the same indices as shuffling an array`() {
        val array = IntArray(25) { it }
        RandomState(13).shuffle(array)
        val list = MutableList(25) { it }
        RandomState(13).shuffle(list)
        assertEquals(array.toList(), list)
    }
}
