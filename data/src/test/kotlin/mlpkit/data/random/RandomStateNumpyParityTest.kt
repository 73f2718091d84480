package mlpkit.data.random

import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.boolean
import kotlinx.serialization.json.double
import kotlinx.serialization.json.int
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.long
import mlpkit.core.matrix.DenseMatrix
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * Replays numpy 1.24.2's legacy RandomState streams recorded in `numpy_randomstate_42.json` and
 * `numpy_randomstate_streams.json`: every call, in order, on one generator.
 *
 * Uniform draws and every integer, permutation and choice must be identical. Gaussian draws go through
 * a logarithm, where Java's `Math.log` and glibc's `log` may round differently in the last bit; they
 * must agree within [GAUSSIAN_ULPS] units in the last place.
 */
class RandomStateNumpyParityTest {
    @Test
    fun `RandomState(42) draws numpy's random_sample, standard_normal, randint, permutation, uniform and normal`() {
        val fixture = Fixtures.json("numpy_randomstate_42.json")
        val rs = RandomState(42)
        assertArrayEquals(Fixtures.doubles(fixture["random_sample_5"]!!), rs.randomSample(5))
        assertGaussiansEqual(Fixtures.doubles(fixture["standard_normal_5"]!!), rs.standardNormal(5), "standard_normal(5)")
        assertArrayEquals(Fixtures.longs(fixture["randint_0_10_8"]!!), rs.randint(0, 10, 8))
        assertArrayEquals(Fixtures.ints(fixture["permutation_10"]!!), rs.permutation(10))
        assertArrayEquals(Fixtures.doubles(fixture["uniform_m1_1_3"]!!), rs.uniform(-1.0, 1.0, 3))
        assertGaussiansEqual(Fixtures.doubles(fixture["normal_2_3_3"]!!), rs.normal(2.0, 3.0, 3), "normal(2, 3, 3)")

        val fresh = RandomState(42)
        val values = IntArray(10) { it }
        fresh.shuffle(values)
        assertArrayEquals(Fixtures.ints(fixture["shuffle_arange10_fresh_seed42"]!!), values)
    }

    @Test
    fun `every recorded numpy stream is replayed call for call, ending in numpy's state`() {
        val cases = Fixtures.json("numpy_randomstate_streams.json")["cases"]!!.jsonArray
        assertTrue(cases.size >= 9)
        for (case in cases) {
            val seed = case.jsonObject["seed"]!!
            val rs = if (seed is JsonArray) {
                RandomState.fromArraySeed(seed.map { it.jsonPrimitive.long.toInt() }.toIntArray())
            } else {
                RandomState(seed.jsonPrimitive.long)
            }
            for ((index, call) in case.jsonObject["calls"]!!.jsonArray.withIndex()) {
                replay(rs, call.jsonObject, "seed $seed, call $index")
            }
            val state = case.jsonObject["final_state"]!!.jsonObject
            val snapshot = rs.snapshot()
            assertArrayEquals(
                Fixtures.longs(state["key"]!!),
                LongArray(snapshot.key.size) { snapshot.key[it].toUInt().toLong() },
                "seed $seed: final key",
            )
            assertEquals(state["pos"]!!.jsonPrimitive.int, snapshot.position, "seed $seed: final position")
            val hasGauss = state["has_gauss"]!!.jsonPrimitive.int == 1
            assertEquals(hasGauss, snapshot.cachedGaussian != null, "seed $seed: has_gauss")
            if (hasGauss) {
                assertGaussiansEqual(
                    doubleArrayOf(state["cached_gaussian"]!!.jsonPrimitive.double),
                    doubleArrayOf(snapshot.cachedGaussian!!),
                    "seed $seed: cached gaussian",
                )
            }
        }
    }

    private fun replay(rs: RandomState, call: JsonObject, where: String) {
        val method = call["method"]!!.jsonPrimitive.content
        val args = call["args"]!!.jsonObject
        val expected = call["result"]!!
        fun int(name: String) = args[name]!!.jsonPrimitive.int
        fun long(name: String) = args[name]!!.jsonPrimitive.long
        fun double(name: String) = args[name]!!.jsonPrimitive.double
        val label = "$where: $method $args"
        when (method) {
            "random_sample" -> assertArrayEquals(Fixtures.doubles(expected), rs.randomSample(int("n")), label)
            "uniform" -> assertArrayEquals(
                Fixtures.doubles(expected), rs.uniform(double("low"), double("high"), int("n")), label,
            )
            "standard_normal" -> assertGaussiansEqual(Fixtures.doubles(expected), rs.standardNormal(int("n")), label)
            "normal" -> assertGaussiansEqual(
                Fixtures.doubles(expected), rs.normal(double("loc"), double("scale"), int("n")), label,
            )
            "randn" -> {
                val shape = args["shape"]!!.jsonArray.map { it.jsonPrimitive.int }
                val (_, _, values) = Fixtures.matrix(expected)
                assertGaussiansEqual(values, rs.standardNormal(shape.reduce(Int::times)), label)
            }
            "randint" -> assertArrayEquals(Fixtures.longs(expected), rs.randint(long("low"), long("high"), int("n")), label)
            "shuffle_int" -> {
                val values = IntArray(int("n")) { it }
                rs.shuffle(values)
                assertArrayEquals(Fixtures.ints(expected), values, label)
            }
            "shuffle_float" -> {
                val values = DoubleArray(int("n")) { it / 4.0 }
                rs.shuffle(values)
                assertArrayEquals(Fixtures.doubles(expected), values, label)
            }
            "shuffle_rows" -> {
                val rows = int("rows")
                val cols = int("cols")
                val matrix = DenseMatrix(rows, cols, DoubleArray(rows * cols) { it.toDouble() })
                rs.shuffle(matrix)
                assertArrayEquals(Fixtures.matrix(expected).third, matrix.data(), label)
            }
            "permutation" -> assertArrayEquals(Fixtures.ints(expected), rs.permutation(int("n")), label)
            "choice" -> {
                val p = args["p"]!!.let { if (it is JsonNull) null else Fixtures.doubles(it) }
                val replace = args["replace"]!!.jsonPrimitive.boolean
                assertArrayEquals(Fixtures.ints(expected), rs.choice(int("n"), int("size"), replace, p), label)
            }
            "bytes" -> assertArrayEquals(
                Fixtures.ints(expected).map { it.toByte() }.toByteArray(), rs.bytes(int("n")), label,
            )
            else -> error("$where: unknown method $method in the fixture")
        }
    }

    companion object {
        const val GAUSSIAN_ULPS = 4

        fun assertGaussiansEqual(expected: DoubleArray, actual: DoubleArray, label: String) {
            assertEquals(expected.size, actual.size, "$label: count")
            for (i in expected.indices) {
                val tolerance = GAUSSIAN_ULPS * Math.ulp(expected[i])
                assertTrue(
                    Math.abs(expected[i] - actual[i]) <= tolerance,
                    "$label: value $i is ${actual[i]}, numpy gives ${expected[i]} (more than $GAUSSIAN_ULPS ulps apart)",
                )
            }
        }
    }
}
