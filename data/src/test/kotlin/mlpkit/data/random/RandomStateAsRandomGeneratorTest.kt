package mlpkit.data.random

import kotlinx.serialization.json.int
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import mlpkit.core.init.Normal
import mlpkit.data.random.RandomStateNumpyParityTest.Companion.assertGaussiansEqual
import org.apache.commons.math3.exception.NotStrictlyPositiveException
import org.apache.commons.math3.random.MersenneTwister
import org.apache.commons.math3.random.RandomGenerator
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** RandomState seen through Commons Math's [RandomGenerator], as core's initialisers use it. */
class RandomStateAsRandomGeneratorTest {
    /** The recorded `np.random.seed(42); randn(6, 5); randn(7, 4); randn(5, 3); randn(4, 1)` stream. */
    private val e0Weights = Fixtures.json("numpy_randomstate_streams.json")["cases"]!!.jsonArray
        .map { it.jsonObject }
        .single { case -> case["calls"]!!.jsonArray.first().jsonObject["method"]!!.jsonPrimitive.content == "randn" }

    @Test
    fun `nextGaussian after seed 42 draws numpy's randn(6, 5), then the next layers' randn, in C order`() {
        val rng: RandomGenerator = RandomState(42)
        for (call in e0Weights["calls"]!!.jsonArray) {
            val shape = call.jsonObject["args"]!!.jsonObject["shape"]!!.jsonArray.map { it.jsonPrimitive.int }
            val expected = Fixtures.matrix(call.jsonObject["result"]!!).third
            val drawn = DoubleArray(shape[0] * shape[1]) { rng.nextGaussian() }
            assertGaussiansEqual(expected, drawn, "randn$shape")
        }
    }

    @Test
    fun `core's normal initialiser draws numpy's randn through the RandomGenerator interface`() {
        val expected = Fixtures.matrix(e0Weights["calls"]!!.jsonArray[0].jsonObject["result"]!!).third
        val rng = RandomState(42)
        val drawn = DoubleArray(expected.size) { Normal(1.0).sample(rng, 5, 6) }
        assertGaussiansEqual(expected, drawn, "Normal(1.0) from RandomState(42)")
    }

    @Test
    fun `nextDouble is numpy's random_sample and differs from Commons Math's own nextDouble`() {
        val expected = RandomState(7).randomSample(20)
        val rng: RandomGenerator = RandomState(7)
        assertArrayEquals(expected, DoubleArray(20) { rng.nextDouble() })
        // Commons Math's MersenneTwister seeds the same way, but builds its doubles differently.
        val commons = MersenneTwister(7)
        assertFalse(expected.contentEquals(DoubleArray(20) { commons.nextDouble() }))
    }

    @Test
    fun `nextInt returns the raw 32-bit MT19937 words, the same as Commons Math's MersenneTwister with the same seed`() {
        val ours = RandomState(5489)
        val commons = MersenneTwister(5489)
        repeat(2000) { assertEquals(commons.nextInt(), ours.nextInt(), "word $it") }
    }

    @Test
    fun `nextLong is numpy's 64-bit draw, the first 32-bit word being the high half`() {
        val words = RandomState(3)
        val high = words.nextInt().toLong() and 0xffffffffL
        val low = words.nextInt().toLong() and 0xffffffffL
        assertEquals((high shl 32) or low, RandomState(3).nextLong())
    }

    @Test
    fun `nextInt(n) is numpy's randint(0, n) and rejects n below 1`() {
        val expected = RandomState(11).randint(0, 37, 50)
        val rng = RandomState(11)
        assertArrayEquals(expected, LongArray(50) { rng.nextInt(37).toLong() })
        assertThrows(NotStrictlyPositiveException::class.java) { rng.nextInt(0) }
    }

    @Test
    fun `nextBytes lays out whole 32-bit words little-endian and cuts the last one, like numpy's bytes`() {
        // The recorded numpy bytes(11) value itself is replayed in RandomStateNumpyParityTest.
        val words = RandomState(7).let { w -> IntArray(3) { w.nextInt() } }
        val expected = ByteArray(11) { i -> (words[i / 4] ushr (8 * (i % 4))).toByte() }
        val bytes = ByteArray(11)
        val rng = RandomState(7)
        rng.nextBytes(bytes)
        assertArrayEquals(expected, bytes)
        assertArrayEquals(RandomState(7).also { repeat(3) { _ -> it.nextInt() } }.randomSample(2), rng.randomSample(2))
    }

    @Test
    fun `setSeed restarts the stream and drops a cached Gaussian`() {
        val rng = RandomState(1)
        val first = DoubleArray(3) { rng.nextGaussian() } // leaves one value cached
        assertTrue(rng.snapshot().cachedGaussian != null)
        rng.setSeed(1)
        assertArrayEquals(first, DoubleArray(3) { rng.nextGaussian() })
        rng.setSeed(1L)
        assertArrayEquals(first, DoubleArray(3) { rng.nextGaussian() })
    }

    @Test
    fun `setSeed(int) reads the bits as an unsigned seed, so -1 is numpy's 4294967295`() {
        val rng = RandomState(0)
        rng.setSeed(-1)
        assertArrayEquals(RandomState(4294967295L).randomSample(4), rng.randomSample(4))
    }

    @Test
    fun `setSeed with an array is numpy's init_by_array seeding`() {
        val rng = RandomState(0)
        rng.setSeed(intArrayOf(1, 2, 3))
        assertArrayEquals(RandomState.fromArraySeed(intArrayOf(1, 2, 3)).randomSample(5), rng.randomSample(5))
        assertNotEquals(RandomState(1).randomSample(1)[0], RandomState.fromArraySeed(intArrayOf(1)).randomSample(1)[0])
    }

    @Test
    fun `nextBoolean and nextFloat consume one word each and stay in range`() {
        val rng = RandomState(9)
        val floats = FloatArray(1000) { rng.nextFloat() }
        assertTrue(floats.all { it >= 0f && it < 1f })
        val booleans = BooleanArray(1000) { rng.nextBoolean() }
        assertTrue(booleans.count { it } in 400..600)
        val reference = RandomState(9)
        repeat(2000) { reference.nextInt() }
        assertEquals(reference.nextInt(), rng.nextInt())
    }
}
